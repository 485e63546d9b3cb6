import Foundation
import GRDB
import LianbingCore

/// Paper assembly at the scale of a province-wide exam: 20,000 papers of 100 questions over 30 cells from a
/// 10,000-question bank, on one core, every hard constraint checked afterwards; then the time to store them.
func benchAssemble() throws {
    let papers = 20_000
    let pool = assemblyPool()
    let blueprint = assemblyBlueprint(pool: pool)
    print("assemble: \(papers) papers × \(blueprint.questionCount) questions, \(blueprint.cells.count) cells, \(pool.count)-question bank, cap \(Int(blueprint.exposureCap! * 100))%, \(blueprint.enemyGroups.count) enemy groups")

    var assembler: PaperAssembler?
    let setup = try elapsedSeconds { assembler = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: papers) }
    var made: [Paper] = []
    let assembly = try elapsedSeconds { made = try assembler!.papers(papers, seed: 20_261_001) }
    print(String(format: "  feasibility + index  %7.3f s", setup))
    print(String(format: "  assembly             %7.3f s  = %.0f papers/s  (target: ≥ 10,000 papers/s)", assembly, Double(papers) / assembly))

    let check = AssemblyCheck(blueprint: blueprint, pool: pool, papers: made)
    print(String(format: "  max |mean difficulty − target|  %.3f  (tolerance %.1f)", check.worstDifficultyGap, blueprint.difficultyTolerance))
    print(String(format: "  max exposure  %d papers = %.2f%% of papers  (cap %.0f%%)", check.maxUses, 100 * Double(check.maxUses) / Double(papers), blueprint.exposureCap! * 100))
    print(String(format: "  mean overlap of two papers (2,000 sampled pairs)  %.2f%% of questions", 100 * check.meanOverlap))
    print(check.violations.isEmpty ? "  hard constraints: all hold (cells, enemies, cap, difficulty)" : "  VIOLATIONS: \(check.violations.prefix(5))")

    let work = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-assemble-\(UUID()).sqlite")
    defer { try? FileManager.default.removeItem(at: work) }
    // The general encoder as the baseline, then the stored form (`Paper.storedJSON`), which must give the same bytes.
    var general: [Data] = []
    let generalEncode = try elapsedSeconds {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        general = try made.map { try encoder.encode($0) }
    }
    var blobs: [Data] = []
    let encode = elapsedSeconds { blobs = made.map { Data($0.storedJSON!.utf8) } }
    guard blobs == general else { fatalError("Paper.storedJSON differs from JSONEncoder's bytes") }
    print(String(format: "  encode JSONEncoder   %7.3f s  (baseline)", generalEncode))
    let database = try DatabaseQueue(path: work.path)
    try database.write { try $0.execute(sql: "CREATE TABLE paper (sequence INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
    let store = try elapsedSeconds {
        try database.inTransaction { db in
            let insert = try db.makeStatement(sql: "INSERT INTO paper (sequence, body) VALUES (?, ?)")
            for (sequence, blob) in blobs.enumerated() { try insert.execute(arguments: [sequence, blob]) }
            return .commit
        }
    }
    let megabytes = Double(blobs.reduce(0) { $0 + $1.count }) / 1_048_576
    print(String(format: "  encode storedJSON    %7.3f s  (%.1f MiB, same bytes; %.1f× faster)", encode, megabytes, generalEncode / encode))
    print(String(format: "  store in SQLite      %7.3f s  (one transaction)", store))
}

/// Seconds taken by `body`, on the monotonic clock (`measure` in main.swift is for async work).
private func elapsedSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
}

/// The generated bank as a pool. `generatedBank` ties type and difficulty to the index (and a topic to one type),
/// which would leave one difficulty per topic; the pool spreads difficulty over 1–5 within each topic and splits
/// each topic into two sub-points, so the blueprint's cells have the mixed pools of a real bank.
private func assemblyPool() -> [PoolQuestion] {
    generatedBank(count: 10_000).enumerated().map { index, question in
        var pool = PoolQuestion(question, revision: 1)
        pool.difficulty = 1 + (index / 10) % 5
        pool.knowledgePoints = [question.knowledgePoints[0] + ((index / 50) % 2 == 0 ? "/政策" : "/实务")]
        return pool
    }
}

/// 100 questions, 100 points, 30 cells: per topic 4 questions on its 政策 sub-point and 3 + 3 on 实务 split by
/// difficulty; 50 enemy groups of three questions of one topic.
private func assemblyBlueprint(pool: [PoolQuestion]) -> Blueprint {
    let topics = ["培训", "考核", "接访", "走访", "法律援助", "心理疏导", "志愿服务", "就业创业", "帮扶援助", "信息化"]
    var cells: [BlueprintCell] = []
    for (index, topic) in topics.enumerated() {
        let kind = QuestionKind.allCases[index % 5]
        cells.append(BlueprintCell(knowledgePoint: "基准/\(topic)/政策", kind: kind, difficulty: 1...5, count: 4))
        cells.append(BlueprintCell(knowledgePoint: "基准/\(topic)/实务", kind: kind, difficulty: 1...3, count: 3))
        cells.append(BlueprintCell(knowledgePoint: "基准/\(topic)/实务", kind: kind, difficulty: 4...5, count: 3))
    }
    let points: [QuestionKind: Double] = [.singleChoice: 1, .multipleChoice: 2, .trueFalse: 0.5, .fillBlank: 1, .shortAnswer: 0.5]
    let enemies = stride(from: 0, to: 1_500, by: 30).map { start in [start, start + 10, start + 20].map { pool[$0].id } }
    return Blueprint(
        title: "基准考核", sections: QuestionKind.allCases.map { BlueprintSection(kind: $0, pointsPerQuestion: points[$0]!) }, cells: cells,
        totalPoints: 100, targetDifficulty: 3.0, difficultyTolerance: 0.3, enemyGroups: enemies, exposureCap: 0.1)
}

/// Every hard constraint of every paper, checked independently of the assembler, and the spread figures.
private struct AssemblyCheck {
    var violations: [String] = []
    var worstDifficultyGap = 0.0
    var maxUses = 0
    var meanOverlap = 0.0

    init(blueprint: Blueprint, pool: [PoolQuestion], papers: [Paper]) {
        let byID = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0) })
        let groupOf = Dictionary(blueprint.enemyGroups.enumerated().flatMap { group, ids in ids.map { ($0, group) } }, uniquingKeysWith: { first, _ in first })
        let cap = Int((blueprint.exposureCap! * Double(papers.count) + 1e-9).rounded(.down))
        var uses: [String: Int] = [:]
        for (number, paper) in papers.enumerated() {
            var counts = Array(repeating: 0, count: blueprint.cells.count)
            var groups = Set<Int>()
            for item in paper.items {
                uses[item.questionId, default: 0] += 1
                if let cell = byID[item.questionId].flatMap({ CellMembership.cell(of: $0, in: blueprint) }) { counts[cell] += 1 }
                if let group = groupOf[item.questionId], !groups.insert(group).inserted { violations.append("paper \(number): two of enemy group \(group)") }
            }
            if counts != blueprint.cells.map(\.count) { violations.append("paper \(number): cells \(counts)") }
            let gap = abs(paper.meanDifficulty - blueprint.targetDifficulty)
            worstDifficultyGap = max(worstDifficultyGap, gap)
            if gap > blueprint.difficultyTolerance + 1e-9 { violations.append("paper \(number): mean difficulty \(paper.meanDifficulty)") }
        }
        maxUses = uses.values.max() ?? 0
        if maxUses > cap { violations.append("a question on \(maxUses) papers, cap \(cap)") }

        var generator = SeededGenerator(seed: 1)
        let pairs = 2_000
        var shared = 0
        for _ in 0..<pairs {
            // Two different papers: the offset is 1 to count − 1.
            let first = Int(generator.next() % UInt64(papers.count))
            let second = (first + 1 + Int(generator.next() % UInt64(papers.count - 1))) % papers.count
            shared += Set(papers[first].items.map(\.questionId)).intersection(papers[second].items.map(\.questionId)).count
        }
        meanOverlap = Double(shared) / Double(pairs * blueprint.questionCount)
    }
}
