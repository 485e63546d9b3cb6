import LianbingCore
import LianbingStore

/// A blueprint as a trainer reads it (双向细目表): one row per cell in paper order, and the rules that apply to
/// every paper, so that nobody needs the file format to see what an exam will ask.
struct BlueprintTable: Sendable {
    struct Row: Sendable {
        var kind: String
        var knowledgePoint: String
        var difficulty: String
        var count: Int
        var points: String
    }

    var title: String
    var rows: [Row]
    /// Questions and points per paper, target difficulty, exposure cap, enemy groups.
    var facts: [String]

    init(_ blueprint: Blueprint) {
        title = blueprint.title
        let points = Dictionary(blueprint.sections.map { ($0.kind, $0.pointsPerQuestion) }, uniquingKeysWith: { first, _ in first })
        rows = blueprint.sections.flatMap { section in
            blueprint.cells.filter { $0.kind == section.kind }.map { cell in
                let band = cell.difficulty
                return Row(
                    kind: "\(cell.kind.label)（每题 \(AppDatabase.points(section.pointsPerQuestion)) 分）", knowledgePoint: cell.knowledgePoint,
                    difficulty: band.lowerBound == band.upperBound ? "\(band.lowerBound)" : "\(band.lowerBound)–\(band.upperBound)",
                    count: cell.count, points: AppDatabase.points(Double(cell.count) * (points[cell.kind] ?? 0)))
            }
        }
        var facts = [
            "每份试卷 \(blueprint.questionCount) 题，总分 \(AppDatabase.points(blueprint.totalPoints)) 分",
            "平均难度 \(AppDatabase.points(blueprint.targetDifficulty)) ± \(AppDatabase.points(blueprint.difficultyTolerance))（难度 1 最易，5 最难）",
        ]
        if let cap = blueprint.exposureCap { facts.append("每道题最多出现在 \(MessageNumber.percent(cap)) 的试卷上") }
        if !blueprint.enemyGroups.isEmpty { facts.append("\(blueprint.enemyGroups.count) 组互斥题，每组同一份试卷至多出一道") }
        if blueprint.separatesSameQuote { facts.append("依据同一句原文的题不同卷出现") }
        if blueprint.excludesRevealed { facts.append("不抽已公开过答案的试题") }
        self.facts = facts
    }
}
