import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A demo server with the anchors the training tests need: the demo county, the `staff` login's number and unit,
/// a town of the county that is not theirs, and a county outside the demo county.
struct TrainingFixture {
    var app: TestApp
    var county: String
    var staffNumber: String
    var staffUnit: String
    /// A unit of the county that does not hold the `staff` login.
    var otherTown: String
    var outsideUnit: String

    static func make() async throws -> TrainingFixture {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let staffAccount = try await app.database.account("staff", for: op).account
        let staffNumber = try #require(staffAccount.staffNumber)
        let ancestors = Set(try await app.database.unitDetail(staffAccount.unitCode, for: op).ancestors.map(\.code) + [staffAccount.unitCode])
        let otherTown = try #require(try await app.database.units(parent: anchors.county, for: op).first { !ancestors.contains($0.code) }).code
        return TrainingFixture(
            app: app, county: anchors.county, staffNumber: staffNumber, staffUnit: staffAccount.unitCode, otherTown: otherTown,
            outsideUnit: anchors.outsideUnit)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// `offset` seconds from now; a start in the past is kept inside today (China time), so that the session's first
    /// day is today and its sign-in window is open whenever the test runs.
    func moment(_ offset: TimeInterval) -> Date {
        let now = app.database.clock()
        let midnight = ChinaTime.parse("\(ChinaTime.civilDate(of: now)) 00:00")!
        return offset < 0 ? max(now.addingTimeInterval(offset), midnight) : now.addingTimeInterval(offset)
    }

    /// A session as the API takes it, `start` and `end` seconds from now.
    func sessionJSON(
        title: String = "接访业务专题培训班", unit: String? = nil, audience: String? = nil, start: TimeInterval = -600, end: TimeInterval = 7_200,
        kind: String = "course", hours: Double = 3, invitees: [String] = [], trainers: String = #"[{"name":"李老师"}]"#, extra: String = ""
    ) -> String {
        let invited = invitees.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"unitCode":"\(unit ?? county)","title":"\(title)","kind":"\(kind)","startsAt":"\(Self.iso(moment(start)))",\
            "endsAt":"\(Self.iso(moment(end)))","hours":\(hours),"audienceUnit":"\(audience ?? unit ?? county)",\
            "topics":["权益维护/接访质效"],"place":"区服务中心三楼会议室","trainers":\(trainers),"invitees":[\(invited)]\(extra)}
            """
    }

    /// A published session of the county, created through the store, running now unless told otherwise.
    func publishedSession(
        title: String = "以会代训：政策落实", unit: String? = nil, audience: String? = nil, start: TimeInterval = -600, end: TimeInterval = 7_200,
        invitees: [String]? = nil
    ) async throws -> TrainingSession {
        let op = try await app.database.operatorPrincipal()
        let draft = TrainingSessionDraft(
            unitCode: unit ?? county, title: title, kind: .meeting, startsAt: moment(start), endsAt: moment(end),
            hours: 2, audienceUnit: audience ?? unit ?? county, place: "会议室", trainers: [.name("王老师")])
        let session = try await app.database.createTrainingSession(draft, invitees: invitees ?? [staffNumber], by: op)
        return try await app.database.publishTrainingSession(session.id, by: op)
    }

    func code(_ session: Int64) async throws -> String {
        try await app.database.signInCode(session, for: try await app.database.operatorPrincipal()).code
    }
}

extension Client {
    /// A raw body with its content type, for the CSV import.
    func upload(_ uri: String, session: Session, contentType: String, body: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .cookie, value: session.cookie))
        headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf
        headers[.contentType] = contentType
        return try await inner.execute(uri: uri, method: .post, headers: headers, body: .init(string: body))
    }
}

extension TestApp {
    /// A published session of another county, with one of its staff invited, signed in and rated, for probes that
    /// must be refused.
    func outsideTraining(unit: String, staff: String) async throws -> Int64 {
        let op = try await database.operatorPrincipal()
        let now = database.clock()
        let draft = TrainingSessionDraft(
            unitCode: unit, title: "外县培训", kind: .course, startsAt: now.addingTimeInterval(-600), endsAt: now.addingTimeInterval(3_600), hours: 1,
            trainers: [.name("外县讲师")])
        let session = try await database.createTrainingSession(draft, invitees: [staff], by: op)
        _ = try await database.publishTrainingSession(session.id, by: op)
        let day = try #require(session.days.first)
        _ = try await database.recordAttendance(session.id, [AttendanceMark(staffNumber: staff, day: day, status: .attended)], by: op)
        return session.id
    }
}

extension AppDatabase {
    /// Every row of the training tables, to show a refused request changed nothing.
    func trainingTablesSnapshot() async throws -> [String] {
        try await reader.read { db in
            try ["trainingSession", "trainingTrainer", "trainingInvitee", "trainingAttendance", "trainingAmendment", "trainingRating"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
