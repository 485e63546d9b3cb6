import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training report cache")
struct ReportCacheTests {
    typealias D = ReportData

    @Test("A report is computed again after any write to what it reads, by the service or straight into the file")
    func writesInvalidate() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-03-01 10:00")
        let op = try await fixture.op()
        let day = D.day("2026-03-01")
        let before = try await fixture.db.coverageReport(unit: Code.tianhe, on: day, for: op)
        #expect(before.total.counts.covered == 0)
        #expect(try await fixture.db.coverageReport(unit: Code.tianhe, on: day, for: op) == before)

        // Written as another program would, through SQL alone.
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-02-10 09:00", [Roster.tianheDirector.number])
        #expect(try await fixture.db.coverageReport(unit: Code.tianhe, on: day, for: op).total.counts.covered == 1)
        let composition = try await fixture.db.compositionReport(unit: Code.tianhe, on: day, for: op)
        try await fixture.db.writer.write { db in
            try db.execute(sql: "UPDATE staff SET isVeteran = 1 WHERE number = ?", arguments: [Roster.huashiInformant.number])
        }
        let after = try await fixture.db.compositionReport(unit: Code.tianhe, on: day, for: op)
        #expect(after.total.current.veteransOrEntitled == composition.total.current.veteransOrEntitled + 1)

        // Through the service: a leaving date takes the person out of coverage.
        try await fixture.db.recordLeaving(Roster.shipaiReceptionist.number, on: D.day("2026-02-01"), by: op)
        #expect(try await fixture.db.coverageReport(unit: Code.tianhe, on: day, for: op).total.counts.due == before.total.counts.due - 1)
        // Settings live in `meta`: counting the county level alone leaves its director.
        var settings = try await fixture.db.trainingSettings()
        settings.coverageLevels = [.county]
        _ = try await fixture.db.setTrainingSettings(settings, by: op)
        #expect(try await fixture.db.coverageReport(unit: Code.tianhe, on: day, for: op).total.counts.due == 1)
    }

    @Test("A report another caller had cached is still refused to a caller outside its scope; the day and half-year are part of the key")
    func scopeAndKey() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        _ = try await fixture.db.coverageReport(unit: Code.wujiang, on: D.day("2026-03-01"), for: op)
        await expectError(.notFound) {
            try await fixture.db.coverageReport(unit: Code.wujiang, on: D.day("2026-03-01"), for: try await fixture.countyAdmin())
        }
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-02-10 09:00", [Roster.tianheDirector.number])
        let march = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-03-01"), for: op)
        let january = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-01-15"), for: op)
        #expect(march.total.counts.covered == 1 && january.total.counts.covered == 0)
        let h1 = try await fixture.db.halfYearReport(unit: Code.tianhe, halfYear: HalfYear(year: 2026, half: 1)!, on: D.day("2026-03-01"), for: op)
        let h2 = try await fixture.db.halfYearReport(unit: Code.tianhe, halfYear: HalfYear(year: 2025, half: 2)!, on: D.day("2026-03-01"), for: op)
        #expect(h1.halfYear != h2.halfYear)
    }

    @Test("Every table the reports read moves the generation on insert, update and delete")
    func triggersCoverTheSources() async throws {
        let fixture = try await Fixture.make()
        let triggers = try await fixture.db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'reportGeneration_%'")
        }
        let sources = [
            "unit", "staff", "staffMove", "staffPlacement", "post", "meta", "trainingSession", "trainingAttendance", "trainingTrainer",
            "trainingRating", "curriculumStandard",
        ]
        #expect(Dictionary(grouping: triggers, by: { $0 }).mapValues(\.count) == Dictionary(uniqueKeysWithValues: sources.map { ($0, 3) }))
        let generation = { try await fixture.db.reader.read { try ReportCache.generation($0) } }
        let start = try await generation()
        try await fixture.db.writer.write { try $0.execute(sql: "DELETE FROM trainingAttendance") }
        #expect(try await generation() == start)  // nothing deleted, nothing changed
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-02-10 09:00", [Roster.tianheDirector.number])
        #expect(try await generation() == start + 2)
    }

    @Test("Warming computes the whole tree's dashboard reports into the cache after a write, and is a no-op on an empty database")
    func warming() async throws {
        try await AppDatabase.inMemory().warmTrainingReports()
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-03-01 10:00")
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-02-10 09:00", [Roster.tianheDirector.number])
        try await fixture.db.warmTrainingReports()
        let generation = try await fixture.db.reader.read { try ReportCache.generation($0) }
        let root = try #require(try await fixture.db.rootUnit())
        for name in ["coverage", "curriculum", "composition", "ratings"] {
            let key = [name, root.code, "2026-03-01", ""].joined(separator: "|")
            #expect(fixture.db.reportCache.report(key, at: generation) as (any Sendable)? != nil, "\(name)")
        }
        let cached: CoverageReport? = fixture.db.reportCache.report([ "coverage", root.code, "2026-03-01", ""].joined(separator: "|"), at: generation)
        #expect(cached?.total.counts.covered == 1)
    }

    @Test("The cache keeps reports of one generation only and drops older ones")
    func generations() {
        let cache = ReportCache()
        cache.store(1, "a", at: 5)
        #expect(cache.report("a", at: 5) == 1)
        #expect((cache.report("a", at: 6) as Int?) == nil)
        cache.store(2, "b", at: 4)
        #expect((cache.report("b", at: 4) as Int?) == nil)
        cache.store(3, "c", at: 6)
        #expect((cache.report("a", at: 6) as Int?) == nil)
        #expect(cache.report("c", at: 6) == 3)
    }
}
