import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// JSON shapes of `/api/v1/training` (`openapi.json`, tag `training`). Dates ISO-8601 in UTC, days `YYYY-MM-DD`
/// (China time), as the rest of the API.
struct TrainingSessionJSON: Codable, Sendable {
    struct Trainer: Codable, Sendable {
        var name: String
        var expertId: Int64?
    }

    var id: Int64
    var unitCode: String
    var unitName: String
    var title: String
    var kind: TrainingKind
    var kindLabel: String
    var isBusiness: Bool
    var startsAt: Date
    var endsAt: Date
    /// The China dates it runs on; attendance is kept per day.
    var days: [CivilDate]
    var hours: Double
    var topics: [String]
    var audienceUnit: String
    var audienceUnitName: String
    var audiencePosts: [String]
    var capacity: Int?
    var place: String
    var status: TrainingSessionStatus
    var statusLabel: String
    var trainers: [Trainer]
    var invited: Int
    var attended: Int
    var createdBy: String
    var publishedAt: Date?
    var closedAt: Date?
    var isManaged: Bool

    init(_ session: TrainingSession) {
        id = session.id
        unitCode = session.unitCode
        unitName = session.unitName
        title = session.title
        kind = session.kind
        kindLabel = session.kind.label
        isBusiness = session.isBusiness
        startsAt = session.startsAt
        endsAt = session.endsAt
        days = session.days
        hours = session.hours
        topics = session.topics
        audienceUnit = session.audienceUnit
        audienceUnitName = session.audienceUnitName
        audiencePosts = session.audiencePosts
        capacity = session.capacity
        place = session.place
        status = session.status
        statusLabel = session.status.label
        trainers = session.trainers.map { Trainer(name: $0.name, expertId: $0.expertId) }
        invited = session.invited
        attended = session.attended
        createdBy = session.createdBy
        publishedAt = session.publishedAt
        closedAt = session.closedAt
        isManaged = session.isManaged
    }
}

/// The body of `POST` and `PUT /api/v1/training/sessions…`: what an organiser enters. Ranges and scope are the
/// store's to check.
struct TrainingSessionRequest: Decodable, Sendable {
    /// A trainer: an expert of the pool (`expertId`) or a name in free text.
    struct Trainer: Decodable, Sendable {
        var name: String?
        var expertId: Int64?
    }

    var unitCode: String
    var title: String
    var kind: TrainingKind
    /// 业务培训; absent takes the kind's default.
    var isBusiness: Bool?
    var startsAt: Date
    var endsAt: Date
    var hours: Double
    var topics: [String]?
    /// The audience's unit; absent is the organising unit.
    var audienceUnit: String?
    var audiencePosts: [String]?
    var capacity: Int?
    var place: String?
    var trainers: [Trainer]?
    /// Only on create: people of the audience to invite at once.
    var invitees: [String]?

    func draft() throws -> TrainingSessionDraft {
        let trainers = try (trainers ?? []).map { trainer -> TrainerRef in
            switch (trainer.expertId, trainer.name) {
            case (let id?, nil): return .expert(id)
            case (nil, let name?): return .name(name)
            default: throw LianbingError.invalid("每位授课人须给出 expertId 或 name 之一")
            }
        }
        return TrainingSessionDraft(
            unitCode: unitCode, title: title, kind: kind, isBusiness: isBusiness, startsAt: startsAt, endsAt: endsAt, hours: hours,
            topics: topics ?? [], audienceUnit: audienceUnit, audiencePosts: audiencePosts ?? [], capacity: capacity, place: place ?? "",
            trainers: trainers)
    }
}

/// `POST /api/v1/training/sessions/{session}/invitees`: some people, or everyone in the audience.
struct InviteRequest: Decodable, Sendable {
    var staffNumbers: [String]?
    var all: Bool?
}

/// `POST /api/v1/training/sessions/{session}/attendance`.
struct AttendanceRequest: Decodable, Sendable {
    struct Mark: Decodable, Sendable {
        var staffNumber: String
        var day: CivilDate
        var status: AttendanceStatus
        var reason: String?
        var hours: Double?
    }

    var marks: [Mark]
    /// Required once the session is closed: every change is then a logged amendment.
    var amendmentReason: String?

    var attendanceMarks: [AttendanceMark] {
        marks.map { AttendanceMark(staffNumber: $0.staffNumber, day: $0.day, status: $0.status, reason: $0.reason ?? "", hours: $0.hours) }
    }
}

struct AttendanceEntryJSON: Codable, Sendable {
    var staffNumber: String
    var name: String
    var unitName: String
    var day: CivilDate
    var status: AttendanceStatus
    var statusLabel: String
    var reason: String
    var hours: Double
    var isWalkIn: Bool
    /// `browser`, `code` or `import`.
    var source: String

    init(_ entry: AttendanceEntry) {
        staffNumber = entry.staffNumber
        name = entry.name
        unitName = entry.unitName
        day = entry.day
        status = entry.status
        statusLabel = entry.status.label
        reason = entry.reason
        hours = entry.hours
        isWalkIn = entry.isWalkIn
        source = entry.source
    }
}

/// The organiser's screen: the current code and the address its QR code opens.
struct SignInCodeJSON: Codable, Sendable {
    var sessionId: Int64
    var code: String
    var changesAt: Date
    /// The day being signed in for; absent outside every day's window.
    var day: CivilDate?
    var windowCloses: Date?
    /// `/training/sign-in?session=…&code=…`, absolute when the request named its host.
    var url: String
}

struct SignInRequest: Decodable, Sendable {
    var code: String
    /// The session the code is for; absent, the code finds it among the caller's open sessions.
    var session: Int64?
}

struct RatingRequest: Decodable, Sendable {
    var score: Int
    var comment: String?
}

/// 我的培训 as JSON: `MyTraining` with each upcoming session in the API's shape.
struct MyTrainingJSON: Codable, Sendable {
    var cycleStart: CivilDate
    var cycleLastDay: CivilDate
    var hoursThisCycle: Double
    var isCovered: Bool
    var dueBy: CivilDate?
    var isNotDue: Bool
    var lastTrained: CivilDate?
    var attended: [MyTraining.Attended]
    var upcoming: [TrainingSessionJSON]
    var openSignIns: [OpenSignIn]

    init(_ record: MyTraining, openSignIns: [OpenSignIn]) {
        cycleStart = record.cycleStart
        cycleLastDay = record.cycleLastDay
        hoursThisCycle = record.hoursThisCycle
        isCovered = record.isCovered
        dueBy = record.dueBy
        isNotDue = record.isNotDue
        lastTrained = record.lastTrained
        attended = record.attended
        upcoming = record.upcoming.map(TrainingSessionJSON.init)
        self.openSignIns = openSignIns
    }
}

extension Request {
    /// A `YYYY-MM-DD` query parameter: absent gives `nil`, anything else that is not a date is refused.
    func queryDate(_ name: String) throws -> CivilDate? {
        guard let text = query(name) else { return nil }
        guard let date = CivilDate(text) else { throw LianbingError.invalid("\(name) 须为 2026-03-05 这样的日期") }
        return date
    }
}
