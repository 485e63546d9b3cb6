import Foundation
import LianbingCore
import GRDB
import LianbingStore

/// Training reports at province scale: the province demo (≈28,000 units, ≈50,000 staff) with two years of generated
/// sessions and attendance. Targets: full-province coverage and half-year reports each under 200 ms, a plan for a
/// unit of about 3,000 staff over 40 dates under 1 s, the dashboard's reports (what its page computes) under 100 ms
/// median.
func benchTraining() async throws {
    let demo = try await ProvinceDemo.install(trainingMonths: 24)
    defer { demo.remove() }
    let (database, path, setup) = (demo.database, demo.path, demo.setup)
    let op = try await database.operatorPrincipal()
    let counts = try await database.trainingBenchCounts()
    report(String(format: "training: %d units, %d staff, %d sessions, %d attendance rows (set up in %.1f s)", counts.units, counts.staff, counts.sessions, counts.attendance, setup))

    // Another connection to the file writes, as the CLI beside a running server would: one attendance row touched,
    // which makes every cached report stale, so that what is timed after it is the reports' own work.
    let side = try DatabaseQueue(path: path)
    func touch() async throws {
        try await side.write { db in
            try db.execute(sql: "UPDATE trainingAttendance SET reason = reason || '' WHERE rowid = (SELECT MIN(rowid) FROM trainingAttendance)")
        }
    }
    func median(_ runs: Int = 7, afterWrite: Bool = true, _ body: () async throws -> Void) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            if afterWrite { try await touch() }
            times.append(try await measure(body))
        }
        return times.sorted()[runs / 2]
    }
    var uncovered = 0
    let coverage = try await median { uncovered = try await database.coverageReport(for: op).total.counts.uncovered }
    report(String(format: "  coverage, whole province    %7.1f ms median  (%d uncovered)  (target: under 200 ms)", coverage * 1000, uncovered))
    var compliant = 0
    let halfYear = try await median { compliant = try await database.halfYearReport(for: op).total.compliant }
    report(String(format: "  half-year, whole province   %7.1f ms median  (%d compliant)  (target: under 200 ms)", halfYear * 1000, compliant))

    // The unit nearest 3,000 staff: no county of the demo is that large, so a city usually stands in.
    let planUnit = try await database.benchUnit(near: 3_000)
    // Planning the next cycle from its first day, when everyone due is still to be trained: the largest plan.
    let nextCycle = try await database.trainingSettings().cycle(containing: ChinaTime.civilDate(of: Date())).end
    let dates = (0..<56).compactMap { nextCycle.adding(days: $0) }.filter { ($0.dayNumber + 3) % 7 < 5 }.prefix(40).map { $0 }
    var cohorts = 0
    var unplaced = 0
    let plan = try await median(3) {
        let result = try await database.planCoverage(unit: planUnit.code, dates: dates, capacity: 80, on: nextCycle, for: op)
        (cohorts, unplaced) = (result.cohorts.count, result.unplaced.count)
    }
    report(String(format: "  plan, %@ (%d staff), %d dates  %7.1f ms median  (%d cohorts, %d unplaced)  (target: under 1 s)", planUnit.name, planUnit.staff, dates.count, plan * 1000, cohorts, unplaced))

    // What the dashboard page computes, as it does: its six reports at once. After a write they are computed afresh;
    // with nothing written in between, the report cache answers.
    func dashboard(_ unit: String?) async throws {
        async let coverage = database.coverageReport(unit: unit, for: op)
        async let halfYear = database.halfYearReport(unit: unit, for: op)
        async let curriculum = database.curriculumReport(unit: unit, for: op)
        async let composition = database.compositionReport(unit: unit, for: op)
        async let series = database.attendanceSeries(unit: unit, for: op)
        async let ratings = database.ratingReport(unit: unit, for: op)
        _ = try await (coverage, halfYear, curriculum, composition, series, ratings)
    }
    let county = try await database.benchUnit(near: 400, level: .county)
    for (name, staff, code) in [(county.name, county.staff, Optional(county.code)), ("全省", counts.staff, nil)] {
        let afterWrite = try await median(11) { try await dashboard(code) }
        let again = try await median(11, afterWrite: false) { try await dashboard(code) }
        report(
            String(
                format: "  dashboard reports, %@ (%d staff)  %.1f ms median after a write, %.1f ms median when nothing changed (cached)  (target: page under 100 ms)",
                name, staff, afterWrite * 1000, again * 1000))
    }
    // The server's ReportWarmer does this in the background at most 30 s after a write, so the province's page is
    // then served from the cache.
    let warm = try await median(5) { try await database.warmTrainingReports() }
    report(String(format: "  warm-up of the whole province's dashboard after a write  %.1f ms median (background, one core)", warm * 1000))
    // Where the whole province's view after a write goes: each of its reports alone, computed afresh.
    let parts: [(String, () async throws -> Void)] = [
        ("curriculum", { _ = try await database.curriculumReport(for: op) }),
        ("composition", { _ = try await database.compositionReport(for: op) }),
        ("monthly line", { _ = try await database.attendanceSeries(for: op) }),
        ("evaluation", { _ = try await database.ratingReport(for: op) }),
    ]
    for (name, body) in parts {
        report(String(format: "    %@, whole province  %7.1f ms median", name, try await median(5, body) * 1000))
    }
}

extension AppDatabase {
    fileprivate func trainingBenchCounts() async throws -> (units: Int, staff: Int, sessions: Int, attendance: Int) {
        try await reader.read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            return (try count("unit"), try count("staff"), try count("trainingSession"), try count("trainingAttendance"))
        }
    }
}
