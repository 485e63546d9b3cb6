import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Demo training data")
struct DemoTrainingTests {
    @Test("The demo shows a believable mix: most towns compliant, some missing a half-year, a few people untrained for over a year")
    func believableMix() async throws {
        let clock = TestClock(ChinaTime.parse("2026-12-03 10:00")!)
        let db = try AppDatabase.inMemory(clock: clock.closure)
        _ = try await db.installDemo({ DemoDataset.generate(scale: .demo) }, scale: .demo)
        let op = try await db.operatorPrincipal()
        #expect(try await db.count("trainingAttendance") > 2_000)
        #expect(try await db.count("expert") > 0)

        let lastHalf = try await db.halfYearReport(halfYear: HalfYear(year: 2026, half: 1), for: op)
        let share = Double(lastHalf.total.compliant) / Double(lastHalf.total.obliged)
        #expect(share > 0.6 && share < 1, "compliant share \(share)")

        let coverage = try await db.coverageReport(for: op)
        let yearAgo = CivilDate("2025-12-03")!
        let longUntrained = coverage.uncovered.filter { $0.lastTrained.map { $0 < yearAgo } ?? true }
        #expect(!longUntrained.isEmpty)
        #expect(longUntrained.count * 10 < coverage.total.counts.due, "\(longUntrained.count) of \(coverage.total.counts.due)")

        let curriculum = try await db.curriculumReport(for: op).total.counts
        let meeting = Double(curriculum.meeting) / Double(max(1, curriculum.withStandard))
        #expect(curriculum.withStandard > 0 && meeting > 0.3 && meeting < 0.95, "\(curriculum.meeting) of \(curriculum.withStandard) meet their standard")

        // The demo staff member has a session open for signing in today and an invitation for next week.
        let staff = try await db.reader.read { db in
            try AppDatabase.principal(for: AccountRecord.filter(Column("username") == "staff").fetchOne(db)!, db)
        }
        #expect(try await db.openSignIns(for: staff).count == 1)
        let mine = try await db.myTraining(for: staff)
        #expect(mine.upcoming.count == 2)
        // Not yet covered this year: today's sign-in is what covers them.
        #expect(!mine.isCovered)
    }
}
