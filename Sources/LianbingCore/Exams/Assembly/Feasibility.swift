/// Whether a blueprint can give `candidates` papers from a pool, checked before any paper exists.
///
/// Every problem is reported in one pass, never just the first, so a trainer fixes the blueprint once rather than
/// once per message. The checks are necessary conditions computed from the pools (sizes, enemy groups, the cap,
/// the reachable difficulty); the assembler still reports the rare paper it cannot make.
public enum Feasibility {
    public static func check(_ blueprint: Blueprint, pool: [PoolQuestion], candidates: Int) -> [FeasibilityProblem] {
        var problems = structureProblems(blueprint)
        if candidates < 1 { problems.append(FeasibilityProblem("试卷份数必须至少为 1（现为 \(candidates)）")) }
        let pools = CellMembership.pools(of: blueprint, in: pool)
        let groups = EnemyGroups(blueprint, pool: pool)
        problems += groups.problems
        let context = PoolContext(blueprint: blueprint, pool: pool, pools: pools, groups: groups, candidates: max(1, candidates))
        problems += context.cellProblems()
        if problems.isEmpty { problems += context.crossCellEnemyProblems() }
        if problems.isEmpty { problems += context.difficultyProblems() }
        return problems
    }

    /// Problems of the blueprint alone: sections, values out of range, points that do not add up.
    static func structureProblems(_ blueprint: Blueprint) -> [FeasibilityProblem] {
        var problems: [FeasibilityProblem] = []
        if blueprint.sections.isEmpty { problems.append(FeasibilityProblem("组卷规则没有任何题型：请在 [题型] 中列出各题型及每题分值")) }
        if blueprint.cells.isEmpty { problems.append(FeasibilityProblem("组卷规则没有任何细目：请在 [细目] 中列出各知识点的题数")) }
        for kind in QuestionKind.allCases {
            let sections = blueprint.sections.filter { $0.kind == kind }
            if sections.count > 1 {
                problems.append(FeasibilityProblem("题型“\(kind.label)”出现了 \(sections.count) 次：每种题型只能有一个部分"))
            }
            if let section = sections.first, !(section.pointsPerQuestion > 0 && section.pointsPerQuestion.isFinite) {
                problems.append(FeasibilityProblem("题型“\(kind.label)”的每题分值必须大于 0（现为 \(MessageNumber.text(section.pointsPerQuestion))）"))
            }
            if !sections.isEmpty, !blueprint.cells.contains(where: { $0.kind == kind }) {
                problems.append(FeasibilityProblem("题型“\(kind.label)”没有任何细目：请为它添加细目，或删去这一题型"))
            }
        }
        for (index, cell) in blueprint.cells.enumerated() {
            if cell.count <= 0 {
                problems.append(FeasibilityProblem("\(cell.name)：题数必须大于 0（现为 \(cell.count)）", cell: index))
            }
            if cell.difficulty.lowerBound < 1 || cell.difficulty.upperBound > 5 {
                problems.append(FeasibilityProblem("\(cell.name)：难度范围必须在 1–5 之内", cell: index))
            }
            if !blueprint.sections.contains(where: { $0.kind == cell.kind }) {
                problems.append(FeasibilityProblem("\(cell.name)：题型“\(cell.kind.label)”没有分值，请在 [题型] 中加上它", cell: index))
            }
        }
        // Each cell's count is clamped before adding, so a hand-built blueprint cannot overflow the sum; past the
        // limit the points are not added up either.
        let limit = InputBounds.questionsPerPaper.upperBound
        let tooMany = blueprint.cells.reduce(0, { min(limit + 1, $0 + min(limit + 1, max(0, $1.count))) }) > limit
        if tooMany { problems.append(FeasibilityProblem("一份试卷最多 \(limit) 题：请减少细目的题数")) }
        if !(1...5).contains(blueprint.targetDifficulty) {
            problems.append(FeasibilityProblem("目标难度必须在 1–5 之间（现为 \(MessageNumber.text(blueprint.targetDifficulty))）"))
        }
        if !(blueprint.difficultyTolerance >= 0) {
            problems.append(FeasibilityProblem("难度允许偏差不能为负数（现为 \(MessageNumber.text(blueprint.difficultyTolerance))）"))
        }
        if let cap = blueprint.exposureCap, !(cap > 0 && cap <= 1) {
            problems.append(FeasibilityProblem("曝光上限必须大于 0% 且不超过 100%（现为 \(MessageNumber.percent(cap))）"))
        }
        if !tooMany { problems += pointProblems(blueprint) }
        return problems
    }

    /// Σ count × points per question of the cells' sections against the declared total.
    private static func pointProblems(_ blueprint: Blueprint) -> [FeasibilityProblem] {
        var sum = 0.0
        var parts: [String] = []
        for section in blueprint.sections {
            let count = blueprint.cells.filter { $0.kind == section.kind }.reduce(0) { $0 + max(0, $1.count) }
            guard count > 0 else { continue }
            sum += Double(count) * section.pointsPerQuestion
            parts.append("\(section.kind.label) \(count) 题 × \(MessageNumber.text(section.pointsPerQuestion)) 分")
        }
        guard abs(sum - blueprint.totalPoints) > 1e-6 else { return [] }
        let detail = parts.isEmpty ? "" : "（\(parts.joined(separator: " + "))）"
        return [FeasibilityProblem("各题型分值合计 \(MessageNumber.text(sum)) 分\(detail)，与总分 \(MessageNumber.text(blueprint.totalPoints)) 分不一致")]
    }
}
