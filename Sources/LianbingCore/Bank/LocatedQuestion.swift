/// A question together with where it was read, so that every later check can point at the file and line.
public struct LocatedQuestion: Sendable, Hashable {
    public var question: Question
    public var file: String
    /// 1-based line of the question's first line (for XML, the line of its `<question>` element).
    public var line: Int

    public init(question: Question, file: String, line: Int) {
        self.question = question
        self.file = file
        self.line = line
    }

    public func issue(_ reason: String) -> ImportIssue { ImportIssue(file: file, line: line, reason: reason) }
}

/// A question in a foreign format (GIFT, Moodle XML) whose type the product does not have.
public struct UnsupportedQuestion: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The question's name or the start of its text, so the author can find it.
    public var name: String
    /// The foreign type, e.g. `matching`, `numerical`, `cloze`.
    public var type: String

    public init(file: String, line: Int, name: String, type: String) {
        self.file = file
        self.line = line
        self.name = name
        self.type = type
    }

    public var description: String { "\(file):\(line): 不支持的题型 \(type)：\(name)" }
}

/// What reading a bank file gives: the questions that parsed, the problems of those that did not, and the
/// questions of types the product lacks (reported, or skipped on request).
public struct QuestionImport: Sendable {
    public var questions: [LocatedQuestion]
    public var issues: [ImportIssue]
    public var unsupported: [UnsupportedQuestion]
    /// What the reader did that the author should know but that stops nothing (a duplicate read once).
    public var notes: [ImportIssue]

    public init(
        questions: [LocatedQuestion] = [], issues: [ImportIssue] = [], unsupported: [UnsupportedQuestion] = [],
        notes: [ImportIssue] = []
    ) {
        self.questions = questions
        self.issues = issues
        self.unsupported = unsupported
        self.notes = notes
    }

    public mutating func append(_ other: QuestionImport) {
        questions += other.questions
        issues += other.issues
        unsupported += other.unsupported
        notes += other.notes
    }
}
