import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Province-scale timings of the training reports, on demand only (`LIANBING_TRAINING_PROBE=1`): the benchmark
/// proper is `lianbing-bench training` in a release build.
@Suite("Training report timings probe", .enabled(if: ProcessInfo.processInfo.environment["LIANBING_TRAINING_PROBE"] != nil))
struct TrainingReportPerfProbe {
    @Test func province() async throws {
        do {
            let path = ProcessInfo.processInfo.environment["LIANBING_TRAINING_PROBE_DB"] ?? "/tmp/lianbing-training-probe.sqlite"
            let exists = FileManager.default.fileExists(atPath: path)
            let db = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
            var start = Date()
            if !exists { _ = try await db.installDemo({ DemoDataset.generate(scale: .province) }, scale: .province, trainingMonths: 24) }
            print("install \(Date().timeIntervalSince(start))")
            let counts = try await db.reader.read { d in
                try ["unit", "staff", "trainingSession", "trainingAttendance"].map { try Int.fetchOne(d, sql: "SELECT COUNT(*) FROM \($0)")! }
            }
            print("counts \(counts)")
            let op = try await db.operatorPrincipal()
            for _ in 0..<3 {
                start = Date()
                let c = try await db.coverageReport(for: op)
                print("coverage \(Date().timeIntervalSince(start) * 1000) ms, uncovered \(c.total.counts.uncovered), due \(c.total.counts.due)")
                start = Date()
                let h = try await db.halfYearReport(for: op)
                print("half-year \(Date().timeIntervalSince(start) * 1000) ms, obliged \(h.total.obliged) compliant \(h.total.compliant)")
                start = Date()
                let comp = try await db.compositionReport(for: op)
                print("composition \(Date().timeIntervalSince(start) * 1000) ms, staff \(comp.total.current.staff)")
            }
            let city = try await db.reader.read { d in
                try String.fetchOne(d, sql: "SELECT u.code FROM unit u WHERE u.level = 2 ORDER BY (SELECT COUNT(*) FROM staff s JOIN unit x ON x.code = s.unitCode WHERE x.path >= u.path AND x.path < substr(u.path, 1, length(u.path) - 1) || '0') DESC LIMIT 1")!
            }
            let today = ChinaTime.civilDate(of: Date())
            let cycleEnd = try await db.trainingSettings().cycle(containing: today).lastDay
            let dates = (1...40).compactMap { today.adding(days: $0) }.filter { $0 <= cycleEnd }
            start = Date()
            let plan = try await db.planCoverage(unit: city, dates: dates, capacity: 60, for: op)
            print("plan \(city) \(Date().timeIntervalSince(start) * 1000) ms, toPlan \(plan.toPlan) cohorts \(plan.cohorts.count)")
            try await db.reader.read { d in
                for row in try Row.fetchAll(d, sql: "EXPLAIN QUERY PLAN SELECT s.number, (SELECT MAX(ts.startDate) FROM trainingAttendance ta JOIN trainingSession ts ON ts.id = ta.sessionId WHERE ta.staffNumber = s.number AND ta.status = 'attended' AND (ts.isBusiness OR ts.kind = 'higher-level') AND ts.startDate <= '2026-12-03') FROM unit u JOIN staff s ON s.unitCode = u.code WHERE u.path >= '/' AND u.path < '0' AND u.level IN (3,4,5) AND s.isActive") {
                    print(row)
                }
            }
        }
    }
}
