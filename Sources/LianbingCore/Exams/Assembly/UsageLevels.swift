/// Each cell's questions ordered by how many papers already carry them, so the least-used question is found
/// without sorting and a use costs one swap.
///
/// A cell's questions sit in one contiguous stretch of `members`, in blocks of equal use ("levels"), least used
/// first. Taking a question swaps it to the end of its block and moves the block boundary by one, which puts it
/// at the start of the next block; releasing it does the reverse. Questions a cap has exhausted collect in the
/// block at the cap and are never looked at again.
struct UsageLevels: Sendable {
    /// Pool indexes, cell after cell.
    private(set) var members: [Int32]
    /// Where each pool question sits in `members` (-1 for questions in no cell).
    private var position: [Int32]
    private let cellOf: [Int32]
    /// Uses so far, by pool index.
    private(set) var uses: [Int]
    /// `levelStart[cell][k]` is where the block of questions used `base[cell] + k` times begins; the last entry
    /// is the end of the cell's stretch.
    private var levelStart: [[Int]]
    /// The uses of level 0: the least-used question of the cell when the assembler was made.
    private let base: [Int]
    /// No level below this one holds a question.
    private var lowest: [Int]
    /// Uses each cell's questions can still take under the cap, summed: how many more papers the cell can fill is
    /// this over its count. Without a cap each question counts 2⁴⁰, which no run of papers exhausts.
    private(set) var room: [Int]
    let maxUses: Int

    init(pools: [[Int]], poolCount: Int, uses initial: [Int], maxUses: Int) {
        self.maxUses = maxUses
        uses = initial
        var members: [Int32] = []
        var position = Array(repeating: Int32(-1), count: poolCount)
        var cellOf = Array(repeating: Int32(-1), count: poolCount)
        var levelStart: [[Int]] = []
        var base: [Int] = []
        var room: [Int] = []
        for (cell, pool) in pools.enumerated() {
            room.append(pool.reduce(0) { $0 + max(0, min(maxUses, 1 << 40) - initial[$1]) })
            let start = members.count
            // Index order breaks ties so that the layout, and so every later draw, depends only on the inputs.
            let ordered = pool.sorted { (min(initial[$0], maxUses), $0) < (min(initial[$1], maxUses), $1) }
            let cellBase = ordered.first.map { min(initial[$0], maxUses) } ?? 0
            var starts: [Int] = []
            for index in ordered {
                let level = min(initial[index], maxUses) - cellBase
                while starts.count <= level { starts.append(members.count) }
                position[index] = Int32(members.count)
                cellOf[index] = Int32(cell)
                members.append(Int32(index))
            }
            if starts.isEmpty { starts.append(start) }
            starts.append(members.count)
            levelStart.append(starts)
            base.append(cellBase)
        }
        self.members = members
        self.position = position
        self.cellOf = cellOf
        self.levelStart = levelStart
        self.base = base
        self.room = room
        lowest = Array(repeating: 0, count: pools.count)
    }

    /// The level of a question: its uses above the cell's base, with every use past the cap in the cap's block.
    @inline(__always)
    private func level(_ question: Int, cell: Int) -> Int { min(uses[question], maxUses) - base[cell] }

    /// The positions of the cell's questions still under the cap, least used first.
    func usable(_ cell: Int) -> Range<Int> {
        let starts = levelStart[cell]
        let capLevel = max(0, min(starts.count - 1, maxUses - base[cell]))
        return starts[min(lowest[cell], capLevel)]..<starts[capLevel]
    }

    /// Draws a least-used question of `cell` whose group is free, at random among the equally used, and counts
    /// the use. `nil` when every question under the cap is blocked.
    mutating func drawLeastUsed(_ cell: Int, groups: PaperGroups, generator: inout SeededGenerator) -> Int? {
        let levels = levelStart[cell].count - 1
        var level = lowest[cell]
        while level < levels, levelStart[cell][level] == levelStart[cell][level + 1] { level += 1 }
        lowest[cell] = level
        while level < levels, base[cell] + level < maxUses {
            var index = levelStart[cell][level]
            let end = levelStart[cell][level + 1]
            while index < end {
                swapMembers(index, index + generator.index(below: end - index))
                let question = Int(members[index])
                if groups.isFree(question) {
                    use(question)
                    return question
                }
                index += 1
            }
            level += 1
        }
        return nil
    }

    /// Counts one more use of a question of a cell.
    mutating func use(_ question: Int) {
        let cell = Int(cellOf[question])
        let level = level(question, cell: cell)
        if level + 1 == levelStart[cell].count - 1 { levelStart[cell].append(levelStart[cell][level + 1]) }
        let last = levelStart[cell][level + 1] - 1
        swapMembers(Int(position[question]), last)
        levelStart[cell][level + 1] = last
        if uses[question] < maxUses { room[cell] -= 1 }
        uses[question] += 1
    }

    /// Takes back a use counted by `use` (a question swapped out of a paper, or a paper abandoned).
    mutating func release(_ question: Int) {
        let cell = Int(cellOf[question])
        let level = level(question, cell: cell)
        let first = levelStart[cell][level]
        swapMembers(Int(position[question]), first)
        levelStart[cell][level] = first + 1
        uses[question] -= 1
        if uses[question] < maxUses { room[cell] += 1 }
        if level - 1 < lowest[cell] { lowest[cell] = level - 1 }
    }

    @inline(__always)
    private mutating func swapMembers(_ a: Int, _ b: Int) {
        guard a != b else { return }
        members.swapAt(a, b)
        position[Int(members[a])] = Int32(a)
        position[Int(members[b])] = Int32(b)
    }
}
