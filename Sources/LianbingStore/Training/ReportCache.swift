import Foundation
import GRDB
import LianbingCore

/// Training reports already computed, each kept while nothing it reads has changed: the province dashboard computes
/// five reports over 50,000 people, and looking at it again should not compute them again.
///
/// Validity comes from `reportGeneration`, a number that triggers move on at every write to the tables the reports
/// read (migration v6: units, staff, moves, placements, posts, settings, sessions, attendance, trainers, ratings,
/// standards), whichever
/// process writes. A report is stored under the generation read *before* it was computed, so a write racing with
/// the computation makes the next look-up miss rather than serve stale figures.
final class ReportCache: @unchecked Sendable {
    /// Reports kept at most; past it the cache starts again rather than tracking which to evict.
    static let capacity = 256

    private let lock = NSLock()
    private var generation: Int64 = -1
    private var entries: [String: any Sendable] = [:]

    static func generation(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM reportGeneration WHERE id = 1") ?? 0
    }

    func report<Report: Sendable>(_ key: String, at generation: Int64) -> Report? {
        lock.withLock { generation == self.generation ? entries[key] as? Report : nil }
    }

    func store(_ report: some Sendable, _ key: String, at generation: Int64) {
        lock.withLock {
            if generation > self.generation {
                self.generation = generation
                entries = [:]
            }
            guard generation == self.generation else { return }
            if entries.count >= Self.capacity { entries = [:] }
            entries[key] = report
        }
    }
}

extension AppDatabase {
    /// The report `name` of the unit `unit` (default: the top of the caller's scope) on `today`, from the cache when
    /// nothing has changed since it was computed, else from `compute`. The scope check runs every time, so a cached
    /// report reaches only callers allowed to read it; its figures depend on the unit, day and `parameters`, never on
    /// who asks.
    func cachedReport<Report: Sendable>(
        _ name: String, unit: String?, today: CivilDate, parameters: String = "", for principal: Principal,
        compute: @Sendable @escaping (UnitRecord) async throws -> Report
    ) async throws -> Report {
        let (root, generation) = try await reader.read { db in
            (try Self.reportRoot(unit, for: principal, db), try ReportCache.generation(db))
        }
        let key = [name, root.code, today.description, parameters].joined(separator: "|")
        if let hit: Report = reportCache.report(key, at: generation) { return hit }
        let report = try await compute(root)
        reportCache.store(report, key, at: generation)
        return report
    }
}

extension AppDatabase {
    /// Computes the dashboard reports of the whole tree, one after another, so that the province's dashboard after a
    /// change finds them ready instead of computing them (about a second on two cores). While nothing has changed
    /// every report is a cache hit, so calling it often costs next to nothing.
    public func warmTrainingReports() async throws {
        guard try await isInitialised() else { return }
        let op = try await operatorPrincipal()
        _ = try await coverageReport(for: op)
        _ = try await halfYearReport(for: op)
        _ = try await curriculumReport(for: op)
        _ = try await compositionReport(for: op)
        _ = try await attendanceSeries(for: op)
        _ = try await ratingReport(for: op)
    }
}
