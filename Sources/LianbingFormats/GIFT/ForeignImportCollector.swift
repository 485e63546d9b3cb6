import Foundation
import LianbingCore

/// Gathers the questions of one foreign file (GIFT, Moodle XML) into a `QuestionImport`: runs `QuestionChecks` on
/// each, settles questions that came out with the same id, notes the drafts a reader made of 简答 without grading,
/// and sorts every outcome into questions, issues, notes and unsupported types.
///
/// Moodle allows several questions with one name, and ids come from names (`ForeignQuestion.identity`). Questions
/// sharing an id with the same content are one question written twice: the first is kept and the others named in a
/// note. When the contents differ, each gets a suffix hashed from its own content, so the ids do not depend on the
/// order of the file and a re-import finds the same questions again.
struct ForeignImportCollector {
    let file: String
    private var questions: [LocatedQuestion] = []
    private var issues: [ImportIssue] = []
    private var unsupported: [UnsupportedQuestion] = []
    private var notes: [ImportIssue] = []

    init(file: String) { self.file = file }

    /// The outcome of the question at `line`; `name` and `preview` name it if its type is unsupported.
    mutating func add(_ outcome: ForeignOutcome, line: Int, name: String, preview: String) {
        switch outcome {
        case .unsupported(let type):
            let label = ForeignQuestion.label(name: name, text: preview)
            unsupported.append(UnsupportedQuestion(file: file, line: line, name: label, type: type))
        case .problems(let reasons):
            for reason in reasons { issue(reason, line: line) }
        case .question(let question):
            let reasons = QuestionChecks.problems(question)
            for reason in reasons { issue(reason, line: line) }
            guard reasons.isEmpty else { return }
            questions.append(LocatedQuestion(question: question, file: file, line: line))
            let missing = question.status == .draft ? BankValidator.gradingProblems(of: question) : []
            if !missing.isEmpty {
                let label = ForeignQuestion.label(name: name, text: preview)
                notes.append(
                    ImportIssue(
                        file: file, line: line,
                        reason: "\(question.kind.label)“\(label)”\(missing.joined(separator: "、"))，已作为草稿导入：补全并改为启用后才能组卷"))
            }
        }
    }

    mutating func issue(_ reason: String, line: Int) {
        issues.append(ImportIssue(file: file, line: line, reason: reason))
    }

    var result: QuestionImport {
        var notes = notes
        var dropped: Set<Int> = []
        var suffixed: Set<Int> = []
        for sharing in Dictionary(grouping: questions.indices, by: { questions[$0].question.id }).values where sharing.count > 1 {
            var firstWithContent: [String: Int] = [:]
            for index in sharing.sorted() {
                let key = Self.contentHash(questions[index].question)
                if let first = firstWithContent[key] {
                    dropped.insert(index)
                    notes.append(
                        questions[index].issue(
                            "题目“\(Self.name(questions[index].question))”与第 \(questions[first].line) 行的题目名称和内容都相同，只导入一次"))
                } else {
                    firstWithContent[key] = index
                }
            }
            if firstWithContent.count > 1 { suffixed.formUnion(firstWithContent.values) }
        }
        var kept: [LocatedQuestion] = []
        for index in questions.indices where !dropped.contains(index) {
            var located = questions[index]
            if suffixed.contains(index) {
                let suffix = "-" + Self.contentHash(located.question).prefix(8)
                located.question.id = located.question.id.prefix(Self.maxIDLength - suffix.count) + suffix
            }
            kept.append(located)
        }
        return QuestionImport(questions: kept, issues: issues, unsupported: unsupported, notes: notes.sorted())
    }

    /// The name the author gave the question in the other system, else its id.
    private static func name(_ question: Question) -> String {
        question.tags.first { $0.hasPrefix(ForeignQuestion.nameTagPrefix) }.map { String($0.dropFirst(ForeignQuestion.nameTagPrefix.count)) }
            ?? question.id
    }

    /// `Question.isValidID`'s limit.
    private static let maxIDLength = 32

    /// What makes the question this question (not its file, category or tags), hashed.
    private static func contentHash(_ question: Question) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding an `Answer` cannot fail.
        let answer = (try? encoder.encode(question.answer)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let parts = [question.kind.rawValue, question.stem, question.options.joined(separator: "\u{1F}"), answer, question.explanation]
        return ForeignQuestion.hash(parts.joined(separator: "\u{1E}"))
    }
}
