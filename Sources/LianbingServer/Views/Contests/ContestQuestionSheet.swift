import LianbingCore
import LianbingStore

/// A live round's questions with their keys, as the judges' printed sheet (题目单) shows them: one page per round.
struct ContestQuestionSheet: Sendable {
    struct Item: Sendable {
        var number: Int
        var kindLabel: String
        var stem: String
        var options: [String]
        var hasOptions: Bool
        var answer: String
        /// `nil` when blank: an empty string would still open a Mustache section.
        var explanation: String?
        var source: String?
    }

    var number: Int
    var title: String
    var styleLabel: String
    var rules: String
    var items: [Item]

    init(_ round: ContestRound, questions: [ContestQuestionView]) {
        number = round.number
        title = round.title
        styleLabel = round.style.label
        rules = ContestRulesText.describe(round)
        items = questions.map { question in
            let options = question.options.enumerated().map { index, text in
                "\(index < Question.letters.count ? String(Question.letters[index]) : String(index + 1)). \(text)"
            }
            return Item(
                number: question.number, kindLabel: question.kind.label, stem: question.stem, options: options, hasOptions: !options.isEmpty,
                answer: question.answer.map(Self.key) ?? "—", explanation: question.explanation.flatMap { $0.isEmpty ? nil : $0 },
                source: question.source.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The key as a judge reads it out: letters, 正确/错误, each blank's accepted answers, or the reference answer
    /// with its scoring points.
    static func key(_ answer: Answer) -> String {
        switch answer {
        case .choices(let indexes): return Answer.letters(indexes)
        case .trueFalse(let value): return value ? "正确（√）" : "错误（×）"
        case .blanks(let blanks):
            return blanks.enumerated().map { index, variants in
                let text = variants.joined(separator: " 或 ")
                return blanks.count > 1 ? "(\(index + 1)) \(text)" : text
            }.joined(separator: "；")
        case .shortAnswer(let reference, let points):
            return points.isEmpty ? reference : reference + "\n评分要点：" + points.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "；")
        }
    }
}
