import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

// The JSON shapes of a running contest (`openapi.json`, tag `contests`): boards, the event log, questions, results,
// the medal table, percentiles and the public board.

/// One team's line on a board.
struct ContestStandingJSON: Codable, Sendable {
    /// Teams equal on points and every tie-breaker share a rank (1, 1, 3).
    var rank: Int
    var teamId: Int64
    var name: String
    var unitCode: String
    var draw: Int
    /// Base points plus every change in effect outside playoff rounds.
    var points: Double
    var pointsText: String
    /// The written round's score (a tie-breaker).
    var written: Double
    var writtenText: String
    var wrongAnswers: Int
    var answerMilliseconds: Int
    /// Points won in playoff rounds: they only separate teams equal in everything else.
    var playoff: Double
    var playoffText: String

    init(_ standing: ContestStanding) {
        rank = standing.rank
        teamId = standing.entrant.id
        name = standing.entrant.name
        unitCode = standing.entrant.unitCode
        draw = standing.entrant.draw
        points = standing.points.value
        pointsText = standing.points.text
        written = standing.written.value
        writtenText = standing.written.text
        wrongAnswers = standing.wrongAnswers
        answerMilliseconds = standing.answerMilliseconds
        playoff = standing.playoff.value
        playoffText = standing.playoff.text
    }
}

/// `GET /api/v1/contests/{contest}/board`: the live board for those who run the contest, the public one (frozen
/// when it is) for contestants.
struct ContestBoardJSON: Codable, Sendable {
    var contestId: Int64
    var status: ContestStatus
    var frozen: Bool
    /// The board shown is the public one (the caller does not run the contest).
    var isPublic: Bool
    var standings: [ContestStandingJSON]

    init(_ contest: Contest, board: [ContestStanding]) {
        contestId = contest.id
        status = contest.status
        frozen = contest.publicThrough != nil
        isPublic = contest.boardToken == nil
        standings = board.map(ContestStandingJSON.init)
    }
}

/// One entry of the event log.
struct ContestEventJSON: Codable, Sendable {
    var sequence: Int
    var round: Int
    var question: Int?
    var team: Int64?
    var member: String?
    /// `opened`, `buzzed`, `staked`, `marked`, `right`, `wrong`, `foul`, `passed`, `judged`, `written`, `manual`,
    /// `correction`.
    var kind: ContestEventKind
    var kindLabel: String
    var change: Double
    var changeText: String
    /// The stake chosen, or the judge's mark.
    var amount: Int?
    var elapsedMilliseconds: Int?
    /// The event a correction undoes.
    var corrects: Int?
    var reason: String
    /// Not undone by a correction in effect.
    var inEffect: Bool
    var recordedAt: Date
    var recordedBy: String

    init(_ event: ContestEvent, inEffect: Bool) {
        sequence = event.sequence
        round = event.round
        question = event.question
        team = event.team
        member = event.member
        kind = event.kind
        kindLabel = event.kind.label
        change = event.change.value
        changeText = event.change.text
        amount = event.amount
        elapsedMilliseconds = event.elapsedMilliseconds
        corrects = event.corrects
        reason = event.reason
        self.inEffect = inEffect
        recordedAt = event.recordedAt
        recordedBy = event.recordedBy
    }

    static func log(_ events: [ContestEvent]) -> [ContestEventJSON] {
        let effective = Set(Scoreboard.inEffect(events).map(\.sequence))
        return events.map { ContestEventJSON($0, inEffect: effective.contains($0.sequence)) }
    }
}

/// `POST /api/v1/contests/{contest}/events`: the event recorded and the live board after it.
struct ContestUpdateJSON: Codable, Sendable {
    var event: ContestEventJSON
    var board: [ContestStandingJSON]

    init(_ update: ContestUpdate) {
        event = ContestEventJSON(update.event, inEffect: true)
        board = update.board.map(ContestStandingJSON.init)
    }
}

/// A live round's question. `key`, `scoringPoints`, `explanation` and `source` only ever reach those who run the
/// contest.
struct ContestQuestionJSON: Codable, Sendable {
    var round: Int
    var number: Int
    var kind: QuestionKind
    var stem: String
    var options: [String]
    /// Option letters, 正确/错误, the blanks' accepted answers, or the reference answer.
    var key: String?
    var scoringPoints: [String]?
    var explanation: String?
    var source: String?

    init(_ view: ContestQuestionView) {
        round = view.round
        number = view.number
        kind = view.kind
        stem = view.stem
        options = view.options
        explanation = view.explanation
        source = view.source
        if let answer = view.answer {
            switch answer {
            case .choices(let right): key = Answer.letters(right)
            case .trueFalse(let value): key = value ? "正确" : "错误"
            case .blanks(let variants): key = variants.map { $0.joined(separator: " / ") }.joined(separator: "；")
            case .shortAnswer(let reference, let points):
                key = reference
                scoringPoints = points
            }
            if scoringPoints == nil { scoringPoints = [] }
        }
    }
}

/// `GET /api/v1/contests/{contest}/results`: the final list (the board as it stands while the contest runs), with
/// who was in each team.
struct ContestResultsJSON: Codable, Sendable {
    struct Line: Codable, Sendable {
        var standing: ContestStandingJSON
        var team: ContestTeamJSON
    }

    var contestId: Int64
    var title: String
    var heldOn: CivilDate
    var status: ContestStatus
    /// The contest is finished: the list is its result.
    var isFinal: Bool
    var lines: [Line]

    init(_ contest: Contest, lines: [ContestResultLine]) {
        contestId = contest.id
        title = contest.title
        heldOn = contest.heldOn
        status = contest.status
        isFinal = contest.status == .finished
        self.lines = lines.map { Line(standing: ContestStandingJSON($0.standing), team: ContestTeamJSON($0.team)) }
    }
}

/// `GET /api/v1/contest-medals`: finished contests of a subtree held in a period, per unit.
struct ContestMedalTableJSON: Codable, Sendable {
    struct Line: Codable, Sendable {
        var unitCode: String
        var firsts: Int
        var seconds: Int
        var thirds: Int
        /// Teams the unit entered over the contests counted.
        var entered: Int
    }

    var unitCode: String
    var from: CivilDate
    var through: CivilDate
    /// Most firsts, then seconds, then thirds, then teams entered.
    var lines: [Line]

    init(unitCode: String, from: CivilDate, through: CivilDate, lines: [MedalLine]) {
        self.unitCode = unitCode
        self.from = from
        self.through = through
        self.lines = lines.map { Line(unitCode: $0.unitCode, firsts: $0.firsts, seconds: $0.seconds, thirds: $0.thirds, entered: $0.entered) }
    }
}

/// `GET /api/v1/staff/{number}/contest-percentile`: the percentile of a person's best placing in finished contests.
struct ContestPercentileJSON: Codable, Sendable {
    var staffNumber: String
    var from: CivilDate
    var through: CivilDate
    /// 100 for first, 0 for last; null if they took part in none.
    var percentile: Double?
}

/// `GET /api/v1/boards/{token}`: what the projector shows, without a login. Teams without their members, the
/// public board (frozen when it is), and the open question without its key.
struct ContestPublicBoardJSON: Codable, Sendable {
    struct Round: Codable, Sendable {
        var number: Int
        var style: RoundStyle
        var styleLabel: String
        var title: String
    }

    struct Team: Codable, Sendable {
        var id: Int64
        var name: String
        var unitName: String
        var draw: Int
    }

    var title: String
    var unitName: String
    var format: ContestFormat
    var formatLabel: String
    var heldOn: CivilDate
    var status: ContestStatus
    var statusLabel: String
    var frozen: Bool
    var rounds: [Round]
    var teams: [Team]
    var standings: [ContestStandingJSON]
    var openQuestion: ContestQuestionJSON?

    init(_ contest: Contest, board: [ContestStanding], openQuestion: ContestQuestionView?) {
        title = contest.title
        unitName = contest.unitName
        format = contest.format
        formatLabel = contest.format.label
        heldOn = contest.heldOn
        status = contest.status
        statusLabel = contest.status.label
        frozen = contest.publicThrough != nil
        rounds = contest.rounds.map { Round(number: $0.round.number, style: $0.round.style, styleLabel: $0.round.style.label, title: $0.round.title) }
        teams = contest.teams.map { Team(id: $0.id, name: $0.name, unitName: $0.unitName, draw: $0.draw) }
        standings = board.map(ContestStandingJSON.init)
        // The store gives the open question without its key; the key is dropped here again, whatever it gives.
        self.openQuestion = openQuestion.map { view in
            var shown = view
            (shown.answer, shown.explanation, shown.source) = (nil, nil, nil)
            return ContestQuestionJSON(shown)
        }
    }
}
