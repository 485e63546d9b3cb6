import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// JSON shapes of `/api/v1/contests…`, `/api/v1/contest-teams…`, `/api/v1/contest-medals`,
/// `/api/v1/staff/{number}/contest-percentile` and the public board `/api/v1/boards/{token}` (`openapi.json`, tag
/// `contests`). Days `YYYY-MM-DD` (China time), times ISO-8601 in UTC. Points are numbers (hundredths exact, so at
/// most two decimals) with the board's own text beside them (`pointsText`: `12`, `12.5`, `-3.25`).
struct ContestJSON: Codable, Sendable {
    var id: Int64
    var title: String
    /// The organising unit: a province, city or county centre.
    var unitCode: String
    var unitName: String
    /// `individual` or `team`.
    var format: ContestFormat
    var formatLabel: String
    var heldOn: CivilDate
    var basePoints: Int
    /// `written`, `fewer-wrong`, `less-time`, in the order they separate teams equal on points.
    var tieBreakers: [TieBreaker]
    /// `preparing`, `running` or `finished`.
    var status: ContestStatus
    var statusLabel: String
    /// The projector link's token (`/board/{token}`, `/api/v1/boards/{token}`): only for those who run the contest.
    var boardToken: String?
    /// Whether the public board is frozen (封榜), and the last event it shows while it is.
    var frozen: Bool
    var publicThrough: Int?
    var rounds: [ContestRoundJSON]
    var teams: [ContestTeamJSON]
    /// The caller runs the contest (else they take part in it).
    var isManaged: Bool
    var createdBy: String
    var createdAt: Date

    init(_ contest: Contest) {
        id = contest.id
        title = contest.title
        unitCode = contest.unitCode
        unitName = contest.unitName
        format = contest.format
        formatLabel = contest.format.label
        heldOn = contest.heldOn
        basePoints = contest.basePoints
        tieBreakers = contest.tieBreakers
        status = contest.status
        statusLabel = contest.status.label
        boardToken = contest.boardToken
        frozen = contest.publicThrough != nil
        publicThrough = contest.publicThrough
        isManaged = contest.boardToken != nil
        // The question lists are the organisers' to see: a contestant meets each question when it is opened.
        rounds = contest.rounds.map { ContestRoundJSON($0, withQuestions: contest.boardToken != nil) }
        teams = contest.teams.map(ContestTeamJSON.init)
        createdBy = contest.createdBy
        createdAt = contest.createdAt
    }
}

struct ContestRoundJSON: Codable, Sendable {
    var number: Int
    /// `written`, `compulsory`, `buzzer`, `risk`, `judged` or `playoff`.
    var style: RoundStyle
    var styleLabel: String
    var title: String
    /// Every parameter, those the style does not read at their defaults.
    var rules: RoundRules
    var questionCount: Int
    /// The bank ids of a live round's questions, in order: empty for those who do not run the contest.
    var questionIds: [String]
    /// A written round's exam.
    var examId: Int64?

    init(_ plan: ContestRoundPlan, withQuestions: Bool) {
        number = plan.round.number
        style = plan.round.style
        styleLabel = plan.round.style.label
        title = plan.round.title
        rules = plan.round.rules
        questionCount = plan.round.questionCount
        questionIds = withQuestions ? plan.questionIds : []
        examId = plan.examId
    }
}

struct ContestTeamJSON: Codable, Sendable {
    struct Member: Codable, Sendable {
        var staffNumber: String
        var name: String
        var isCaptain: Bool
    }

    var id: Int64
    var name: String
    /// The unit the team represents.
    var unitCode: String
    var unitName: String
    /// Its place in the order of entry: what separates teams equal in everything else.
    var draw: Int
    var members: [Member]
    /// The team of the lower-level contest it advanced from.
    var advancedFrom: Int64?

    init(_ team: ContestTeam) {
        id = team.id
        name = team.name
        unitCode = team.unitCode
        unitName = team.unitName
        draw = team.draw
        members = team.members.map { Member(staffNumber: $0.staffNumber, name: $0.name, isCaptain: $0.isCaptain) }
        advancedFrom = team.advancedFrom
    }
}

struct ContestSubstitutionJSON: Codable, Sendable {
    var teamId: Int64
    var outStaffNumber: String
    var inStaffNumber: String
    var reason: String
    var recordedAt: Date
    var actor: String

    init(_ substitution: ContestSubstitution) {
        teamId = substitution.teamId
        outStaffNumber = substitution.outStaffNumber
        inStaffNumber = substitution.inStaffNumber
        reason = substitution.reason
        recordedAt = substitution.recordedAt
        actor = substitution.actor
    }
}
