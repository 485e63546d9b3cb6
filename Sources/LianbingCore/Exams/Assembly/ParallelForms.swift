/// Parallel forms (平行卷型 A、B、C…) for sittings on paper, where one printed form serves a whole room.
///
/// Every form meets every cell, forms share no question unless allowed (a candidate who saw form A learns nothing
/// of form B), and the forms are equally hard: each mean within the target's tolerance and all means within one
/// tolerance of each other.
public enum ParallelForms {
    /// `count` forms from a generator seeded with `seed`. Throws `LianbingError.invalid` with every reason the
    /// forms are impossible.
    ///
    /// Forms are made with the paper assembler, each question allowed on one form only unless shared, and with the
    /// difficulty sum held in a window one tolerance wide, which bounds the spread; windows nearest the target
    /// are tried first.
    public static func make(_ blueprint: Blueprint, pool: [PoolQuestion], count: Int, allowShared: Bool, seed: UInt64) throws -> [Paper] {
        var problems: [FeasibilityProblem] = count < 1 ? [FeasibilityProblem("卷型数必须至少为 1（现为 \(count)）")] : []
        var uncapped = blueprint
        uncapped.exposureCap = nil
        problems += Feasibility.check(uncapped, pool: pool, candidates: 1)
        if !allowShared, count > 1 { problems += disjointnessProblems(uncapped, pool: pool, forms: count) }
        guard problems.isEmpty else {
            throw LianbingError.invalid("无法组出 \(count) 套平行卷型，共 \(problems.count) 处问题：" + problems.map(\.message).joined(separator: "；"))
        }
        var generator = SeededGenerator(seed: seed)
        var failure = ""
        for window in windows(blueprint) {
            for _ in 0..<3 {
                var assembler = PaperAssembler(checked: uncapped, pool: pool, maxUses: allowShared ? Int.max : 1, sums: window, alreadyUsed: [:])
                do {
                    var forms: [Paper] = []
                    for _ in 0..<count { forms.append(try assembler.nextPaper(using: &generator)) }
                    return forms
                } catch LianbingError.conflict(let message) {
                    failure = message
                }
            }
        }
        throw LianbingError.invalid("无法组出 \(count) 套难度相当的平行卷型：\(failure)")
    }

    /// `A`, `B`, … `Z`, then `AA`, `AB`, … as spreadsheet columns go.
    public static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var rest = max(0, index)
        var text = ""
        repeat {
            text.insert(letters[rest % 26], at: text.startIndex)
            rest = rest / 26 - 1
        } while rest >= 0
        return text
    }

    /// Each cell must offer `count × forms` questions, and a form takes at most one of each enemy group.
    private static func disjointnessProblems(_ blueprint: Blueprint, pool: [PoolQuestion], forms: Int) -> [FeasibilityProblem] {
        let context = PoolContext(
            blueprint: blueprint, pool: pool, pools: CellMembership.pools(of: blueprint, in: pool),
            groups: EnemyGroups(blueprint, pool: pool), candidates: forms)
        var problems: [FeasibilityProblem] = []
        for (index, cell) in blueprint.cells.enumerated() where context.isWellFormed(cell) && context.pools[index].count >= cell.count {
            let supply = context.groupSizes(index).values.reduce(0) { $0 + min($1, forms) }
            let demand = cell.count * forms
            if supply < demand {
                let note = supply < context.pools[index].count ? "（互斥组使可用题数少于题库的 \(context.pools[index].count) 题）" : ""
                problems.append(
                    FeasibilityProblem(
                        "\(cell.name)：\(forms) 套卷型互不重复共需 \(cell.count) × \(forms) = \(demand) 题，题库只能提供 \(supply) 题\(note)", cell: index))
            }
        }
        return problems
    }

    /// Windows of difficulty sums one tolerance wide within the target's bounds, nearest the target first.
    private static func windows(_ blueprint: Blueprint) -> [ClosedRange<Int>] {
        let sums = DifficultyWindow.sums(of: blueprint)
        let questions = Double(blueprint.questionCount)
        let width = Int((blueprint.difficultyTolerance * questions + 1e-9).rounded(.down))
        guard sums.upper - sums.lower > width else { return [sums.lower...sums.upper] }
        let centre = blueprint.targetDifficulty * questions
        func offset(_ window: ClosedRange<Int>) -> Double { abs(Double(window.lowerBound + window.upperBound) / 2 - centre) }
        return (sums.lower...(sums.upper - width)).map { $0...($0 + width) }
            .sorted { (offset($0), $0.lowerBound) < (offset($1), $1.lowerBound) }
    }
}
