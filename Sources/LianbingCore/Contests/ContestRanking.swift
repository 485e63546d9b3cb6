/// Ranks a contest's standings (DOMjudge's scoreboard, as a pure function over loaded data).
///
/// The order is total: points, high first; then the contest's tie-breakers in their configured order; then playoff
/// points, high first (a playoff is held only when the tie-breakers cannot separate a tie that matters). Teams equal
/// on all of these share a rank (1, 1, 3) and are listed by draw number, then by team id, so the same standings
/// always list the same way whatever order they were loaded in.
public enum ContestRanking {
    public static func rank(_ standings: [ContestStanding], tieBreakers: [TieBreaker]) -> [ContestStanding] {
        var sorted = standings.sorted { a, b in
            let decided = compare(a, b, tieBreakers: tieBreakers)
            if decided != 0 { return decided < 0 }
            return (a.entrant.draw, a.entrant.id) < (b.entrant.draw, b.entrant.id)
        }
        for index in sorted.indices {
            let sharesAbove = index > 0 && compare(sorted[index - 1], sorted[index], tieBreakers: tieBreakers) == 0
            sorted[index].rank = sharesAbove ? sorted[index - 1].rank : index + 1
        }
        return sorted
    }

    /// -1 if `a` ranks before `b`, 1 if after, 0 if they share a rank.
    public static func compare(_ a: ContestStanding, _ b: ContestStanding, tieBreakers: [TieBreaker]) -> Int {
        if a.points != b.points { return a.points > b.points ? -1 : 1 }
        for tieBreaker in tieBreakers {
            let decided = tieBreaker.compare(a, b)
            if decided != 0 { return decided }
        }
        if a.playoff != b.playoff { return a.playoff > b.playoff ? -1 : 1 }
        return 0
    }

    /// The rank of `standings[index]` without sorting: one more than the lines strictly ahead of it. `points` holds
    /// each line's points in hundredths, in the same order, so that the lines it alone decides are never read: for
    /// 100,000 teams that is 8 bytes a team instead of a whole line, and the scan stays in the cache.
    public static func rank(of index: Int, in standings: [ContestStanding], points: [Int], tieBreakers: [TieBreaker]) -> Int {
        let own = standings[index], mine = points[index]
        var ahead = 0
        for (other, total) in points.enumerated() where total >= mine {
            if total > mine || compare(standings[other], own, tieBreakers: tieBreakers) < 0 { ahead += 1 }
        }
        return ahead + 1
    }
}
