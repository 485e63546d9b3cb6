/// The board as a pure function of the log: which events are in effect, then each team's totals, ranked.
///
/// An event is in effect unless a later correction in effect undoes it; reading the log backwards decides that in
/// one pass, and undoing an undo restores what it undid. `ScoreTally` reaches the same board event by event, for
/// replay and the live screens; the property tests hold the two to each other.
public enum Scoreboard {
    public static func build(_ setup: ContestSetup, events: [ContestEvent]) -> [ContestStanding] {
        var standings = Dictionary(uniqueKeysWithValues: setup.entrants.map { ($0.id, ContestStanding(entrant: $0)) })
        for event in inEffect(events) {
            guard let team = event.team, standings[team] != nil else { continue }
            standings[team]!.count(event, playoff: setup.playoffRounds.contains(event.round))
        }
        return ContestRanking.rank(Array(standings.values), tieBreakers: setup.tieBreakers)
    }

    /// The events in effect, in log order: the board's points are the base points plus their changes.
    public static func inEffect(_ events: [ContestEvent]) -> [ContestEvent] {
        var undone = Set<Int>()
        var inEffect: [ContestEvent] = []
        for event in events.reversed() where !undone.contains(event.sequence) {
            inEffect.append(event)
            if event.kind == .correction, let target = event.corrects { undone.insert(target) }
        }
        return inEffect.reversed()
    }
}

extension ContestStanding {
    /// Adds (`sign` 1) or takes back (`sign` -1) one event's part in this team's totals. A playoff round's events
    /// count in the playoff column only: the tie-breakers, compared before it, must not move with the playoff.
    mutating func count(_ event: ContestEvent, playoff: Bool, sign: Int = 1) {
        let change = ContestPoints(hundredths: sign * event.change.hundredths)
        if playoff {
            self.playoff += change
            return
        }
        points += change
        switch event.kind {
        case .written: written += change
        case .wrong: wrongAnswers += sign
        default: break
        }
        if event.kind == .right || event.kind == .wrong, let elapsed = event.elapsedMilliseconds {
            answerMilliseconds += sign * elapsed
        }
    }
}
