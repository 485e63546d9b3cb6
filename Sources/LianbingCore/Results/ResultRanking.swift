/// Orders an exam's results and ranks the scored candidates.
///
/// The order is total, so the same results always list the same way whatever order they were loaded in:
/// 1. scored candidates (passed or failed): score descending, then time used ascending (a candidate who never
///    started has none and comes after those who have), then staff number ascending;
/// 2. then the unscored in `CandidateOutcome` order (pending marking, answering, time up unsubmitted, not started,
///    absent, excused), each by staff number ascending.
///
/// Ranks are competition ranks by score alone (1, 1, 3): time used orders equal scores in the list but does not
/// separate them in rank, as a contest announces them. Scores are compared rounded to a millionth of a mark, so
/// totals that differ only by the rounding of fractional item marks are equal in both order and rank. Pending
/// candidates have no rank yet, nor do those still answering; absent and excused candidates have none at all. A passed or failed row without a
/// score (which marking never produces) counts as 0.
public enum ResultRanking {
    public static func rank(_ rows: [ResultRow]) -> [RankedResult] {
        let sorted = rows.sorted(by: precedes)
        var ranked: [RankedResult] = []
        ranked.reserveCapacity(sorted.count)
        var rank = 0
        var previousKey: Double?
        for (position, row) in sorted.enumerated() {
            guard group(row) == 0 else {
                ranked.append(RankedResult(row: row, rank: nil))
                continue
            }
            let key = scoreKey(row)
            if key != previousKey { rank = position + 1 }
            previousKey = key
            ranked.append(RankedResult(row: row, rank: rank))
        }
        return ranked
    }

    /// 0 scored, then each unscored outcome in declaration order.
    private static func group(_ row: ResultRow) -> Int {
        switch row.outcome {
        case .passed, .failed: 0
        default: CandidateOutcome.allCases.firstIndex(of: row.outcome)!
        }
    }

    private static func scoreKey(_ row: ResultRow) -> Double { ((row.score ?? 0) * 1e6).rounded() }

    private static func precedes(_ a: ResultRow, _ b: ResultRow) -> Bool {
        let (groupA, groupB) = (group(a), group(b))
        if groupA != groupB { return groupA < groupB }
        if groupA == 0 {
            let (scoreA, scoreB) = (scoreKey(a), scoreKey(b))
            if scoreA != scoreB { return scoreA > scoreB }
            let (timeA, timeB) = (a.timeUsedSeconds ?? .max, b.timeUsedSeconds ?? .max)
            if timeA != timeB { return timeA < timeB }
        }
        // Staff numbers are unique within an exam; name and unit only keep the order total on malformed input.
        return (a.staffNumber, a.name, a.unitCode) < (b.staffNumber, b.name, b.unitCode)
    }
}
