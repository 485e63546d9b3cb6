/// How a lower-level contest sends teams on to the next level's contest.
public enum AdvancementRule: Sendable, Hashable, Codable {
    /// The top `n` places of the contest.
    case top(Int)
    /// The top `n` places of each unit's teams (the shell groups teams by the unit that sends them).
    case perUnit(Int)

    public var label: String {
        switch self {
        case .top(let n): "前 \(n) 名晋级"
        case .perUnit(let n): "每单位前 \(n) 名晋级"
        }
    }
}

/// Picks the teams that qualify from a ranked board. A tie across the cut-off is not guessed at: it is refused,
/// naming the place, so that a playoff round separates it first.
public enum Advancement {
    public static func qualifiers(_ ranked: [ContestStanding], rule: AdvancementRule) throws -> [ContestStanding] {
        switch rule {
        case .top(let n):
            try InputBounds.check(n, in: ContestBounds.qualifiers, "晋级名额")
            return try cut(ranked, at: n, group: nil)
        case .perUnit(let n):
            try InputBounds.check(n, in: ContestBounds.qualifiers, "每单位晋级名额")
            var units: [String] = []
            var byUnit: [String: [ContestStanding]] = [:]
            for standing in ranked {
                if byUnit[standing.entrant.unitCode] == nil { units.append(standing.entrant.unitCode) }
                byUnit[standing.entrant.unitCode, default: []].append(standing)
            }
            let chosen = Set(try units.flatMap { try cut(byUnit[$0]!, at: n, group: $0) }.map(\.entrant.id))
            return ranked.filter { chosen.contains($0.entrant.id) }
        }
    }

    private static func cut(_ ranked: [ContestStanding], at n: Int, group: String?) throws -> [ContestStanding] {
        guard ranked.count > n else { return ranked }
        let last = ranked[n - 1], next = ranked[n]
        if last.rank == next.rank {
            let within = group.map { "（\($0)）" } ?? ""
            throw LianbingError.conflict("第 \(n) 名与第 \(n + 1) 名并列\(within)：晋级名额无法确定，请先加赛")
        }
        return Array(ranked.prefix(n))
    }
}
