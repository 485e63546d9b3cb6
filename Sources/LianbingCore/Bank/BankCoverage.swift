/// The 双向细目表 view of a bank: how many questions sit in each cell of knowledge point × type × difficulty,
/// with totals by type and by status. Pure: computed from the questions given.
public struct BankCoverage: Sendable, Codable, Equatable {
    public struct Cell: Sendable, Codable, Equatable, Comparable {
        public var knowledgePoint: String
        public var kind: QuestionKind
        public var difficulty: Int
        public var count: Int

        public static func < (lhs: Cell, rhs: Cell) -> Bool {
            (lhs.knowledgePoint, lhs.kind, lhs.difficulty) < (rhs.knowledgePoint, rhs.kind, rhs.difficulty)
        }
    }

    public var total: Int
    /// Active questions, the ones exams may draw.
    public var active: Int
    public var byKind: [QuestionKind: Int]
    public var byStatus: [QuestionStatus: Int]
    public var byUsage: [QuestionUsage: Int]
    public var byDifficulty: [Int: Int]
    /// Active questions only; a question with two knowledge points counts in both rows.
    public var cells: [Cell]

    public init(_ questions: [Question]) {
        total = questions.count
        active = questions.filter { $0.status == .active }.count
        byKind = Dictionary(grouping: questions, by: \.kind).mapValues(\.count)
        byStatus = Dictionary(grouping: questions, by: \.status).mapValues(\.count)
        byUsage = Dictionary(grouping: questions.filter { $0.status == .active }, by: \.usage).mapValues(\.count)
        byDifficulty = Dictionary(grouping: questions.filter { $0.status == .active }, by: \.difficulty).mapValues(\.count)
        var counts: [String: [QuestionKind: [Int: Int]]] = [:]
        for question in questions where question.status == .active {
            for point in Set(question.knowledgePoints) { counts[point, default: [:]][question.kind, default: [:]][question.difficulty, default: 0] += 1 }
        }
        cells = counts.flatMap { point, kinds in
            kinds.flatMap { kind, difficulties in
                difficulties.map { Cell(knowledgePoint: point, kind: kind, difficulty: $0.key, count: $0.value) }
            }
        }.sorted()
    }

    /// Knowledge points in order, for the rows of the table.
    public var knowledgePoints: [String] { Array(Set(cells.map(\.knowledgePoint))).sorted() }

    public func count(_ point: String, _ kind: QuestionKind) -> Int {
        cells.filter { $0.knowledgePoint == point && $0.kind == kind }.reduce(0) { $0 + $1.count }
    }
}
