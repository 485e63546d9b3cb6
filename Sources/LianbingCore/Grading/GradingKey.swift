/// A question's key in the form the grader compares against, compiled once per question revision.
///
/// Grading runs for every item of every attempt (a province-wide assessment is tens of thousands of attempts of a
/// hundred items), so the work that depends only on the question — normalising blank variants, turning option
/// indexes into a bitmask — is done here once instead of on every mark.
public struct GradingKey: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        /// Bit `i` set for right option `i`; `optionCount` bounds the indexes a response may use.
        case singleChoice(mask: UInt64, optionCount: Int)
        case multipleChoice(mask: UInt64, optionCount: Int)
        case trueFalse(Bool)
        /// Per blank, its accepted variants normalised with `BlankNormaliser`.
        case blanks([Set<String>])
        case shortAnswer
    }

    let shape: Shape

    /// Compiled from the answer; the kind only tells single from multiple choice, so a key always matches its answer.
    public init(_ question: Question) {
        switch question.answer {
        case .choices(let indexes):
            // 64 bits hold far more than the eight options a question may have; anything beyond cannot be right.
            let optionCount = min(question.options.count, UInt64.bitWidth)
            let mask = ChoiceMask.of(indexes, optionCount: optionCount) ?? 0
            shape = question.kind == .multipleChoice
                ? .multipleChoice(mask: mask, optionCount: optionCount) : .singleChoice(mask: mask, optionCount: optionCount)
        case .trueFalse(let value):
            shape = .trueFalse(value)
        case .blanks(let variants):
            shape = .blanks(variants.map { Set($0.map(BlankNormaliser.normalise)) })
        case .shortAnswer:
            shape = .shortAnswer
        }
    }

    /// Whether the machine marks the question; short answers wait for a trainer.
    public var isAutoMarked: Bool {
        if case .shortAnswer = shape { return false }
        return true
    }
}

/// Choice indexes as a bitmask: set comparison in one instruction, no array sorted or allocated.
enum ChoiceMask {
    /// `nil` when an index is outside `0..<optionCount`: such a response is tampered or stale, never right.
    @inline(__always)
    static func of(_ indexes: [Int], optionCount: Int) -> UInt64? {
        var mask: UInt64 = 0
        for index in indexes {
            guard index >= 0, index < optionCount else { return nil }
            mask |= 1 << UInt64(index)
        }
        return mask
    }
}
