import Foundation
import GRDB
import LianbingCore

/// One row of a half-year report: a child unit's subtree, the report unit itself, or the total.
public struct HalfYearRow: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// Only the report unit itself, not its subtree (the 本级 row).
    public var ownUnitOnly: Bool
    /// Units obliged to hold a business training this half-year.
    public var obliged: Int
    public var compliant: Int
    /// compliant / obliged; `nil` when none is obliged.
    public var share: Double?
}

/// An obliged unit and how many qualifying sessions it organised in the half-year.
public struct HalfYearUnitStanding: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var qualifyingSessions: Int
}

/// Item 19's "每半年至少组织一次工作人员业务培训" for a subtree and a half-year.
public struct HalfYearReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var halfYear: HalfYear
    public var today: CivilDate
    /// The report unit itself when obliged, then each child unit's subtree, by code.
    public var rows: [HalfYearRow]
    public var total: HalfYearRow
    /// Obliged units without a qualifying session, in tree order.
    public var nonCompliant: [HalfYearUnitStanding]
    /// From this day on (`warningDays` before the half-year's last day) the warning list is drawn.
    public var warningsFrom: CivilDate
    /// When `today` lies in the half-year and within the warning window: the obliged units with none yet. Empty
    /// otherwise, including for past half-years, whose outcome `nonCompliant` already gives.
    public var warnings: [HalfYearUnitStanding]
    /// `rows` and `total` as text: 单位, 应组织单位数, 已组织, 未组织, 达标率.
    public var table: ReportTable
    public var nonCompliantTable: ReportTable
    public var warningTable: ReportTable
}

extension AppDatabase {
    /// Which obliged units of `unit`'s subtree (default: the caller's scope) held their half-yearly business
    /// training in `halfYear` (default: the one holding `today`).
    ///
    /// Obliged: by `settings.obligation` over each unit's level, 辖区退役军人数 and 任务较重 flag. A session counts for
    /// its organiser when it is a business training other than 上级调训 (`TrainingKind.countsForHalfYear`), starts
    /// (China date) in the half-year, and was held — at least one attendance is marked attended, by someone whose
    /// unit on that day (kept on the attendance row) is the organiser or below it. Status alone does not make a
    /// session held: a published session nobody attended is not a training, and a draft never counts. Trainers and
    /// administrators only.
    public func halfYearReport(unit: String? = nil, halfYear: HalfYear? = nil, on today: CivilDate? = nil, for principal: Principal)
        async throws -> HalfYearReport
    {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看半年培训情况") }
        let today = try reportDay(today)
        let halfYear = halfYear ?? HalfYear(containing: today)
        guard Self.reportDays.contains(halfYear.firstDay) else { throw LianbingError.invalid("半年须在 2000 年到 2099 年之间") }
        return try await cachedReport("half-year", unit: unit, today: today, parameters: halfYear.description, for: principal) { root in
            try await reader.read { db in
                let settings = try Self.trainingSettings(db)
                let obliged = try Self.obligedUnits(under: root.unitPath, obligation: settings.obligation, db)
                let sessions = try Self.complianceSessions(organisedUnder: root.unitPath, from: halfYear.firstDay, to: halfYear.lastDay, db)
                let paths = obliged.map { UnitPath(rawValue: $0.path) }
                let units = Dictionary(obliged.map { ($0.path, Self.reportUnit($0)) }, uniquingKeysWith: { a, _ in a })
                let standings = HalfYearCompliance.standings(of: paths, sessions: sessions, in: halfYear)
                let warningPaths: [UnitPath] =
                    HalfYear(containing: today) == halfYear
                    ? HalfYearCompliance.warnings(of: paths, sessions: sessions, today: today, days: settings.warningDays) : []

                var own = (obliged: 0, compliant: 0)
                var byChild: [String: (obliged: Int, compliant: Int)] = [:]
                var total = (obliged: 0, compliant: 0)
                var nonCompliant: [HalfYearUnitStanding] = []
                for standing in standings {
                    let compliant = standing.isCompliant ? 1 : 0
                    total.obliged += 1
                    total.compliant += compliant
                    if let key = Self.childKey(of: standing.unit.rawValue, under: root.path) {
                        byChild[key, default: (0, 0)].obliged += 1
                        byChild[key, default: (0, 0)].compliant += compliant
                    } else {
                        own.obliged += 1
                        own.compliant += compliant
                    }
                    if !standing.isCompliant, let unit = units[standing.unit.rawValue] {
                        nonCompliant.append(HalfYearUnitStanding(unit: unit, qualifyingSessions: 0))
                    }
                }
                let warnings = warningPaths.compactMap { units[$0.rawValue].map { HalfYearUnitStanding(unit: $0, qualifyingSessions: 0) } }

                let rootUnit = Self.reportUnit(root)
                func row(_ unit: ReportUnit, own: Bool, _ counts: (obliged: Int, compliant: Int)) -> HalfYearRow {
                    HalfYearRow(unit: unit, ownUnitOnly: own, obliged: counts.obliged, compliant: counts.compliant, share: Self.share(counts.compliant, of: counts.obliged))
                }
                var rows: [HalfYearRow] = own.obliged > 0 ? [row(rootUnit, own: true, own)] : []
                rows += try Self.childUnits(of: root, db).map { row(Self.reportUnit($0), own: false, byChild[$0.code] ?? (0, 0)) }
                let totalRow = row(rootUnit, own: false, total)
                func line(_ name: String, _ row: HalfYearRow) -> [String] {
                    [name, String(row.obliged), String(row.compliant), String(row.obliged - row.compliant), Self.percentText(row.compliant, of: row.obliged)]
                }
                let warningsFrom = halfYear.lastDay.adding(days: -settings.warningDays) ?? halfYear.firstDay
                let daysLeft = halfYear.lastDay - today
                return HalfYearReport(
                    unit: rootUnit, halfYear: halfYear, today: today, rows: rows, total: totalRow, nonCompliant: nonCompliant,
                    warningsFrom: warningsFrom, warnings: warnings,
                    table: ReportTable(
                        title: "\(root.name) \(halfYear.label)业务培训组织情况",
                        columns: ["单位", "应组织单位数", "已组织", "未组织", "达标率"],
                        rows: rows.map { line($0.ownUnitOnly ? Self.ownRowName(root) : $0.unit.name, $0) } + [line("合计", totalRow)],
                        kinds: [.text, .number, .number, .number, .percent]),
                    nonCompliantTable: ReportTable(
                        title: "\(root.name) \(halfYear.label)尚未组织业务培训的单位（\(nonCompliant.count) 个）",
                        columns: ["单位编码", "单位", "层级"],
                        rows: nonCompliant.map { [$0.unit.code, $0.unit.name, $0.unit.level.displayName] }, kinds: [.text, .text, .text]),
                    warningTable: ReportTable(
                        title: "\(root.name) \(halfYear.label)即将到期仍未组织业务培训的单位（\(warnings.count) 个）",
                        columns: ["单位编码", "单位", "层级", "距半年结束天数"],
                        rows: warnings.map { [$0.unit.code, $0.unit.name, $0.unit.level.displayName, String(daysLeft)] },
                        kinds: [.text, .text, .text, .number]))
            }
        }
    }

    /// The obliged units of a subtree, in tree order. SQL narrows to the units the obligation could concern (its
    /// levels, the flag, the threshold); `HalfYearObligation.isObliged` decides.
    static func obligedUnits(under root: UnitPath, obligation: HalfYearObligation, _ db: Database) throws -> [UnitRecord] {
        let levels = obligation.levels.map { String($0.rawValue) }.sorted()
        var condition = "heavyDuty"
        if !levels.isEmpty { condition += " OR level IN (\(levels.joined(separator: ", ")))" }
        var arguments: StatementArguments = [root.lowerBound, root.upperBound]
        if let threshold = obligation.veteranThreshold {
            condition += " OR veteransServed >= ?"
            arguments += [threshold]
        }
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT code, name, level, parentCode, path, veteransServed, heavyDuty FROM unit WHERE path >= ? AND path < ? AND (\(condition)) ORDER BY path",
            arguments: arguments)
        var units: [UnitRecord] = []
        while let row = try rows.next() {
            guard let level = UnitLevel(rawValue: row["level"]),
                obligation.isObliged(level: level, veteransServed: row["veteransServed"], flagged: row["heavyDuty"])
            else { continue }
            units.append(try UnitRecord(row: row))
        }
        return units
    }

    /// The held sessions counting for the half-year rule organised in a subtree between two dates (China start
    /// dates), as `HalfYearCompliance` sees them. Attendance is reduced in SQL to one attendee unit per session — one
    /// inside the organiser's subtree when there is any, else any other — which is all `ComplianceSession.qualifies`
    /// asks of it, so a province's 100,000 attendance rows of a half-year are not loaded.
    static func complianceSessions(organisedUnder root: UnitPath, from first: CivilDate, to last: CivilDate, _ db: Database) throws
        -> [ComplianceSession]
    {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT o.path AS organiser, ts.startDate, ts.kind, ts.isBusiness,
                       COALESCE(
                           (SELECT au.path FROM trainingAttendance ta JOIN unit au ON au.code = ta.unitCode
                            WHERE ta.sessionId = ts.id AND ta.status = 'attended'
                              AND au.path >= o.path AND au.path < substr(o.path, 1, length(o.path) - 1) || '0' LIMIT 1),
                           (SELECT au.path FROM trainingAttendance ta JOIN unit au ON au.code = ta.unitCode
                            WHERE ta.sessionId = ts.id AND ta.status = 'attended' LIMIT 1)) AS attendee
                FROM trainingSession ts JOIN unit o ON o.code = ts.unitCode
                WHERE ts.startDate >= :first AND ts.startDate <= :last AND ts.status <> 'draft'
                  AND ts.isBusiness AND ts.kind <> '\(TrainingKind.higherLevel.rawValue)'
                  AND o.path >= :lower AND o.path < :upper
                """,
            arguments: ["first": first.description, "last": last.description, "lower": root.lowerBound, "upper": root.upperBound])
        var sessions: [ComplianceSession] = []
        while let row = try rows.next() {
            guard let date = CivilDate.stored(row["startDate"]) else { continue }
            let kind = TrainingKind(rawValue: row["kind"]) ?? .other
            let attendee: String? = row["attendee"]
            sessions.append(
                ComplianceSession(
                    organiser: UnitPath(rawValue: row["organiser"]), date: date, countsForHalfYear: kind.countsForHalfYear(business: row["isBusiness"]),
                    attendeeUnits: attendee.map { [UnitPath(rawValue: $0)] } ?? []))
        }
        return sessions
    }
}
