import Foundation
import LianbingCore

/// `lianbing-bench contest`: the scoring engine at the largest contest the bounds allow, then a thousand projector
/// screens watching the release server's live board while a host records. Targets: at least 50,000 events/s
/// applied, a team's rank under 1 ms, every screen showing every change within 1 s.
func benchContest(_ arguments: ArraySlice<String>) async throws {
    let options = try BenchOptions(arguments, allowed: ["participants", "events", "viewers", "updates", "part"])
    let participants = try options.int("participants", 100_000, in: ContestBounds.teams)
    let events = try options.int("events", 1_000_000, in: ContestBounds.events)
    let viewers = try options.int("viewers", 1_000, in: 1...10_000)
    let updates = try options.int("updates", 40, in: 1...1_000)
    let part = try options.choice("part", "all", of: ["all", "engine", "viewers"])
    if part != "engine" { _ = try ServerProcess.executable() }

    if part != "viewers" { benchScoringEngine(participants: participants, events: events) }
    if part != "engine" { try await benchBoardViewers(viewers: viewers, updates: updates) }
}

/// Part 1, in process: a log of right, wrong and hand-entered changes with about 5% corrections, applied one
/// event at a time as the store records them (`check`, then `apply`); then rank queries and the full board.
func benchScoringEngine(participants: Int, events count: Int) {
    let entrants = (0..<participants).map { index in
        ContestEntrant(id: Int64(index + 1), name: "选手\(index + 1)", unitCode: "440199", basePoints: ContestPoints(points: 100), draw: index + 1)
    }
    let setup = ContestSetup(entrants: entrants)
    let rounds = 1...4
    report("contest engine: \(participants) teams of one, \(count) scoring events (rounds \(rounds.lowerBound)–\(rounds.upperBound))")

    // The log is made up front by a tally of its own, so that each correction names an event in effect when it is
    // recorded, as the host's console only offers; only the second tally's work below is timed.
    var generator = SeededGenerator(seed: 2_026_0518)
    var log: [ContestEvent] = []
    log.reserveCapacity(count)
    var maker = ScoreTally(setup)
    var kinds: [ContestEventKind: Int] = [:]
    for sequence in 1...count {
        let roll = Int.random(in: 0..<100, using: &generator)
        let team = Int64.random(in: 1...Int64(participants), using: &generator)
        let round = Int.random(in: rounds, using: &generator)
        let question = Int.random(in: 1...ContestBounds.questions.upperBound, using: &generator)
        let elapsed = Int.random(in: 800...30_000, using: &generator)
        var event = ContestEvent(
            sequence: sequence, round: round, question: question, team: team, kind: .right, change: ContestPoints(points: 10),
            elapsedMilliseconds: elapsed, reason: "答对", clockMilliseconds: Int64(sequence) * 20, recordedBy: "host")
        if roll < 5, let target = correctable(before: sequence, in: maker, using: &generator) {
            let named = log[target - 1]
            event = ContestEvent(
                sequence: sequence, round: named.round, question: named.question, team: named.team, kind: .correction, corrects: target,
                reason: "主持人更正", clockMilliseconds: Int64(sequence) * 20, recordedBy: "host")
        } else if roll < 20 {
            event.kind = .manual
            event.change = ContestPoints(hundredths: Int.random(in: -2_000...2_000, using: &generator))
            event.elapsedMilliseconds = nil
            event.reason = "纸质成绩补录"
        } else if roll < 50 {
            event.kind = .wrong
            event.change = roll < 35 ? ContestPoints(points: -5) : .zero
            event.reason = "答错"
        }
        do { try maker.check(event, rounds: rounds) } catch { fatalError("generated event \(sequence) is refused: \(error)") }
        maker.apply(event)
        log.append(event)
        kinds[event.kind, default: 0] += 1
    }
    let undone = log.count { !maker.isInEffect($0.sequence) }
    report(
        "  log: " + [ContestEventKind.right, .wrong, .manual, .correction].map { "\($0.rawValue) \(kinds[$0, default: 0])" }.joined(separator: ", ")
            + "; \(undone) events not in effect at the end")

    // Recording: each event checked against the log so far, then applied — what `recordContestAction` does to the
    // cached tally after the referee made the event.
    var tally = ScoreTally(setup)
    let applying = measureSync {
        for event in log {
            do { try tally.check(event, rounds: rounds) } catch { fatalError("event \(event.sequence) is refused on replay: \(error)") }
            tally.apply(event)
        }
    }
    report(String(format: "  check + apply  %8.3f s  = %9.0f events/s  (target: at least 50,000/s)", applying, Double(count) / applying))

    // The full ranked board, as each live screen's picture needs it: the median of five.
    var board: [ContestStanding] = []
    var boardTimes: [Double] = []
    for _ in 0..<5 { boardTimes.append(measureSync { board = tally.board }) }
    boardTimes.sort()
    report(String(format: "  full board     %8.1f ms median of 5 (%.1f–%.1f ms): %d teams ranked", boardTimes[2] * 1_000, boardTimes[0] * 1_000, boardTimes[4] * 1_000, board.count))

    // One team's rank, as a contestant's phone asks for it: 1,000 random teams, each timed on its own.
    let ranks = Dictionary(uniqueKeysWithValues: board.map { ($0.entrant.id, $0.rank) })
    var queryTimes: [Double] = []
    var wrongRanks = 0
    for _ in 0..<1_000 {
        let team = Int64.random(in: 1...Int64(participants), using: &generator)
        var rank: Int?
        queryTimes.append(measureSync { rank = tally.rank(of: team) })
        if rank != ranks[team] { wrongRanks += 1 }
    }
    let mean = queryTimes.reduce(0, +) / Double(queryTimes.count)
    queryTimes.sort()
    let (p50, p99, slowest) = (percentile(queryTimes, 0.5), percentile(queryTimes, 0.99), queryTimes.last!)
    report(
        String(
            format: "  rank(of:)      mean %.3f ms   p50 %.3f ms   p99 %.3f ms   max %.3f ms  over 1,000 random teams  (target: under 1 ms)",
            mean * 1_000, p50 * 1_000, p99 * 1_000, slowest * 1_000))
    report("  rank(of:) agrees with the full board's rank: \(wrongRanks == 0 ? "yes, all 1,000" : "NO, \(wrongRanks) of 1,000 differ")")
    if p99 >= 0.001 || mean >= 0.001 {
        report(String(
            format: "  MISSED the 1 ms target for rank(of:): %.3f ms mean, %.3f ms p99 — it compares the team with each of the %d others", mean * 1_000,
            p99 * 1_000, participants - 1))
    }

    // The batch board over the same log must be the incremental one, line for line.
    var rebuilt: [ContestStanding] = []
    let batch = measureSync { rebuilt = Scoreboard.build(setup, events: log) }
    report(String(format: "  Scoreboard.build over the same log  %.3f s", batch))
    report("  final ScoreTally board equals Scoreboard.build: \(rebuilt == board ? "yes (\(board.count) lines, ranks, points and tie-breakers)" : "NO")")
    if rebuilt != board {
        if let index = board.indices.first(where: { !rebuilt.indices.contains($0) || rebuilt[$0] != board[$0] }) {
            report("    first difference at line \(index + 1): tally \(board[index]) vs build \(rebuilt[index])")
        }
    }
}

/// An earlier event a correction may name now: in effect and not an opened question. Mostly one of the last few
/// dozen (the host undoes what just happened), sometimes anything earlier; nil if a few tries find none.
private func correctable(before sequence: Int, in tally: ScoreTally, using generator: inout SeededGenerator) -> Int? {
    guard sequence > 1 else { return nil }
    for _ in 0..<8 {
        let recent = Bool.random(using: &generator)
        let target = recent ? max(1, sequence - Int.random(in: 1...50, using: &generator)) : Int.random(in: 1..<sequence, using: &generator)
        if tally.isInEffect(target), tally.events[target - 1].kind != .opened { return target }
    }
    return nil
}

/// Time for `body`, in seconds, on the monotonic clock.
func measureSync(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    return durationSeconds(ContinuousClock.now - start)
}

/// The value below which `fraction` of `sorted` lies.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

func durationSeconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
