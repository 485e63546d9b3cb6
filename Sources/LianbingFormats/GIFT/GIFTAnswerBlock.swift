import Foundation
import LianbingCore

/// The inside of a GIFT answer block `{ … }`: which type it makes, and its answers.
///
/// The type follows Moodle's own reading order, so a file means here what it means in Moodle:
/// - empty → essay → 简答
/// - starts with `#` → numerical (unsupported)
/// - any `~` → multiple choice: one correct answer (`=`, or `~%100%`) → 单选; several (`=` each, or positive
///   weights `~%50%` summing to 100) → 多选
/// - `=` and `->` → matching (unsupported)
/// - `T`, `F`, `TRUE`, `FALSE` → 判断
/// - only `=` answers → short answer → 填空 with one blank, the answers being its accepted variants
///
/// `####text` is the general feedback (→ 解析); `#text` after an answer is that answer's feedback, which the bank
/// has no place for and is dropped.
enum GIFTAnswerBlock {
    struct Parsed {
        var kind: QuestionKind
        var options: [String] = []
        var answer: Answer
        var explanation: String
    }

    private struct Entry {
        var correctMarker: Bool
        var weight: Double?
        var text: String
    }

    static func parse(_ block: ArraySlice<GIFTCharacter>) -> Result<Parsed, GIFTQuestionParser.Failure> {
        var body = block
        var explanation = ""
        if let feedback = GIFTText.first("#", times: 4, in: block) {
            explanation = GIFTText.string(GIFTText.trimmed(block[(feedback + 4)...]))
            body = block[block.startIndex..<feedback]
        }
        body = GIFTText.trimmed(body)

        guard let first = body.first else {
            return .success(Parsed(kind: .shortAnswer, answer: .shortAnswer(reference: "", points: []), explanation: explanation))
        }
        if first.is("#") { return .failure(.unsupported("numerical")) }
        let hasTilde = GIFTText.first("~", in: body) != nil
        let hasEquals = GIFTText.first("=", in: body) != nil
        if !hasTilde, hasEquals, zip(body, body.dropFirst()).contains(where: { $0.is("-") && $1.is(">") }) {
            return .failure(.unsupported("matching"))
        }
        if !hasTilde {
            let beforeFeedback = GIFTText.first("#", in: body).map { body[body.startIndex..<$0] } ?? body
            switch GIFTText.string(GIFTText.trimmed(beforeFeedback)).uppercased() {
            case "T", "TRUE": return .success(Parsed(kind: .trueFalse, answer: .trueFalse(true), explanation: explanation))
            case "F", "FALSE": return .success(Parsed(kind: .trueFalse, answer: .trueFalse(false), explanation: explanation))
            default: break
            }
        }
        if !hasTilde, !hasEquals {
            return .failure(.problems(["无法识别答案块“\(GIFTText.string(GIFTText.prefix(body, 90)))”：答案应以 = 或 ~ 开头，判断题写 T 或 F"]))
        }

        return self.entries(body).flatMap { entries in
            hasTilde ? choice(entries, explanation: explanation) : blank(entries, explanation: explanation)
        }
    }

    private static func choice(_ entries: [Entry], explanation: String) -> Result<Parsed, GIFTQuestionParser.Failure> {
        let correct = entries.indices.filter {
            entries[$0].correctMarker ? (entries[$0].weight ?? 100) > 0 : (entries[$0].weight ?? 0) > 0
        }
        let options = entries.map(\.text)
        switch correct.count {
        case 0:
            return .failure(.problems(["选择题没有正确答案：正确选项以 = 开头，或带正分值如 ~%50%"]))
        case 1:
            if let weight = entries[correct[0]].weight, abs(weight - 100) > 0.01 {
                return .failure(.problems(["唯一的正确选项分值应为 100%，实际为 \(format(weight))%"]))
            }
            return .success(Parsed(kind: .singleChoice, options: options, answer: .choices(correct), explanation: explanation))
        default:
            // Weights are Moodle's partial credit; all-weighted keys must add up to a whole mark, or the file is wrong.
            let weights = correct.compactMap { entries[$0].weight }
            if weights.count == correct.count {
                let sum = weights.reduce(0, +)
                if abs(sum - 100) > 0.1 {
                    return .failure(.problems(["多选题正确选项的分值之和应为 100%，实际为 \(format(sum))%"]))
                }
            }
            return .success(Parsed(kind: .multipleChoice, options: options, answer: .choices(correct), explanation: explanation))
        }
    }

    private static func blank(_ entries: [Entry], explanation: String) -> Result<Parsed, GIFTQuestionParser.Failure> {
        // Partial-credit answers (`=%50%…`) have no counterpart in the bank, which marks a blank right or wrong; with
        // none at full marks the question becomes a draft (`ForeignQuestion.draftIfUngraded`).
        let variants = entries.filter { ($0.weight ?? 100) >= 100 }.map(\.text)
        return .success(Parsed(kind: .fillBlank, answer: .blanks([variants]), explanation: explanation))
    }

    /// The answers: each starts at an unescaped `=` or `~`, may begin with a weight `%50%`, and may end with `#feedback`.
    private static func entries(_ body: ArraySlice<GIFTCharacter>) -> Result<[Entry], GIFTQuestionParser.Failure> {
        var starts: [Int] = []
        for index in body.indices where body[index].is("=") || body[index].is("~") { starts.append(index) }
        let lead = GIFTText.trimmed(body[body.startIndex..<starts[0]])
        if !lead.isEmpty { return .failure(.problems(["答案块中“\(GIFTText.string(GIFTText.prefix(lead, 90)))”前缺少 = 或 ~"])) }

        var entries: [Entry] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : body.endIndex
            var text = body[(start + 1)..<end]
            if let feedback = GIFTText.first("#", in: text) { text = text[text.startIndex..<feedback] }
            text = GIFTText.leadingTrimmed(text)
            var weight: Double?
            if let first = text.first, first.is("%") {
                guard let close = GIFTText.first("%", in: text, from: text.startIndex + 1),
                    let value = Double(GIFTText.string(text[(text.startIndex + 1)..<close]).trimmingCharacters(in: .whitespaces))
                else {
                    return .failure(.problems(["答案“\(GIFTText.string(GIFTText.prefix(text, 90)))”的分值无效：应写成 %50% 这样的百分数"]))
                }
                weight = value
                text = text[(close + 1)...]
            }
            entries.append(
                Entry(correctMarker: body[start].is("="), weight: weight, text: GIFTText.string(GIFTText.trimmed(text))))
        }
        return .success(entries)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
