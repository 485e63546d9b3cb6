extension PaperAssembler {
    /// Brings the drawn paper's difficulty sum within bounds by swapping a drawn question for an undrawn one of the
    /// same cell, one swap at a time, so every cell still holds its count.
    ///
    /// Each swap is the one that brings the sum closest to the bounds; among those, the least-used replacement
    /// (keeping use even), at random among equals. Replacements respect the cap and the enemy groups like any draw.
    /// `false` when no swap helps any more.
    mutating func repair(sum start: Int, generator: inout SeededGenerator) -> Bool {
        var sum = start
        while sum < lowerSum || sum > upperSum {
            let tooHard = sum > upperSum
            let distance = self.distance(sum)
            var best: (slot: Int, replacement: Int, distance: Int, uses: Int)?
            var ties = 0
            for cell in cells.indices {
                let slots = cellStart[cell]..<cellStart[cell + 1]
                // Only replacements on the helpful side of some drawn question are worth finding.
                var bound = tooHard ? 0 : 6
                for slot in slots { bound = tooHard ? max(bound, difficulty[drawn[slot]]) : min(bound, difficulty[drawn[slot]]) }
                findCandidates(cell, wanted: tooHard ? 1..<bound : (bound + 1)..<6)
                for slot in slots {
                    let current = difficulty[drawn[slot]]
                    for replacementDifficulty in 1...5 {
                        let replacement = candidateOfDifficulty[replacementDifficulty]
                        let change = replacementDifficulty - current
                        guard replacement >= 0, tooHard ? change < 0 : change > 0 else { continue }
                        let after = self.distance(sum + change)
                        guard after < distance else { continue }
                        let uses = levels.uses[replacement]
                        if let chosen = best, (after, uses) > (chosen.distance, chosen.uses) { continue }
                        if let chosen = best, (after, uses) == (chosen.distance, chosen.uses) {
                            ties += 1
                            // Reservoir sampling: each of the equally good swaps is kept with the same chance.
                            guard generator.index(below: ties) == 0 else { continue }
                        } else {
                            ties = 1
                        }
                        best = (slot, replacement, after, uses)
                    }
                }
            }
            guard let chosen = best else { return false }
            let outgoing = drawn[chosen.slot]
            levels.release(outgoing)
            groups.release(outgoing)
            levels.use(chosen.replacement)
            groups.take(chosen.replacement)
            drawn[chosen.slot] = chosen.replacement
            sum += difficulty[chosen.replacement] - difficulty[outgoing]
        }
        return true
    }

    /// How far a sum is from the bounds (0 within them).
    private func distance(_ sum: Int) -> Int { max(0, lowerSum - sum, sum - upperSum) }

    /// Sets `candidateOfDifficulty[d]` to the least-used free question of `cell` with difficulty `d` in `wanted`
    /// (-1 where there is none), scanning least used first and stopping once every wanted difficulty is found.
    private mutating func findCandidates(_ cell: Int, wanted: Range<Int>) {
        for index in candidateOfDifficulty.indices { candidateOfDifficulty[index] = -1 }
        guard !wanted.isEmpty else { return }
        var missing = wanted.count
        for position in levels.usable(cell) {
            let question = Int(levels.members[position])
            let value = difficulty[question]
            guard wanted.contains(value), candidateOfDifficulty[value] < 0, groups.isFree(question) else { continue }
            candidateOfDifficulty[value] = question
            missing -= 1
            if missing == 0 { return }
        }
    }
}
