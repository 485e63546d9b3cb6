import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A session of 天河区 today (the fixture clock's China date, 2023-11-15), 09:00–12:00.
func tianheSession(_ title: String = "政策法规专题培训班", kind: TrainingKind = .course, capacity: Int? = nil, days: Int = 1) -> TrainingSessionDraft {
    let start = ChinaTime.parse("2023-11-15 09:00")!
    return TrainingSessionDraft(
        unitCode: Code.tianhe, title: title, kind: kind, startsAt: start,
        endsAt: start.addingTimeInterval(Double(days - 1) * 86_400 + 3 * 3600), hours: 3 * Double(days), topics: ["政策法规"],
        capacity: capacity, place: "区中心三楼会议室")
}

@Suite("Training sessions: scheduling, scope and attendance")
struct TrainingSessionTests {
    @Test("A county administrator schedules, invites and publishes a session of the county; another county sees nothing of it")
    func scheduleInScope() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let session = try await fixture.db.createTrainingSession(tianheSession(), invitees: [Roster.huashiInformant.number], by: county)
        #expect(session.status == .draft && session.invited == 1 && session.isBusiness)
        let published = try await fixture.db.publishTrainingSession(session.id, by: county)
        #expect(published.status == .published)
        let other = try await fixture.otherCountyAdmin()
        await #expect(throws: LianbingError.notFound("培训 \(session.id)")) { try await fixture.db.trainingSession(session.id, for: other) }
        #expect(try await fixture.db.trainingSessions(page: PageRequest(page: 1, perPage: 50), for: other).total == 0)
        await #expect(throws: LianbingError.self) {
            try await fixture.db.createTrainingSession(tianheSession(), by: other)
        }
    }

    @Test("An ancestor's session shows read-only to a unit whose staff it invites")
    func ancestorSessionIsReadOnly() async throws {
        let fixture = try await Fixture.make()
        var draft = tianheSession()
        draft.unitCode = Code.guangzhou
        draft.audienceUnit = Code.guangzhou
        let session = try await fixture.db.createTrainingSession(draft, invitees: [Roster.huashiInformant.number, Roster.cityDirector.number], by: fixture.op())
        let county = try await fixture.countyAdmin()
        let seen = try await fixture.db.trainingSession(session.id, for: county)
        #expect(!seen.isManaged)
        #expect(try await fixture.db.trainingInvitees(session.id, for: county).map(\.staff.number) == [Roster.huashiInformant.number])
        await #expect(throws: LianbingError.notFound("培训 \(session.id)")) { try await fixture.db.publishTrainingSession(session.id, by: county) }
    }

    @Test("Invitees outside the audience and beyond capacity are refused")
    func inviteesChecked() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        await #expect(throws: LianbingError.invalid("\(Roster.xiheWorker.number) 不在本次培训的对象范围内")) {
            try await fixture.db.createTrainingSession(tianheSession(), invitees: [Roster.xiheWorker.number], by: county)
        }
        await #expect(throws: LianbingError.self) {
            try await fixture.db.createTrainingSession(
                tianheSession(capacity: 1), invitees: [Roster.huashiInformant.number, Roster.shipaiReceptionist.number], by: county)
        }
        await #expect(throws: LianbingError.self) {
            var draft = tianheSession()
            draft.hours = .infinity
            return try await fixture.db.createTrainingSession(draft, by: county)
        }
    }

    @Test("Attendance: only published sessions, only their days, walk-ins from the audience marked, a closed session needs a reason")
    func attendanceRules() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let session = try await fixture.db.createTrainingSession(tianheSession(days: 2), invitees: [Roster.huashiInformant.number], by: county)
        let day1 = CivilDate("2023-11-15")!
        let mark = AttendanceMark(staffNumber: Roster.huashiInformant.number, day: day1, status: .attended)
        await #expect(throws: LianbingError.invalid("培训尚未发布，不能登记出勤")) { try await fixture.db.recordAttendance(session.id, [mark], by: county) }
        _ = try await fixture.db.publishTrainingSession(session.id, by: county)
        await #expect(throws: LianbingError.self) {
            try await fixture.db.recordAttendance(session.id, [AttendanceMark(staffNumber: Roster.huashiInformant.number, day: CivilDate("2023-11-20")!, status: .attended)], by: county)
        }
        await #expect(throws: LianbingError.self) {
            try await fixture.db.recordAttendance(session.id, [AttendanceMark(staffNumber: Roster.xiheWorker.number, day: day1, status: .attended)], by: county)
        }
        let walkIn = AttendanceMark(staffNumber: Roster.shipaiReceptionist.number, day: day1, status: .attended)
        let summary = try await fixture.db.recordAttendance(session.id, [mark, walkIn], by: county)
        #expect(summary == AttendanceSummary(recorded: 2, walkIns: 1, amended: 0))
        let entries = try await fixture.db.trainingAttendance(session.id, for: county)
        #expect(entries.map(\.hours) == [3, 3])
        #expect(try await fixture.db.trainingSession(session.id, for: county).status == .held)

        _ = try await fixture.db.closeTrainingSession(session.id, by: county)
        let correction = AttendanceMark(staffNumber: Roster.shipaiReceptionist.number, day: day1, status: .excused, reason: "病假")
        await #expect(throws: LianbingError.invalid("培训已结束，出勤已锁定：更正须填写更正原因")) {
            try await fixture.db.recordAttendance(session.id, [correction], by: county)
        }
        let amended = try await fixture.db.recordAttendance(session.id, [correction], amendmentReason: "补交请假条", by: county)
        #expect(amended.amended == 1)
        #expect(try await fixture.db.count("trainingAmendment") == 1)
        // A person's record: theirs to read, and their county's; no one else's.
        let record = try await fixture.db.trainingRecord(of: Roster.huashiInformant.number, for: county)
        #expect(record.attended.map(\.sessionId) == [session.id] && record.hoursThisCycle == 3)
        await #expect(throws: LianbingError.notFound("工作人员 \(Roster.shipaiReceptionist.number)")) {
            try await fixture.db.trainingRecord(of: Roster.shipaiReceptionist.number, for: try await fixture.staffUser())
        }
        let logged = try await fixture.db.attendanceAmendments(session.id, for: county)
        #expect(logged.map(\.staffNumber) == [Roster.shipaiReceptionist.number])
        #expect(logged.first?.before == "出席 3学时" && logged.first?.after == "请假 0学时" && logged.first?.reason == "补交请假条")
        await #expect(throws: LianbingError.notFound("培训 \(session.id)")) {
            try await fixture.db.attendanceAmendments(session.id, for: try await fixture.staffUser())
        }
    }

    @Test("Attendance keeps the attendee's unit on the session date, though they move later")
    func unitAtSessionDate() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let session = try await fixture.db.createTrainingSession(tianheSession(), invitees: [Roster.huashiInformant.number], by: county)
        _ = try await fixture.db.publishTrainingSession(session.id, by: county)
        _ = try await fixture.db.recordAttendance(
            session.id, [AttendanceMark(staffNumber: Roster.huashiInformant.number, day: CivilDate("2023-11-15")!, status: .attended)], by: county)
        var moved = Roster.huashiInformant
        moved.unitCode = Code.jinan
        fixture.clock.advance(by: 86_400 * 3)
        _ = try await fixture.db.importStaff(Roster.rows([moved]), file: "move.csv", by: fixture.op())
        let unit = try await fixture.db.reader.read { db in
            try String.fetchOne(db, sql: "SELECT unitCode FROM trainingAttendance")
        }
        #expect(unit == Code.huashi)
        let number = moved.number
        let then = try await fixture.db.reader.read { db in try AppDatabase.unitCode(of: number, on: CivilDate("2023-11-15")!, db) }
        #expect(then == Code.huashi)
    }

    @Test("An attendance file is all or nothing and names every bad line")
    func importAllOrNothing() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let session = try await fixture.db.createTrainingSession(tianheSession(), invitees: [Roster.huashiInformant.number], by: county)
        _ = try await fixture.db.publishTrainingSession(session.id, by: county)
        let day = CivilDate("2023-11-15")!
        let rows = [
            AttendanceImportRow(line: 2, staffNumber: Roster.huashiInformant.number, day: day, status: .attended),
            AttendanceImportRow(line: 3, staffNumber: "NOBODY", day: day, status: .attended),
            AttendanceImportRow(line: 4, staffNumber: Roster.shipaiReceptionist.number, day: CivilDate("2023-12-01")!, status: .attended),
        ]
        let error = await #expect(throws: LianbingError.self) {
            try await fixture.db.importAttendance(session.id, ParsedImport(rows: rows), file: "考勤.csv", by: county)
        }
        guard case .importRejected(let failure) = error else { Issue.record("expected importRejected"); return }
        #expect(failure.issues.map(\.line) == [3, 4])
        #expect(try await fixture.db.count("trainingAttendance") == 0)
        let summary = try await fixture.db.importAttendance(session.id, ParsedImport(rows: [rows[0]]), file: "考勤.csv", by: county)
        #expect(summary.recorded == 1)
    }
}
