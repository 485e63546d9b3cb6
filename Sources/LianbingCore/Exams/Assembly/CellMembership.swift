/// Which cell of a blueprint a question counts towards.
///
/// One rule, used by feasibility, assembly and the tests that check papers, so that "the paper meets every cell"
/// means the same thing everywhere: a question belongs to at most one cell, so no question can be counted twice
/// and the cells' pools are disjoint.
public enum CellMembership {
    /// The index of the cell `question` belongs to, or `nil`.
    ///
    /// The cell must have the question's type, a difficulty band holding its difficulty, and a knowledge point
    /// at or above its main (first) knowledge point. When several cells qualify, the most specific knowledge point
    /// wins — a blueprint that asks for `体系建设/结对共建` beside `体系建设` means the narrower cell to get those
    /// questions — then the earlier cell. Questions whose usage the blueprint's purpose does not admit belong to
    /// no cell, so an assessment never shows a practice-only question.
    public static func cell(of question: PoolQuestion, in blueprint: Blueprint) -> Int? {
        guard blueprint.purpose.admits(question.usage) else { return nil }
        let point = question.mainKnowledgePoint
        var best: Int?
        var bestLength = -1
        for (index, cell) in blueprint.cells.enumerated()
        where cell.kind == question.kind && cell.difficulty.contains(question.difficulty)
            && point.isKnowledgePoint(under: cell.knowledgePoint)
        {
            let length = cell.knowledgePoint.utf8.count
            if length > bestLength {
                best = index
                bestLength = length
            }
        }
        return best
    }

    /// For each cell, the indexes into `pool` of the questions that belong to it, in pool order.
    public static func pools(of blueprint: Blueprint, in pool: [PoolQuestion]) -> [[Int]] {
        var pools = Array(repeating: [Int](), count: blueprint.cells.count)
        for (index, question) in pool.enumerated() {
            if let cell = cell(of: question, in: blueprint) { pools[cell].append(index) }
        }
        return pools
    }
}
