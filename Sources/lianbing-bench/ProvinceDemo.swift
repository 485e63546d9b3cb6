import Foundation
import GRDB
import LianbingCore
import LianbingStore

/// A throw-away province demo (≈28,000 units, ≈50,000 staff, `months` of training) in a folder of its own: what the
/// province-scale benchmarks start from. Bcrypt at cost 4, as the demo logins are not what is timed.
struct ProvinceDemo {
    let directory: URL
    let path: String
    let database: AppDatabase
    /// Seconds the install took.
    let setup: Double

    static func install(trainingMonths months: Int) async throws -> ProvinceDemo {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("bench.sqlite").path
        let database = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
        let setup = try await measure {
            _ = try await database.installDemo({ DemoDataset.generate(scale: .province) }, scale: .province, trainingMonths: months) { report("  \($0)") }
        }
        return ProvinceDemo(directory: directory, path: path, database: database, setup: setup)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

extension AppDatabase {
    /// The unit (of `level`, or any down to county) whose subtree's staff count is nearest `target`.
    func benchUnit(near target: Int, level: UnitLevel? = nil) async throws -> (code: String, name: String, staff: Int) {
        try await reader.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.code, u.name, (SELECT COUNT(*) FROM staff s JOIN unit v ON v.code = s.unitCode
                        WHERE v.path >= u.path AND v.path < substr(u.path, 1, length(u.path) - 1) || '0') AS staff
                    FROM unit u WHERE u.level \(level == nil ? "<= 3" : "= \(level!.rawValue)")
                    """)
            let best = rows.min { abs(($0["staff"] as Int) - target) < abs(($1["staff"] as Int) - target) }!
            return (best["code"], best["name"], best["staff"])
        }
    }
}
