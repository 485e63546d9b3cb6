extension PoolContext {
    /// Enemy groups that span cells can starve a set of cells together although each cell alone has enough
    /// groups: `A` and `B` both need 2, and their questions fall into 3 groups. A paper needs `count` distinct
    /// groups per cell, and distinct across cells, which is a bipartite matching of groups to cell places; when
    /// the maximum matching falls short, the cells reachable from a short cell by alternating paths are the set
    /// that cannot be filled together (Hall's condition), and those are named.
    func crossCellEnemyProblems() -> [FeasibilityProblem] {
        let cells = blueprint.cells
        var cellsOfGroup: [Int32: Set<Int>] = [:]
        for (cell, members) in pools.enumerated() {
            for index in members where groups.isShared(groups.groupOf[index]) { cellsOfGroup[groups.groupOf[index], default: []].insert(cell) }
        }
        guard cellsOfGroup.values.contains(where: { $0.count > 1 }) else { return [] }

        let adjacency = pools.map { members in Array(Set(members.map { groups.groupOf[$0] })).sorted() }
        var matching = GroupMatching(groupCount: groups.count, adjacency: adjacency)
        var short: [Int] = []
        for cell in cells.indices {
            for _ in 0..<cells[cell].count {
                var visited = Array(repeating: false, count: groups.count)
                if !matching.augment(cell, visited: &visited) {
                    short.append(cell)
                    break
                }
            }
        }
        guard !short.isEmpty else { return [] }
        let tight = matching.cellsReachable(from: short)
        let demand = tight.reduce(0) { $0 + cells[$1].count }
        let supply = Set(tight.flatMap { adjacency[$0] }).count
        let names = tight.map { cells[$0].name }.joined(separator: "；")
        return [FeasibilityProblem("互斥组使这些细目无法同时抽满：\(names)。它们共需 \(demand) 题，但题目只分属 \(supply) 个互斥组，同一份试卷每组只能有一题")]
    }
}

/// A maximum matching of groups (each used once) to cells (each taking as many groups as it needs questions).
struct GroupMatching {
    /// The cell a group is matched to, or -1.
    private var cellOfGroup: [Int]
    private let adjacency: [[Int32]]

    init(groupCount: Int, adjacency: [[Int32]]) {
        cellOfGroup = Array(repeating: -1, count: groupCount)
        self.adjacency = adjacency
    }

    /// Finds one more group for `cell`, moving other cells to other groups if need be (Kuhn's augmenting path).
    mutating func augment(_ cell: Int, visited: inout [Bool]) -> Bool {
        for group in adjacency[cell] where !visited[Int(group)] {
            visited[Int(group)] = true
            let holder = cellOfGroup[Int(group)]
            if holder < 0 || augment(holder, visited: &visited) {
                cellOfGroup[Int(group)] = cell
                return true
            }
        }
        return false
    }

    /// The cells reachable from `start` by alternating paths: a cell's groups, then the cells those groups are
    /// matched to. After a failed augmentation every group so reached is matched, so these cells hold more demand
    /// than their groups can meet.
    func cellsReachable(from start: [Int]) -> [Int] {
        var seen = Set(start)
        var queue = start
        while let cell = queue.popLast() {
            for group in adjacency[cell] {
                let holder = cellOfGroup[Int(group)]
                if holder >= 0, seen.insert(holder).inserted { queue.append(holder) }
            }
        }
        return seen.sorted()
    }
}
