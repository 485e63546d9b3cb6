import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Sessions and attendance written straight into the tables, so the report tests depend on the schema only, not on
/// the session and attendance service methods.
enum ReportData {
    /// A session starting at `startsAt` (China time, `YYYY-MM-DD HH:MM`), lasting two hours; returns its id.
    @discardableResult
    static func session(
        _ fixture: Fixture, unit: String, startsAt: String, kind: TrainingKind = .course, business: Bool? = nil,
        status: TrainingSessionStatus = .held
    ) async throws -> Int64 {
        let start = ChinaTime.parse(startsAt)!
        return try await fixture.db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO trainingSession (unitCode, title, kind, isBusiness, startsAt, endsAt, startDate, hours, topics, audienceUnit,
                                                 audiencePosts, capacity, place, status, signInSecret, createdBy, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 2, '', ?, '', NULL, '', ?, ?, 'test', ?)
                    """,
                arguments: [
                    unit, "\(kind.label) \(startsAt)", kind.rawValue, business ?? kind.isBusinessTraining, start, start.addingTimeInterval(7_200),
                    ChinaTime.civilDate(of: start).description, unit, status.rawValue, Data(repeating: 7, count: 32), start,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Attendance of `numbers` at `session` on its start day, each filed under their unit on that day.
    static func attend(
        _ fixture: Fixture, _ session: Int64, _ numbers: [String], status: AttendanceStatus = .attended
    ) async throws {
        try await fixture.db.writer.write { db in
            let day = try String.fetchOne(db, sql: "SELECT startDate FROM trainingSession WHERE id = ?", arguments: [session])!
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO trainingAttendance (sessionId, staffNumber, day, status, reason, hours, unitCode, isWalkIn, source, recordedAt, recordedBy)
                    VALUES (?, ?, ?, ?, '', 2, ?, 0, 'test', ?, 'test')
                    """)
            for number in numbers {
                let unit = try AppDatabase.unitCode(of: number, on: CivilDate(day)!, db)!
                try insert.execute(arguments: [session, number, day, status.rawValue, unit, Date(timeIntervalSince1970: 0)])
            }
        }
    }

    /// A session at `startsAt` organised by `unit`, attended by `numbers`.
    @discardableResult
    static func held(_ fixture: Fixture, unit: String, startsAt: String, _ numbers: [String], kind: TrainingKind = .course, business: Bool? = nil)
        async throws -> Int64
    {
        let id = try await session(fixture, unit: unit, startsAt: startsAt, kind: kind, business: business)
        try await attend(fixture, id, numbers)
        return id
    }

    /// Sets the fixture's clock to `time` (China time): moves and leaving dates are checked against today.
    static func setClock(_ fixture: Fixture, to time: String) {
        fixture.clock.advance(by: ChinaTime.parse(time)!.timeIntervalSince(fixture.clock.now))
    }

    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
}
