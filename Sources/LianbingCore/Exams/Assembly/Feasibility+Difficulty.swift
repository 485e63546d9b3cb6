extension PoolContext {
    /// Whether papers can reach the target difficulty: first one paper on its own (the easiest and hardest paper
    /// the cells allow), then, with a cap, all papers together (the cap forces the hard questions into use as
    /// much as the easy ones, which can pull every paper's mean away from the target).
    func difficultyProblems() -> [FeasibilityProblem] {
        let target = blueprint.targetDifficulty
        let tolerance = blueprint.difficultyTolerance
        let asked = "目标难度 \(MessageNumber.text(target)) ± \(MessageNumber.text(tolerance))"
        let questions = blueprint.questionCount
        let window = DifficultyWindow.sums(target: target, tolerance: tolerance, questions: questions)
        guard window.lower <= window.upper else {
            return [FeasibilityProblem("\(asked) 无法达到：\(questions) 题的平均难度只能是 1/\(questions) 的整数倍，请放宽允许偏差")]
        }
        var easiest = 0
        var hardest = 0
        for (index, cell) in blueprint.cells.enumerated() {
            let extremes = extremeSums(index, count: cell.count)
            easiest += extremes.lowest
            hardest += extremes.highest
        }
        if hardest < window.lower || easiest > window.upper {
            return [
                FeasibilityProblem(
                    "\(asked) 无法达到：按题库中各细目的题，一份试卷的平均难度最低 \(mean(easiest, questions))、最高 \(mean(hardest, questions))")
            ]
        }
        guard let cap = blueprint.exposureCap, maxUses < candidates else { return [] }
        var lowest = 0
        var highest = 0
        for (index, cell) in blueprint.cells.enumerated() {
            let difficulties = pools[index].map { pool[$0].difficulty }.sorted()
            let demand = cell.count * candidates
            lowest += cappedSum(difficulties, demand: demand)
            highest += cappedSum(difficulties.reversed(), demand: demand)
        }
        let total = Double(questions * candidates)
        let lowestMean = Double(lowest) / total
        let highestMean = Double(highest) / total
        guard highestMean < target - tolerance - 1e-9 || lowestMean > target + tolerance + 1e-9 else { return [] }
        return [
            FeasibilityProblem(
                "\(asked) 无法达到：曝光上限 \(MessageNumber.percent(cap)) 下每题最多用于 \(maxUses) 份试卷，\(candidates) 份试卷的平均难度只能在 \(MessageNumber.text(lowestMean))–\(MessageNumber.text(highestMean)) 之间"
            )
        ]
    }

    /// The smallest and largest difficulty sums one paper can draw from a cell: one question per enemy group,
    /// so each group offers its easiest (or hardest) question.
    private func extremeSums(_ cell: Int, count: Int) -> (lowest: Int, highest: Int) {
        var easiest: [Int32: Int] = [:]
        var hardest: [Int32: Int] = [:]
        for index in pools[cell] {
            let group = groups.groupOf[index]
            let difficulty = pool[index].difficulty
            easiest[group] = min(easiest[group] ?? Int.max, difficulty)
            hardest[group] = max(hardest[group] ?? Int.min, difficulty)
        }
        let low = easiest.values.sorted().prefix(count).reduce(0, +)
        let high = hardest.values.sorted(by: >).prefix(count).reduce(0, +)
        return (low, high)
    }

    /// The sum of `demand` question uses taken in the order given, each question at most `maxUses` times.
    private func cappedSum<S: Sequence<Int>>(_ difficulties: S, demand: Int) -> Int {
        var remaining = demand
        var sum = 0
        for difficulty in difficulties where remaining > 0 {
            let uses = min(maxUses, remaining)
            sum += uses * difficulty
            remaining -= uses
        }
        return sum
    }

    private func mean(_ sum: Int, _ questions: Int) -> String { MessageNumber.text(Double(sum) / Double(questions)) }
}
