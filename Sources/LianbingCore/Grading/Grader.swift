/// Marks one response against a compiled key.
///
/// The rules, and why:
/// - Single choice: exactly the right option, else 0.
/// - Multiple choice: by `MultipleChoicePolicy`. Under `.partial`, any wrong option scores 0 even alongside right
///   ones, so ticking everything never pays; an empty response scores 0.
/// - Fill in the blank: each blank is right when its normalised response is among the normalised variants, and
///   the score is `points × right blanks / blanks` — a per-blank share, so a two-blank question half answered earns
///   half. A response with fewer entries than blanks leaves the missing ones wrong; extra entries are ignored.
/// - Short answer: pending (`score == nil`) for a trainer, unless there is no answer at all (`nil`, or only
///   whitespace): an unanswered short answer scores 0 and needs no trainer.
/// - A response of the wrong shape for the key (text for a choice question), or with an option index outside the
///   question's options, scores 0: it cannot have come from the paper the candidate was shown.
public struct Grader: Sendable {
    public var multipleChoice: MultipleChoicePolicy

    public init(multipleChoice: MultipleChoicePolicy) {
        self.multipleChoice = multipleChoice
    }

    public func mark(_ key: GradingKey, response: Response?, points: Double) -> ItemMark {
        ItemMark(score: score(key, response: response, points: points), points: points)
    }

    private func score(_ key: GradingKey, response: Response?, points: Double) -> Double? {
        switch (key.shape, response) {
        case (.shortAnswer, .text(let text)):
            return Self.isUnanswered(text) ? 0 : nil
        case (.singleChoice(let mask, let optionCount), .choices(let indexes)):
            // Nothing chosen is never right, not even against a key a broken question left empty.
            guard let chosen = ChoiceMask.of(indexes, optionCount: optionCount), chosen != 0 else { return 0 }
            return chosen == mask ? points : 0
        case (.multipleChoice(let mask, let optionCount), .choices(let indexes)):
            guard let chosen = ChoiceMask.of(indexes, optionCount: optionCount), chosen != 0 else { return 0 }
            return multipleChoiceScore(chosen: chosen, key: mask, points: points)
        case (.trueFalse(let value), .trueFalse(let answer)):
            return answer == value ? points : 0
        case (.blanks(let variants), .blanks(let answers)):
            return blanksScore(answers, variants: variants, points: points)
        default:
            return 0
        }
    }

    @inline(__always)
    private func multipleChoiceScore(chosen: UInt64, key: UInt64, points: Double) -> Double {
        if chosen == key { return points }
        guard case .partial(let share) = multipleChoice, chosen & ~key == 0 else { return 0 }
        return share * points
    }

    private func blanksScore(_ answers: [String], variants: [Set<String>], points: Double) -> Double {
        guard !variants.isEmpty else { return 0 }
        var right = 0
        for (answer, accepted) in zip(answers, variants) where Self.accepts(accepted, answer) {
            right += 1
        }
        return right == variants.count ? points : points * Double(right) / Double(variants.count)
    }

    /// Only whitespace, judged as blanks judge it; the first character of a real answer settles it.
    private static func isUnanswered(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            if case .drop = BlankNormaliser.normalised($0) { true } else { false }
        }
    }

    /// Most responses are typed as expected (Chinese, no stray spaces, half-width): look those up as they stand and
    /// build a normalised copy only for the rest.
    @inline(__always)
    private static func accepts(_ accepted: Set<String>, _ answer: String) -> Bool {
        BlankNormaliser.isNormalised(answer) ? accepted.contains(answer) : accepted.contains(BlankNormaliser.normalise(answer))
    }
}
