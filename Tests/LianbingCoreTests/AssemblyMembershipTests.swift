import LianbingCore
import Testing

/// Pools and blueprints for the assembly tests, in a namespace so the helpers cannot clash with other suites'.
enum AssemblyFixture {
    static func question(
        _ id: String, _ kind: QuestionKind = .singleChoice, difficulty: Int = 3, points: [String] = ["甲"], usage: QuestionUsage = .both
    ) -> PoolQuestion {
        PoolQuestion(
            id: id, revision: 1, kind: kind, difficulty: difficulty, knowledgePoints: points, usage: usage,
            optionCount: kind == .singleChoice ? 4 : kind == .multipleChoice ? 5 : 0)
    }

    /// `perDifficulty` questions of each difficulty 1–5 for each knowledge point and kind, ids like `甲-single-3-2`.
    static func pool(points: [String] = ["甲", "乙"], kinds: [QuestionKind] = [.singleChoice, .trueFalse], perDifficulty: Int = 4) -> [PoolQuestion] {
        points.flatMap { point in
            kinds.flatMap { kind in
                (1...5).flatMap { difficulty in
                    (1...perDifficulty).map { question("\(point)-\(kind.rawValue)-\(difficulty)-\($0)", kind, difficulty: difficulty, points: [point]) }
                }
            }
        }
    }

    /// 甲 and 乙, single choice (2 points) and true/false (1 point): 4 + 3 + 2 + 1 = 10 questions, 17 points.
    static func blueprint(cap: Double? = nil, target: Double = 3, tolerance: Double = 0.5, enemies: [[String]] = []) -> Blueprint {
        Blueprint(
            title: "测试", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 2), BlueprintSection(kind: .trueFalse, pointsPerQuestion: 1)],
            cells: [
                BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 4),
                BlueprintCell(knowledgePoint: "乙", kind: .singleChoice, difficulty: 2...4, count: 3),
                BlueprintCell(knowledgePoint: "甲", kind: .trueFalse, difficulty: 1...5, count: 2),
                BlueprintCell(knowledgePoint: "乙", kind: .trueFalse, difficulty: 1...5, count: 1),
            ],
            totalPoints: 2 * 7 + 3, targetDifficulty: target, difficultyTolerance: tolerance, enemyGroups: enemies, exposureCap: cap)
    }

    /// Questions of each cell on `paper`, by the membership rule.
    static func cellCounts(_ paper: Paper, blueprint: Blueprint, pool: [PoolQuestion]) -> [Int] {
        let byID = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0) })
        var counts = Array(repeating: 0, count: blueprint.cells.count)
        for item in paper.items {
            if let cell = CellMembership.cell(of: byID[item.questionId]!, in: blueprint) { counts[cell] += 1 }
        }
        return counts
    }
}

@Suite("Assembly: cell membership")
struct AssemblyMembershipTests {
    let blueprint = Blueprint(
        title: "归属", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
        cells: [
            BlueprintCell(knowledgePoint: "体系建设", kind: .singleChoice, difficulty: 1...5, count: 1),
            BlueprintCell(knowledgePoint: "体系建设/结对共建", kind: .singleChoice, difficulty: 1...3, count: 1),
            BlueprintCell(knowledgePoint: "体系建设/结对共建", kind: .singleChoice, difficulty: 2...4, count: 1),
        ],
        totalPoints: 3, targetDifficulty: 3, difficultyTolerance: 1)

    @Test("Given nested knowledge points, when a question qualifies for several cells, then the most specific, then the earliest, takes it")
    func mostSpecificThenEarliest() {
        #expect(CellMembership.cell(of: AssemblyFixture.question("a", difficulty: 2, points: ["体系建设/结对共建"]), in: blueprint) == 1)
        #expect(CellMembership.cell(of: AssemblyFixture.question("b", difficulty: 4, points: ["体系建设/结对共建"]), in: blueprint) == 2)
        #expect(CellMembership.cell(of: AssemblyFixture.question("c", difficulty: 5, points: ["体系建设/结对共建"]), in: blueprint) == 0)
        #expect(CellMembership.cell(of: AssemblyFixture.question("d", difficulty: 2, points: ["体系建设/区域协调发展"]), in: blueprint) == 0)
    }

    @Test("Given a question whose first knowledge point is elsewhere, when placed, then only the first point counts")
    func mainKnowledgePointOnly() {
        let question = AssemblyFixture.question("e", points: ["总体要求/主要任务", "体系建设/结对共建"])
        #expect(CellMembership.cell(of: question, in: blueprint) == nil)
    }

    @Test("Given a lookalike knowledge point, a wrong type or a practice-only question, when placed, then it belongs to no cell")
    func noCell() {
        #expect(CellMembership.cell(of: AssemblyFixture.question("f", points: ["体系建设们"]), in: blueprint) == nil)
        #expect(CellMembership.cell(of: AssemblyFixture.question("g", .trueFalse, points: ["体系建设"]), in: blueprint) == nil)
        #expect(CellMembership.cell(of: AssemblyFixture.question("h", points: ["体系建设"], usage: .practice), in: blueprint) == nil)
        var selfTest = blueprint
        selfTest.purpose = .selfTest
        #expect(CellMembership.cell(of: AssemblyFixture.question("i", points: ["体系建设"], usage: .exam), in: selfTest) == nil)
        #expect(CellMembership.cell(of: AssemblyFixture.question("j", points: ["体系建设"], usage: .practice), in: selfTest) == 0)
    }

    @Test("Given a pool, when split into cell pools, then every question is in at most one pool, in pool order")
    func pools() {
        let pool = [
            AssemblyFixture.question("x1", difficulty: 1, points: ["体系建设/结对共建"]),
            AssemblyFixture.question("x2", difficulty: 5, points: ["体系建设"]),
            AssemblyFixture.question("x3", difficulty: 3, points: ["体系建设/结对共建"]),
            AssemblyFixture.question("x4", .fillBlank, points: ["体系建设"]),
        ]
        #expect(CellMembership.pools(of: blueprint, in: pool) == [[1], [0, 2], []])
    }
}
