import Foundation
import LianbingCore

/// `bank stats --json`: totals plus every non-empty cell of the coverage matrix.
struct BankStatsJSON: Encodable {
    struct Cell: Encodable {
        var knowledgePoint: String
        var type: QuestionKind
        var difficulty: Int
        var count: Int
    }

    var bankRevision: Int
    var total: Int
    var active: Int
    var byType: [QuestionKind: Int]
    var byStatus: [QuestionStatus: Int]
    var byUsage: [QuestionUsage: Int]
    var byDifficulty: [String: Int]
    var cells: [Cell]

    init(_ coverage: BankCoverage, bankRevision: Int) {
        self.bankRevision = bankRevision
        total = coverage.total
        active = coverage.active
        byType = coverage.byKind
        byStatus = coverage.byStatus
        byUsage = coverage.byUsage
        byDifficulty = Dictionary(uniqueKeysWithValues: coverage.byDifficulty.map { (String($0.key), $0.value) })
        cells = coverage.cells.map { Cell(knowledgePoint: $0.knowledgePoint, type: $0.kind, difficulty: $0.difficulty, count: $0.count) }
    }
}

/// The same matrix as a plain-text table: one row per knowledge point, a column per type, and per row the
/// spread over difficulties 1–5.
enum BankStatsTable {
    static func render(_ coverage: BankCoverage) -> String {
        var lines = ["知识点\t" + QuestionKind.allCases.map(\.label).joined(separator: "\t") + "\t难度1–5"]
        for point in coverage.knowledgePoints {
            let counts = QuestionKind.allCases.map { String(coverage.count(point, $0)) }
            let spread = (1...5).map { level in
                String(coverage.cells.filter { $0.knowledgePoint == point && $0.difficulty == level }.reduce(0) { $0 + $1.count })
            }
            lines.append(([point] + counts + [spread.joined(separator: "/")]).joined(separator: "\t"))
        }
        lines.append("")
        lines.append("合计 \(coverage.total) 道，启用 \(coverage.active) 道")
        lines.append("按题型：" + QuestionKind.allCases.map { "\($0.label) \(coverage.byKind[$0] ?? 0)" }.joined(separator: "，"))
        lines.append("按状态：" + QuestionStatus.allCases.map { "\($0.label) \(coverage.byStatus[$0] ?? 0)" }.joined(separator: "，"))
        lines.append("按用途（启用）：" + QuestionUsage.allCases.map { "\($0.label) \(coverage.byUsage[$0] ?? 0)" }.joined(separator: "，"))
        return lines.joined(separator: "\n")
    }
}
