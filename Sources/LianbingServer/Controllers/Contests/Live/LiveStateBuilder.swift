import Foundation
import LianbingCore
import LianbingStore

/// Makes each screen's version of the picture from one snapshot. What differs by audience is decided here alone:
/// the host gets the key, the explanation, the live board, the buzz order and typed answers; contestants and the
/// projector get the question without them and the public (possibly frozen) board.
struct LiveStateBuilder {
    var snapshot: ContestLiveSnapshot
    var round: Int
    var timer: LiveClock
    var now: Int64
    var buzzOrder: [Buzz]
    var answers: [Int64: String]

    /// Audiences that get the same bytes share a key.
    func versionKey(_ audience: LiveAudience) -> String {
        switch audience {
        case .host: "host"
        case .contestant(_, let team): "team:\(team)"
        case .board: "board"
        }
    }

    func json(for audience: LiveAudience) -> String {
        let contest = snapshot.contest
        let names = Dictionary(uniqueKeysWithValues: contest.teams.map { ($0.id, $0.name) })
        let units = Dictionary(uniqueKeysWithValues: contest.teams.map { ($0.id, $0.unitName) })
        let isHost = if case .host = audience { true } else { false }
        let board = isHost ? snapshot.board : snapshot.publicBoard
        let frozen = contest.publicThrough != nil
        let lastShown = isHost || !frozen ? snapshot.events.last : snapshot.events.last { $0.sequence <= contest.publicThrough! }
        var state = LiveState(
            role: isHost ? "host" : (audience.principal == nil ? "board" : "contestant"),
            contest: LiveContest(
                id: contest.id, title: contest.title, status: contest.status.rawValue, statusLabel: contest.status.label,
                format: contest.format.rawValue, rounds: contest.rounds.map(Self.round), sequence: snapshot.events.count),
            round: (try? contest.round(round)).map(Self.round),
            question: isHost ? snapshot.hostQuestion : snapshot.openQuestion,
            timer: LiveTimer(running: timer.isRunning, remainingMilliseconds: timer.remaining(now: now), limitMilliseconds: timer.limit),
            buzz: snapshot.buzz.map { LiveBuzz(team: $0.team!, name: names[$0.team!] ?? "", elapsedMilliseconds: $0.elapsedMilliseconds) },
            board: board.map {
                LiveStanding(
                    team: $0.entrant.id, name: $0.entrant.name, unitName: units[$0.entrant.id] ?? "", rank: $0.rank, points: $0.points.value,
                    pointsText: $0.points.text, written: $0.written.text, wrongAnswers: $0.wrongAnswers)
            },
            frozen: frozen,
            lastEvent: lastShown.map {
                LiveEvent(sequence: $0.sequence, label: $0.kind.label, teamName: $0.team.flatMap { names[$0] }, changeText: $0.change.text)
            })
        if case .contestant(_, let team) = audience { state.team = team }
        if isHost {
            state.buzzOrder = buzzOrder.map { LiveBuzz(team: $0.team, name: names[$0.team] ?? "", elapsedMilliseconds: nil) }
            state.answers = answers.sorted { $0.key < $1.key }.map { LiveAnswer(team: $0.key, name: names[$0.key] ?? "", text: $0.value) }
            if (try? contest.round(round))?.round.style == .risk {
                state.stakeOrder = RiskScoring.choosingOrder(snapshot.board).map { names[$0] ?? "" }
            }
        }
        guard let data = try? JSONEncoder().encode(state) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func round(_ plan: ContestRoundPlan) -> LiveRound {
        LiveRound(
            number: plan.round.number, title: plan.round.title, style: plan.round.style.rawValue, label: plan.round.style.label,
            questions: plan.round.questionCount, timeLimitSeconds: plan.round.rules.timeLimitSeconds, stakes: plan.round.rules.stakes)
    }
}
