import Foundation
import GRDB
import LianbingCore

/// The four demo logins, printed at start-up.
public struct DemoLogin: Sendable, Equatable {
    public var username: String
    public var role: Role
    public var unitName: String
}

extension AppDatabase {
    public static let demoPassword = "lianbing-demo"

    /// Builds the demo on an empty database; on one that already holds the demo, keeps everything and only
    /// makes sure the demo logins work. Refuses a database holding real data.
    public func installDemo(
        _ makeDataset: @Sendable () -> DemoDataset, scale: DemoScale, trainingMonths: Int = 18, progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> [DemoLogin] {
        let existingScale = try await reader.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo'") }
        let initialised = try await isInitialised()
        if initialised && existingScale == nil {
            throw LianbingError.conflict("该数据库已有正式数据，不能装入演示数据；请用 --db 指定另一个文件")
        }
        // The demo logins skip the password rules on purpose: everyone may know this password.
        let hash = await passwords.hash(Self.demoPassword)
        let now = clock()
        if !initialised {
            progress?("正在生成演示数据（\(scale.rawValue)）…")
            let dataset = makeDataset()
            progress?("正在写入 \(dataset.units.count) 个单位、\(dataset.staff.count) 名工作人员…")
            try await writer.write { db in
                let rows = dataset.units.enumerated().map { UnitTreeBuilder.Row(line: $0.offset + 1, unit: $0.element) }
                guard case .success(let plan) = UnitTreeBuilder.plan(existing: [], rows: rows, file: "demo") else {
                    throw LianbingError.invalid("演示数据不是一棵有效的树")
                }
                for placed in plan.inserts { try UnitRecord(placed.unit, path: placed.path).insert(db) }
                for member in dataset.staff { try StaffRecord(member).insert(db) }
                try Self.insertDemoTraining(DemoTraining.build(dataset, today: ChinaTime.civilDate(of: now), months: trainingMonths), at: now, db)
                let staffUnit = dataset.staff.first { $0.number == dataset.staffMemberNumber }!.unitCode
                let anchors = [dataset.countyUnitCode, dataset.trainerUnitCode, staffUnit, dataset.staffMemberNumber]
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo', ?)", arguments: [scale.rawValue])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.anchors', ?)", arguments: [anchors.joined(separator: ",")])
                try db.audit(.operator(root: UnitPath(codes: [])), "demo.install", scale.rawValue, at: now)
            }
        }
        let anchors = try await demoAnchors()
        return try await writer.write { db in
            var logins: [DemoLogin] = []
            for (username, role, unitCode, staffNumber) in [
                ("admin", Role.admin, anchors.admin, nil as String?),
                ("county", .admin, anchors.county, nil),
                ("trainer", .trainer, anchors.trainer, nil),
                ("staff", .staff, anchors.staffUnit, anchors.staffNumber),
            ] {
                if var record = try AccountRecord.filter(Column("username") == username).fetchOne(db) {
                    record.passwordHash = hash
                    record.isDisabled = false
                    record.mustChangePassword = false
                    try record.update(db)
                } else {
                    var record = AccountRecord(
                        id: nil, username: username, passwordHash: hash, role: role.rawValue, unitCode: unitCode,
                        staffNumber: staffNumber, mustChangePassword: false, isDisabled: false, createdAt: now)
                    try record.insert(db)
                }
                let unitCode = try String.fetchOne(db, sql: "SELECT unitCode FROM account WHERE username = ?", arguments: [username])!
                logins.append(DemoLogin(username: username, role: role, unitName: try UnitRecord.fetchOne(db, key: unitCode)!.name))
            }
            return logins
        }
    }

    /// Where the demo logins sit, read back from the stored demo so that a refresh needs no regeneration.
    private func demoAnchors() async throws -> (admin: String, county: String, trainer: String, staffUnit: String, staffNumber: String) {
        try await reader.read { db in
            let root = try UnitRecord.filter(Column("parentCode") == nil).fetchOne(db)!
            if let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'") {
                let parts = anchors.split(separator: ",").map(String.init)
                return (root.code, parts[0], parts[1], parts[2], parts[3])
            }
            throw LianbingError.notFound("演示账号位置")
        }
    }
}
