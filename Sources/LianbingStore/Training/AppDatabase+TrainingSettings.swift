import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The `meta` key holding the training rules as JSON. One row rather than a table: the rules are read together
    /// by every report and changed rarely, and a missing row means the source's defaults.
    static let trainingSettingsKey = "training.settings"

    /// The training rules in force (`lianbing training settings show`): the stored ones, or the defaults when an
    /// administrator has never changed them. Anyone may read them: they are the rules everyone is measured by.
    public func trainingSettings() async throws -> TrainingSettings {
        try await reader.read { db in try Self.trainingSettings(db) }
    }

    /// Replaces the training rules (`lianbing training settings set`). They apply to the whole province, so only an
    /// administrator of the root unit (or the operator) may change them; a county administrator cannot loosen the rule
    /// their own county is measured by. Checked with `validated()` first, so reports never meet a setting whose
    /// arithmetic could trap.
    @discardableResult
    public func setTrainingSettings(_ settings: TrainingSettings, by principal: Principal) async throws -> TrainingSettings {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以修改培训设置") }
        let settings = try settings.validated()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        let now = clock()
        try await writer.write { db in
            let isRootScope = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE path = ? AND parentCode IS NULL)", arguments: [principal.scope.rawValue]) ?? false
            guard principal.isOperator || isRootScope else { throw LianbingError.forbidden("培训设置适用于全省，只有省级管理员可以修改") }
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Self.trainingSettingsKey, json])
            try db.audit(principal, "training.settings", Self.trainingSettingsKey, json, at: now)
        }
        return settings
    }

    /// Sets what the half-year rule needs to know about a unit (`lianbing org set CODE …`): the number of veterans it
    /// serves (辖区退役军人数) and the 任务较重 flag. For `veteransServed`, `nil` leaves it as it is and `.some(nil)`
    /// clears it; `heavyDuty` `nil` leaves the flag. Administrators of the unit or above it only.
    @discardableResult
    public func setUnitAttributes(_ code: String, veteransServed: Int??, heavyDuty: Bool?, by principal: Principal) async throws -> UnitAttributes {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以修改单位信息") }
        if case .some(.some(let count)) = veteransServed {
            try InputBounds.check(count, in: TrainingSettings.veteranThresholdRange, "辖区退役军人数", unit: "人")
        }
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitInScope(code, for: principal, db)
            if case .some(let count) = veteransServed {
                try db.execute(sql: "UPDATE unit SET veteransServed = ? WHERE code = ?", arguments: [count, unit.code])
            }
            if let heavyDuty {
                try db.execute(sql: "UPDATE unit SET heavyDuty = ? WHERE code = ?", arguments: [heavyDuty, unit.code])
            }
            let row = try Row.fetchOne(db, sql: "SELECT veteransServed, heavyDuty FROM unit WHERE code = ?", arguments: [unit.code])!
            let attributes = UnitAttributes(veteransServed: row["veteransServed"], heavyDuty: row["heavyDuty"])
            if veteransServed != nil || heavyDuty != nil {
                try db.audit(
                    principal, "org.set", unit.code,
                    "辖区退役军人数 \(attributes.veteransServed.map(String.init) ?? "未填")，任务较重 \(attributes.heavyDuty ? "是" : "否")",
                    unitCode: unit.code, at: now)
            }
            return attributes
        }
    }

    /// The stored rules, or the defaults. A stored value that no longer decodes is reported rather than silently
    /// replaced by the defaults, which would quietly change who is obliged.
    static func trainingSettings(_ db: Database) throws -> TrainingSettings {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [trainingSettingsKey]) else {
            return TrainingSettings()
        }
        do {
            return try JSONDecoder().decode(TrainingSettings.self, from: Data(json.utf8)).validated()
        } catch {
            throw LianbingError.invalid("已保存的培训设置无法读取，请用 lianbing training settings set 重新设置")
        }
    }
}
