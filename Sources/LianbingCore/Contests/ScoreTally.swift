/// The board kept up to date one event at a time: what the live screens hold, and what replay steps through.
/// Applying a log's events in order gives `Scoreboard.build` of that log (the property tests check it).
public struct ScoreTally: Sendable {
    public let setup: ContestSetup
    private var standings: [ContestStanding]
    /// Each team's points in hundredths, beside `standings`, for `ContestRanking.rank(of:in:points:tieBreakers:)`.
    private var totals: [Int]
    private var slot: [Int64: Int]
    /// The log so far, by sequence number - 1, and for each event how many corrections in effect undo it: it is in
    /// effect when none does. (An event can be undone, restored and undone again, so two corrections may name it.)
    public private(set) var events: [ContestEvent] = []
    private var undoneBy: [Int] = []

    public init(_ setup: ContestSetup) {
        self.setup = setup
        standings = setup.entrants.map(ContestStanding.init)
        totals = standings.map(\.points.hundredths)
        slot = Dictionary(uniqueKeysWithValues: setup.entrants.enumerated().map { ($1.id, $0) })
    }

    /// Appends `event`, which must be the log's next and pass `ContestLog.check`.
    public mutating func apply(_ event: ContestEvent) {
        precondition(event.sequence == events.count + 1, "events are applied in log order")
        events.append(event)
        undoneBy.append(0)
        if event.kind == .correction, let target = event.corrects { undo(target, by: 1) }
        count(event, sign: 1)
    }

    /// Whether the event numbered `sequence` is in effect (not undone by a correction in effect).
    public func isInEffect(_ sequence: Int) -> Bool { undoneBy.indices.contains(sequence - 1) && undoneBy[sequence - 1] == 0 }

    /// The standings, ranked.
    public var board: [ContestStanding] { ContestRanking.rank(standings, tieBreakers: setup.tieBreakers) }

    /// One team's current line, unranked.
    public func standing(of team: Int64) -> ContestStanding? { slot[team].map { standings[$0] } }

    /// One team's rank, without ranking the whole board.
    public func rank(of team: Int64) -> Int? {
        slot[team].map { ContestRanking.rank(of: $0, in: standings, points: totals, tieBreakers: setup.tieBreakers) }
    }

    /// One more (`delta` 1) or one fewer (`delta` -1) correction in effect undoes the event numbered `sequence`.
    private mutating func undo(_ sequence: Int, by delta: Int) {
        let index = sequence - 1
        guard events.indices.contains(index) else { return }
        let wasInEffect = undoneBy[index] == 0
        undoneBy[index] += delta
        let nowInEffect = undoneBy[index] == 0
        guard wasInEffect != nowInEffect else { return }
        let event = events[index]
        count(event, sign: nowInEffect ? 1 : -1)
        // Undoing a correction restores what it undid (unless another correction in effect undoes that too);
        // restoring one undoes it again.
        if event.kind == .correction, let target = event.corrects { undo(target, by: nowInEffect ? 1 : -1) }
    }

    private mutating func count(_ event: ContestEvent, sign: Int) {
        guard let team = event.team, let index = slot[team] else { return }
        standings[index].count(event, playoff: setup.playoffRounds.contains(event.round), sign: sign)
        totals[index] = standings[index].points.hundredths
    }
}
