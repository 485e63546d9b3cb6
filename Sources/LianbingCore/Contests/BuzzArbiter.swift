/// One buzz as the server received it: the team, the server's monotonic clock in milliseconds read when the message
/// was decoded, and the order in which the server decoded it (a counter, so no two buzzes share one).
public struct Buzz: Sendable, Hashable, Codable {
    public var team: Int64
    public var member: String?
    public var clockMilliseconds: Int64
    public var arrival: Int

    public init(team: Int64, member: String? = nil, clockMilliseconds: Int64, arrival: Int) {
        self.team = team
        self.member = member
        self.clockMilliseconds = clockMilliseconds
        self.arrival = arrival
    }
}

/// What the buzzes of one question come to.
public struct BuzzRuling: Sendable, Hashable {
    /// The team with the right to answer: the earliest valid buzz; nil if nobody buzzed in time.
    public var winner: Buzz?
    /// Every team's first valid buzz, earliest first (what the host's console lists).
    public var order: [Buzz]
    /// Teams that buzzed before the question opened: one foul each, however often they pressed.
    public var fouls: [Buzz]
}

/// Decides a buzzer question by the server's clock alone: a phone's own clock and the network's order are not
/// trusted. The documented rule:
/// 1. a buzz whose clock reading is before the opening (or any buzz while no question is open) is a foul;
/// 2. a buzz later than the opening plus the time limit does not count;
/// 3. each team counts its first buzz only;
/// 4. the earliest clock reading wins; equal readings (the same millisecond) go to the buzz the server decoded first.
public enum BuzzArbiter {
    public static func rule(openedAt: Int64?, limitMilliseconds: Int, buzzes: [Buzz]) -> BuzzRuling {
        let byTime = buzzes.sorted { ($0.clockMilliseconds, $0.arrival) < ($1.clockMilliseconds, $1.arrival) }
        var fouled = Set<Int64>(), counted = Set<Int64>()
        var fouls: [Buzz] = [], order: [Buzz] = []
        for buzz in byTime {
            guard let openedAt, buzz.clockMilliseconds >= openedAt else {
                if fouled.insert(buzz.team).inserted { fouls.append(buzz) }
                continue
            }
            guard buzz.clockMilliseconds - openedAt <= Int64(limitMilliseconds) else { continue }
            if counted.insert(buzz.team).inserted { order.append(buzz) }
        }
        return BuzzRuling(winner: order.first, order: order, fouls: fouls)
    }
}
