import LianbingCore

/// Gathers the questions of one foreign file (GIFT, Moodle XML) into a `QuestionImport`: runs `QuestionChecks` on
/// each, refuses a repeated id, and sorts every outcome into questions, issues and unsupported types.
struct ForeignImportCollector {
    let file: String
    private(set) var result = QuestionImport()
    private var seen = SeenQuestionIDs()

    init(file: String) { self.file = file }

    /// The outcome of the question at `line`; `name` and `preview` name it if its type is unsupported.
    mutating func add(_ outcome: ForeignOutcome, line: Int, name: String, preview: String) {
        switch outcome {
        case .unsupported(let type):
            let label = ForeignQuestion.label(name: name, text: preview)
            result.unsupported.append(UnsupportedQuestion(file: file, line: line, name: label, type: type))
        case .problems(let reasons):
            for reason in reasons { issue(reason, line: line) }
        case .question(let question):
            var reasons = QuestionChecks.problems(question)
            if reasons.isEmpty, let duplicate = seen.claim(question.id, line: line) { reasons.append(duplicate) }
            if reasons.isEmpty {
                result.questions.append(LocatedQuestion(question: question, file: file, line: line))
            }
            for reason in reasons { issue(reason, line: line) }
        }
    }

    mutating func issue(_ reason: String, line: Int) {
        result.issues.append(ImportIssue(file: file, line: line, reason: reason))
    }
}
