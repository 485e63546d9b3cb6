/// Makes the papers of one exam from a blueprint: a different paper per candidate, each meeting every cell.
///
/// Questions are drawn cell by cell, least used first (at random among the equally used), so that use spreads
/// evenly over each cell's pool and no question passes the exposure cap; at most one question of an enemy group
/// goes on a paper; a paper whose mean difficulty misses the target is repaired by swapping questions within a
/// cell. Everything random comes from the generator passed in, so the same inputs and seed give the same papers,
/// which is how a stored paper can be proven to be the one the rules give.
///
/// The pools are indexed once when the assembler is made; a paper then costs work in proportion to its length,
/// with no dictionaries and no strings touched until the paper's items are written.
public struct PaperAssembler: Sendable {
    /// Attempts at one paper before giving up: a retry draws afresh, which gets round an unlucky combination of
    /// enemy groups across cells; an exhausted cap fails every time.
    static let attempts = 8

    let pool: [PoolQuestion]
    let difficulty: [Int]
    let cells: [BlueprintCell]
    /// Where each cell's questions sit in `drawn`; one entry more than there are cells.
    let cellStart: [Int]
    /// Section index and points of each position of a paper, sections in blueprint order.
    let sectionAt: [Int]
    let pointsAt: [Double]
    /// Where each section's questions start in a paper; one entry more than there are sections.
    let sectionStart: [Int]
    let sectionOfCell: [Int]
    let lowerSum: Int
    let upperSum: Int
    let alreadyUsed: [String: Int]
    var levels: UsageLevels
    var groups: PaperGroups
    /// The paper being made: pool indexes, cell by cell.
    var drawn: [Int]
    /// Scratch for ordering a paper by section, and for the repair's candidates; kept to avoid an allocation per paper.
    var ordered: [Int]
    var cursor: [Int]
    var candidateOfDifficulty: [Int]
    /// The order cells are drawn in for the paper being made, tightest first.
    var cellOrder: [Int]

    /// Checks the blueprint for `plannedPapers` papers and refuses it with every problem if it cannot be met, so
    /// no paper ever exists for an infeasible blueprint.
    ///
    /// The cap allows each question on `max(1, ⌊cap × plannedPapers⌋)` papers. `alreadyUsed` counts papers made
    /// earlier for the same exam (by question id): a candidate added after publication draws from what the cap
    /// has left.
    public init(blueprint: Blueprint, pool: [PoolQuestion], plannedPapers: Int, alreadyUsed: [String: Int] = [:]) throws {
        let problems = Feasibility.check(blueprint, pool: pool, candidates: plannedPapers)
        guard problems.isEmpty else {
            throw LianbingError.invalid("组卷规则无法满足，共 \(problems.count) 处问题：" + problems.map(\.message).joined(separator: "；"))
        }
        let sums = DifficultyWindow.sums(of: blueprint)
        self.init(
            checked: blueprint, pool: pool, maxUses: ExposureCap.maxUses(cap: blueprint.exposureCap, papers: plannedPapers),
            sums: sums.lower...sums.upper, alreadyUsed: alreadyUsed)
    }

    /// An assembler for a blueprint already checked, with the cap and the difficulty sums given directly (parallel
    /// forms narrow both).
    init(checked blueprint: Blueprint, pool: [PoolQuestion], maxUses: Int, sums: ClosedRange<Int>, alreadyUsed: [String: Int]) {
        self.pool = pool
        difficulty = pool.map(\.difficulty)
        cells = blueprint.cells
        lowerSum = sums.lowerBound
        upperSum = sums.upperBound
        self.alreadyUsed = alreadyUsed
        let pools = CellMembership.pools(of: blueprint, in: pool)
        levels = UsageLevels(pools: pools, poolCount: pool.count, uses: pool.map { alreadyUsed[$0.id] ?? 0 }, maxUses: maxUses)
        groups = PaperGroups(EnemyGroups(blueprint, pool: pool))

        var cellStart = [0]
        for cell in blueprint.cells { cellStart.append(cellStart.last! + cell.count) }
        self.cellStart = cellStart
        let sectionOfCell = blueprint.cells.map { cell in blueprint.sections.firstIndex { $0.kind == cell.kind }! }
        self.sectionOfCell = sectionOfCell
        var sectionStart = [0]
        var sectionAt: [Int] = []
        var pointsAt: [Double] = []
        for (section, entry) in blueprint.sections.enumerated() {
            let count = zip(blueprint.cells, sectionOfCell).filter { $0.1 == section }.reduce(0) { $0 + $1.0.count }
            sectionAt += Array(repeating: section, count: count)
            pointsAt += Array(repeating: entry.pointsPerQuestion, count: count)
            sectionStart.append(sectionStart.last! + count)
        }
        self.sectionStart = sectionStart
        self.sectionAt = sectionAt
        self.pointsAt = pointsAt
        drawn = Array(repeating: 0, count: cellStart.last!)
        ordered = drawn
        cursor = Array(repeating: 0, count: blueprint.sections.count)
        candidateOfDifficulty = Array(repeating: -1, count: 6)
        cellOrder = Array(blueprint.cells.indices)
    }

    /// Uses so far by question id: `alreadyUsed` plus every paper made since.
    public var exposure: [String: Int] {
        var exposure = alreadyUsed
        for (index, question) in pool.enumerated() where levels.uses[index] > 0 { exposure[question.id] = levels.uses[index] }
        return exposure
    }

    /// The next paper. Throws `LianbingError.conflict`, naming the cell, when no paper can be made any more (the
    /// cap is used up, typically by candidates added after the papers planned); the uses are then as before.
    public mutating func nextPaper(using generator: inout SeededGenerator) throws -> Paper {
        var failure = ""
        for _ in 0..<Self.attempts {
            if let problem = draw(&generator) {
                failure = problem
            } else {
                return paper(&generator)
            }
        }
        throw LianbingError.conflict(failure)
    }

    /// `count` papers from a generator seeded with `seed`.
    public mutating func papers(_ count: Int, seed: UInt64) throws -> [Paper] {
        var generator = SeededGenerator(seed: seed)
        var papers: [Paper] = []
        papers.reserveCapacity(count)
        for _ in 0..<count { papers.append(try nextPaper(using: &generator)) }
        return papers
    }

    /// Fills `drawn`, or says why it could not after taking back every use it counted.
    ///
    /// Cells are drawn tightest first: the one that can fill the fewest more papers under the cap. Where a cap binds,
    /// a tight cell's last usable questions would otherwise be lost to enemies already drawn for a roomier cell,
    /// which could have taken another question (with 12 candidates, a quarter of the shipped blueprint's runs failed
    /// so in drawing in blueprint order).
    private mutating func draw(_ generator: inout SeededGenerator) -> String? {
        groups.startPaper()
        orderCellsTightestFirst()
        var sum = 0
        for (step, cell) in cellOrder.enumerated() {
            for slot in cellStart[cell]..<cellStart[cell + 1] {
                guard let question = levels.drawLeastUsed(cell, groups: groups, generator: &generator) else {
                    undraw(cellOrder[..<step])
                    undraw(cellStart[cell]..<slot)
                    return shortage(cell)
                }
                groups.take(question)
                drawn[slot] = question
                sum += difficulty[question]
            }
        }
        if sum < lowerSum || sum > upperSum, !repair(sum: sum, generator: &generator) {
            undraw(drawn.indices)
            let questions = Double(drawn.count)
            return "无法使试卷的平均难度落在 \(MessageNumber.text(Double(lowerSum) / questions))–\(MessageNumber.text(Double(upperSum) / questions)) 之间：各细目中还能使用的题目（受曝光上限和互斥组限制）难度不足以调整"
        }
        return nil
    }

    /// Sorts `cellOrder` by how many more papers each cell can fill, blueprint order among equals, so the order
    /// depends only on the uses so far.
    private mutating func orderCellsTightestFirst() {
        let room = levels.room
        let cells = cells
        cellOrder.sort { a, b in
            let left = Double(room[a]) / Double(max(1, cells[a].count))
            let right = Double(room[b]) / Double(max(1, cells[b].count))
            return left != right ? left < right : a < b
        }
    }

    private mutating func undraw(_ cells: ArraySlice<Int>) {
        for cell in cells { undraw(cellStart[cell]..<cellStart[cell + 1]) }
    }

    private mutating func undraw(_ slots: Range<Int>) {
        for slot in slots {
            levels.release(drawn[slot])
            groups.release(drawn[slot])
        }
    }

    private func shortage(_ cell: Int) -> String {
        let usable = levels.usable(cell).count
        let name = cells[cell].name
        if usable < cells[cell].count {
            return "无法再组出试卷：\(name) 在曝光上限内只剩 \(usable) 题可用（每题最多用于 \(levels.maxUses) 份试卷），每份试卷需要 \(cells[cell].count) 题"
        }
        return "无法组出试卷：\(name) 剩余可用的题目与已抽到的题目互斥，抽不满 \(cells[cell].count) 题"
    }
}
