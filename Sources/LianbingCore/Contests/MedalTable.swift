/// One unit's line on the medal table across contests.
public struct MedalLine: Sendable, Hashable, Codable {
    public var unitCode: String
    public var firsts = 0, seconds = 0, thirds = 0
    /// Teams the unit entered, over all the contests counted.
    public var entered = 0

    public init(unitCode: String) { self.unitCode = unitCode }
}

/// Per-unit standings across contests: most firsts, then seconds, then thirds, then teams entered; units equal in
/// all four by unit code. Shared places are medals for each team that shares them.
public enum MedalTable {
    /// `boards` holds each contest's ranked standings, with each entrant's `unitCode` the unit it counts for.
    public static func build(_ boards: [[ContestStanding]]) -> [MedalLine] {
        var lines: [String: MedalLine] = [:]
        for board in boards {
            for standing in board {
                let code = standing.entrant.unitCode
                var line = lines[code] ?? MedalLine(unitCode: code)
                line.entered += 1
                switch standing.rank {
                case 1: line.firsts += 1
                case 2: line.seconds += 1
                case 3: line.thirds += 1
                default: break
                }
                lines[code] = line
            }
        }
        return lines.values.sorted {
            ($1.firsts, $1.seconds, $1.thirds, $1.entered, $0.unitCode) < ($0.firsts, $0.seconds, $0.thirds, $0.entered, $1.unitCode)
        }
    }
}
