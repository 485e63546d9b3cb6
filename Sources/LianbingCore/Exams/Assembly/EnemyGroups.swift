/// The blueprint's enemy groups resolved against a pool: every pool question gets one group number, and a paper
/// may carry at most one question of each number.
///
/// Questions quoting the same sentence of the source (`原文`) give each other away, so they form a group by default:
/// one joins the listed group of a partner where there is one, else they make a group of their own. A question
/// outside every group is a group of its own, so "one per group" also forbids drawing the same question twice and
/// the assembler needs only one test per candidate.
struct EnemyGroups: Sendable {
    /// The group of each pool question, by pool index. Listed groups are numbered from 0 in blueprint order.
    let groupOf: [Int32]
    /// Group numbers in use (listed groups, then one per ungrouped question).
    let count: Int
    /// Listed groups that reach at least one pool question.
    let listedCount: Int
    /// Listed groups, then the groups of questions quoting one sentence: the groups that may hold several questions.
    let sharedCount: Int
    /// Ids listed in more than one group, or groups of fewer than two ids: the blueprint's mistakes, reported by
    /// feasibility. The first group that lists an id keeps it.
    let problems: [FeasibilityProblem]

    init(_ blueprint: Blueprint, pool: [PoolQuestion]) {
        let groups = blueprint.enemyGroups
        var indexesOfID: [String: [Int]] = [:]
        for (index, question) in pool.enumerated() { indexesOfID[question.id, default: []].append(index) }
        var groupOf = Array(repeating: Int32(-1), count: pool.count)
        var firstGroupOfID: [String: Int] = [:]
        var problems: [FeasibilityProblem] = []
        for (number, ids) in groups.enumerated() {
            if Set(ids).count < 2 {
                problems.append(FeasibilityProblem("第 \(number + 1) 个互斥组只有 \(Set(ids).count) 道题：互斥组至少要列出两道不同的题"))
            }
            for id in ids {
                if let first = firstGroupOfID[id] {
                    if first != number {
                        problems.append(FeasibilityProblem("题目 \(id) 同时列在第 \(first + 1) 和第 \(number + 1) 个互斥组中：请把这两个组合并为一个"))
                    }
                    continue
                }
                firstGroupOfID[id] = number
                for index in indexesOfID[id] ?? [] { groupOf[index] = Int32(number) }
            }
        }
        var next = groups.count
        var indexesOfQuote: [String: [Int]] = [:]
        for (index, question) in pool.enumerated() where blueprint.separatesSameQuote && !question.quote.isEmpty { indexesOfQuote[question.quote, default: []].append(index) }
        for (_, indexes) in indexesOfQuote.sorted(by: { $0.key < $1.key }) where Set(indexes.map { pool[$0].id }).count > 1 {
            let number = indexes.lazy.map { groupOf[$0] }.first { $0 >= 0 } ?? {
                defer { next += 1 }
                return Int32(next)
            }()
            for index in indexes where groupOf[index] < 0 { groupOf[index] = number }
        }
        let sharedCount = next
        for index in groupOf.indices where groupOf[index] < 0 {
            groupOf[index] = Int32(next)
            next += 1
        }
        self.groupOf = groupOf
        self.count = next
        self.listedCount = groups.count
        self.sharedCount = sharedCount
        self.problems = problems
    }

    /// Whether `group` is one the blueprint lists.
    func isListed(_ group: Int32) -> Bool { Int(group) < listedCount }

    /// Whether `group` may hold several questions (listed, or quoting one sentence) rather than a lone question.
    func isShared(_ group: Int32) -> Bool { Int(group) < sharedCount }
}
