import Foundation
import LianbingCore

/// A question as the question form holds it: the value of each key of a bank file, typed as it would be written in
/// the file (知识点 separated by `;`, 填空 answers by `|` and `/`, options and 评分要点 one per line).
///
/// The form is read by turning it into one block of a bank file and reading that with `BankText.read`, so the
/// browser and `bank validate` share the reader as well as `BankValidator`: the same question gets the same messages.
public struct BankTextForm: Sendable, Equatable {
    /// The form's field names, each the key of a bank file it stands for; `options` holds the lettered lines.
    public enum Field: String, CaseIterable, Sendable {
        case id, kind, knowledgePoints, difficulty, usage, status, tags, source, quote, stem, options, answer, reference, scoringPoints,
            explanation

        /// The key of a bank file it stands for; `nil` for the options, written as lettered lines.
        var key: BankTextKey? {
            switch self {
            case .id: .id
            case .kind: .kind
            case .knowledgePoints: .knowledgePoints
            case .difficulty: .difficulty
            case .usage: .usage
            case .status: .status
            case .tags: .tags
            case .source: .source
            case .quote: .quote
            case .stem: .stem
            case .options: nil
            case .answer: .answer
            case .reference: .reference
            case .scoringPoints: .scoringPoints
            case .explanation: .explanation
            }
        }

        /// The word the reader's and the validator's messages use for it.
        public var label: String { key?.label ?? "选项" }
    }

    public var values: [Field: String]

    public init(_ values: [Field: String] = [:]) { self.values = values }

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// A stored question's values, written as the bank file writer writes them. The form holds one option a line, so
    /// a line break inside an option becomes a space.
    public init(_ question: Question) {
        let question = BankText.canonical(question)
        let list = { (items: [String], separator: String) in items.map { BankTextEscaping.escape($0, [";"]) }.joined(separator: separator) }
        values = [
            .id: question.id, .kind: question.kind.label, .knowledgePoints: list(question.knowledgePoints, ";"),
            .difficulty: String(question.difficulty), .usage: question.usage.label, .status: question.status.label,
            .tags: list(question.tags, ";"), .source: question.source, .quote: question.quote, .stem: question.stem,
            .options: question.options.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n"),
            .explanation: question.explanation,
        ]
        switch question.answer {
        case .choices(let indexes): values[.answer] = Answer.letters(indexes)
        case .trueFalse(let isTrue): values[.answer] = isTrue ? "正确" : "错误"
        case .blanks(let blanks):
            values[.answer] = blanks.map { $0.map { BankTextEscaping.escape($0, ["|", "/"]) }.joined(separator: "/") }.joined(separator: "|")
        case .shortAnswer(let reference, let points):
            values[.reference] = reference
            values[.scoringPoints] = list(points, "\n")
        }
    }

    /// Reads the form as `bank validate` reads a file named `file`: the question, or the reader's problems with it.
    public func read(file: String = "表单") -> QuestionImport {
        switch BankText.read(Data(blockText.utf8), file: file) {
        case .success(let read): read
        case .failure(let failure): QuestionImport(issues: failure.issues)
        }
    }

    /// The block of a bank file the fields make, in the writer's order. Optional keys left empty are left out, as the
    /// writer leaves them; required ones are written even when empty, so the reader names what is missing. Empty lines
    /// inside a value are dropped: in a file they would end the question.
    var blockText: String {
        var text = ""
        func lines(_ value: String) -> [Substring] { BankTextCanonicalForm.lines(value).map(BankTextWhitespace.trim).filter { !$0.isEmpty } }
        func write(_ label: String, _ value: String) {
            let lines = lines(value)
            if lines.count <= 1 {
                text += label + (lines.first.map { " " + $0 } ?? "") + "\n"
            } else {
                text += label + "\n" + lines.map { "  " + $0 + "\n" }.joined()
            }
        }
        let isShortAnswer = QuestionKind(label: self[.kind]) == .shortAnswer
        let always: Set<Field> = [.id, .kind, .knowledgePoints, .difficulty, .source, .stem]
        let required = always.union(isShortAnswer ? [.reference, .scoringPoints] : [.answer])
        for field in Field.allCases {
            if let key = field.key {
                if required.contains(field) || !lines(self[field]).isEmpty { write(key.label + ":", self[field]) }
            } else {
                // Letters past H are written too, so the reader reports them rather than the form dropping them.
                for (index, option) in lines(self[.options]).prefix(26).enumerated() { write(BankTextBlock.letter(index) + ".", String(option)) }
            }
        }
        return text
    }
}
