/// The cells' pools with what the pool checks share: the enemy groups and the number of papers.
struct PoolContext {
    let blueprint: Blueprint
    let pool: [PoolQuestion]
    let pools: [[Int]]
    let groups: EnemyGroups
    let candidates: Int

    var maxUses: Int { ExposureCap.maxUses(cap: blueprint.exposureCap, papers: candidates) }

    /// Cells whose own values are sane; the others are already reported and checking their pools would only
    /// repeat the problem in other words.
    func isWellFormed(_ cell: BlueprintCell) -> Bool {
        InputBounds.questionsPerPaper.contains(cell.count) && cell.difficulty.lowerBound >= 1 && cell.difficulty.upperBound <= 5
    }

    /// How many questions of each group the cell's pool holds.
    func groupSizes(_ cell: Int) -> [Int32: Int] {
        var sizes: [Int32: Int] = [:]
        for index in pools[cell] { sizes[groups.groupOf[index], default: 0] += 1 }
        return sizes
    }

    /// Pool size, enemy groups and exposure cap, cell by cell.
    func cellProblems() -> [FeasibilityProblem] {
        var problems: [FeasibilityProblem] = []
        let excluded = excludedByUsage()
        for (index, cell) in blueprint.cells.enumerated() where isWellFormed(cell) {
            let size = pools[index].count
            guard size >= cell.count else {
                let note = excluded[index] > 0 ? "（另有 \(excluded[index]) 题的用途不允许用于\(blueprint.purpose.label)）" : ""
                problems.append(FeasibilityProblem("\(cell.name)：需要 \(cell.count) 题，题库只有 \(size) 题\(note)", cell: index))
                continue
            }
            let sizes = groupSizes(index)
            guard sizes.count >= cell.count else {
                let listed = sizes.keys.filter(groups.isListed).sorted().map { "第 \($0 + 1) 组" }
                    + (sizes.keys.contains { groups.isShared($0) && !groups.isListed($0) } ? ["引用同一原文的题"] : [])
                problems.append(
                    FeasibilityProblem(
                        "\(cell.name)：需要 \(cell.count) 题，题库有 \(size) 题，但其中有题目互斥（\(listed.joined(separator: "、"))），同一份试卷最多只能抽 \(sizes.count) 题",
                        cell: index))
                continue
            }
            if let cap = blueprint.exposureCap, cap > 0, cap <= 1 {
                let uses = maxUses
                let supply = sizes.values.reduce(0) { $0 + min($1 * uses, candidates) }
                let demand = cell.count * candidates
                if supply < demand {
                    let least = (demand + uses - 1) / uses
                    problems.append(
                        FeasibilityProblem(
                            "\(cell.name)：曝光上限 \(MessageNumber.percent(cap)) 下每题最多用于 \(uses) 份试卷，\(candidates) 份试卷需要 \(cell.count) × \(candidates) = \(demand) 题次，本细目的 \(size) 题最多只能提供 \(supply) 题次（至少需要 \(least) 题）",
                            cell: index))
                }
            }
        }
        return problems
    }

    /// Per cell, the questions that would belong to it but for their usage, so a too-small pool can say why.
    private func excludedByUsage() -> [Int] {
        var other = blueprint
        other.purpose = blueprint.purpose == .assessment ? .selfTest : .assessment
        var counts = Array(repeating: 0, count: blueprint.cells.count)
        for question in pool where !blueprint.purpose.admits(question.usage) {
            if let cell = CellMembership.cell(of: question, in: other) { counts[cell] += 1 }
        }
        return counts
    }
}
