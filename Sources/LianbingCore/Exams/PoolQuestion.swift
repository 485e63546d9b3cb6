/// What paper assembly needs to know of one question of a bank revision: small, so that thousands of papers a
/// second can be drawn from it.
public struct PoolQuestion: Sendable, Hashable {
    public var id: String
    public var revision: Int
    public var kind: QuestionKind
    public var difficulty: Int
    public var knowledgePoints: [String]
    public var usage: QuestionUsage
    /// Options to shuffle (0 for non-choice questions).
    public var optionCount: Int
    /// 原文: questions quoting the same sentence never share a paper (`EnemyGroups`).
    public var quote: String

    public init(
        id: String, revision: Int, kind: QuestionKind, difficulty: Int, knowledgePoints: [String], usage: QuestionUsage, optionCount: Int,
        quote: String = ""
    ) {
        self.id = id
        self.revision = revision
        self.kind = kind
        self.difficulty = difficulty
        self.knowledgePoints = knowledgePoints
        self.usage = usage
        self.optionCount = optionCount
        self.quote = quote
    }

    public init(_ question: Question, revision: Int) {
        self.init(
            id: question.id, revision: revision, kind: question.kind, difficulty: question.difficulty,
            knowledgePoints: question.knowledgePoints, usage: question.usage, optionCount: question.options.count, quote: question.quote)
    }

    /// The knowledge point a blueprint counts this question under.
    public var mainKnowledgePoint: String { knowledgePoints.first ?? "" }
}

extension String {
    /// `培训/常态化培训` is under `培训` (and under itself); `培训班` is not under `培训`.
    public func isKnowledgePoint(under ancestor: String) -> Bool {
        self == ancestor || (hasPrefix(ancestor) && dropFirst(ancestor.count).first == "/")
    }
}
