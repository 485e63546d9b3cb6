import Foundation
import GRDB
import LianbingCore

/// One row of a composition report: a child unit's subtree, the report unit's own staff, or the total.
public struct CompositionRow: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// The people attached to the unit itself rather than its subtree (the 本级 row).
    public var ownStaffOnly: Bool
    public var current: StaffComposition
    /// The same figures on the same day a year earlier.
    public var yearEarlier: StaffComposition
    /// 轮岗交流 and 基层锻炼 served in the subtree during the current coverage cycle.
    public var rotations: Int
    public var grassroots: Int
    public var isBelowOneThird: Bool
}

/// Item 17 for a subtree: the one-third rule for veterans and other entitled persons, the legal and IT specialists,
/// and how both moved in a year.
public struct CompositionReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var today: CivilDate
    /// The day compared with: the same day a year earlier (28 February for 29 February).
    public var yearEarlier: CivilDate
    /// The cycle the placements are counted in.
    public var cycle: TrainingCycle
    public var specialistKeywords: [String]
    /// The report unit's own staff (when it has any, now or a year ago), then each child unit's subtree, by code.
    public var rows: [CompositionRow]
    public var total: CompositionRow
    /// Rows below one third, worst share first (`StaffComposition.flagged`): flagged, not errors — the source says
    /// "原则上".
    public var flagged: [CompositionRow]
    public var table: ReportTable
    public var flaggedTable: ReportTable
}

extension AppDatabase {
    /// Staff composition of `unit`'s subtree (default: the caller's scope) on `today`, against item 17.
    ///
    /// Counted now: staff marked 在岗 who have not left by `today`. A year earlier: staff hired by then (no 入职日期
    /// counts as always employed) and not gone by then — judged by their leaving date when they have one, else by
    /// today's 在岗 flag, the only record there is — each in the unit they belonged to that day (read from their dated
    /// moves). Counted in SQL per child unit, so a province's 50,000 staff are not loaded. Trainers and
    /// administrators only.
    public func compositionReport(unit: String? = nil, on today: CivilDate? = nil, for principal: Principal) async throws -> CompositionReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看人员结构") }
        let today = try reportDay(today)
        let yearEarlier = today.adding(months: -12)!
        return try await cachedReport("composition", unit: unit, today: today, for: principal) { root in
            try await reader.read { db in
                let settings = try Self.trainingSettings(db)
                let keywords = settings.specialistKeywords
                let cycle = settings.cycle(containing: today)
                let counts = keywords.enumerated().map { index, keyword in
                    // A specialty is one `;`-separated item, so a keyword holding `;` matches none (as in `StaffComposition`).
                    keyword.contains(";") ? "0 AS k\(index)" : "SUM(instr(s.specialties, :k\(index)) > 0) AS k\(index)"
                }.joined(separator: ", ")
                var arguments: [String: (any DatabaseValueConvertible)?] = [
                    "root": root.path, "lower": root.unitPath.lowerBound, "upper": root.unitPath.upperBound, "today": today.description,
                    "earlier": yearEarlier.description, "cycleStart": cycle.start.description, "cycleEnd": cycle.end.description,
                ]
                for (index, keyword) in keywords.enumerated() { arguments["k\(index)"] = keyword }
                let child = Self.childKeySQL("u.path")
                let current = try Self.compositions(
                    db,
                    sql: """
                        SELECT \(child) AS child, COUNT(*) AS staff, SUM(s.isVeteran OR s.isEntitledPerson) AS veterans, \(counts)
                        FROM unit u JOIN staff s ON s.unitCode = u.code
                        WHERE u.path >= :lower AND u.path < :upper AND s.isActive AND (s.leftOn IS NULL OR s.leftOn > :today)
                        GROUP BY child
                        """, arguments: arguments, keywords: keywords)
                // Who may have been in the subtree a year ago: those in it now, and those who moved out of it since (their
                // first move after that day starts from the unit they were in).
                let earlier = try Self.compositions(
                    db,
                    sql: """
                        WITH candidate(number) AS (
                            SELECT s.number FROM unit u JOIN staff s ON s.unitCode = u.code WHERE u.path >= :lower AND u.path < :upper
                            UNION
                            SELECT m.staffNumber FROM staffMove m JOIN unit u ON u.code = m.fromUnit
                            WHERE m.movedOn > :earlier AND u.path >= :lower AND u.path < :upper)
                        SELECT \(child) AS child, COUNT(*) AS staff, SUM(s.isVeteran OR s.isEntitledPerson) AS veterans, \(counts)
                        FROM (SELECT s.*, COALESCE(
                                  (SELECT m.fromUnit FROM staffMove m WHERE m.staffNumber = s.number AND m.movedOn > :earlier
                                   ORDER BY m.movedOn, m.id LIMIT 1), s.unitCode) AS pastUnit
                              FROM candidate c JOIN staff s ON s.number = c.number
                              WHERE (s.hireDate IS NULL OR s.hireDate <= :earlier)
                                AND CASE WHEN s.leftOn IS NULL THEN s.isActive ELSE s.leftOn > :earlier END) s
                        JOIN unit u ON u.code = s.pastUnit
                        WHERE u.path >= :lower AND u.path < :upper
                        GROUP BY child
                        """, arguments: arguments, keywords: keywords)
                var placements: [String: (rotations: Int, grassroots: Int)] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(child) AS child, SUM(p.kind = '\(PlacementKind.rotation.rawValue)') AS rotations,
                               SUM(p.kind = '\(PlacementKind.grassroots.rawValue)') AS grassroots
                        FROM staffPlacement p JOIN unit u ON u.code = p.unitCode
                        WHERE u.path >= :lower AND u.path < :upper AND p.startsOn < :cycleEnd AND (p.endsOn IS NULL OR p.endsOn >= :cycleStart)
                        GROUP BY child
                        """, arguments: StatementArguments(arguments))
                {
                    placements[row["child"]] = (row["rotations"] ?? 0, row["grassroots"] ?? 0)
                }

                let empty = StaffComposition([], specialties: keywords)
                func row(_ unit: ReportUnit, own: Bool, key: String) -> CompositionRow {
                    let now = current[key] ?? empty
                    return CompositionRow(
                        unit: unit, ownStaffOnly: own, current: now, yearEarlier: earlier[key] ?? empty, rotations: placements[key]?.rotations ?? 0,
                        grassroots: placements[key]?.grassroots ?? 0, isBelowOneThird: now.isBelowOneThird)
                }
                let rootUnit = Self.reportUnit(root)
                var rows: [CompositionRow] = []
                let ownRow = row(rootUnit, own: true, key: "")
                if ownRow.current.staff + ownRow.yearEarlier.staff + ownRow.rotations + ownRow.grassroots > 0 { rows.append(ownRow) }
                rows += try Self.childUnits(of: root, db).map { row(Self.reportUnit($0), own: false, key: $0.code) }
                func sum(_ parts: [StaffComposition]) -> StaffComposition {
                    var total = empty
                    for part in parts {
                        total.staff += part.staff
                        total.veteransOrEntitled += part.veteransOrEntitled
                        for (keyword, count) in part.specialists { total.specialists[keyword, default: 0] += count }
                    }
                    return total
                }
                let totalNow = sum(Array(current.values))
                let total = CompositionRow(
                    unit: rootUnit, ownStaffOnly: false, current: totalNow, yearEarlier: sum(Array(earlier.values)),
                    rotations: placements.values.reduce(0) { $0 + $1.rotations }, grassroots: placements.values.reduce(0) { $0 + $1.grassroots },
                    isBelowOneThird: totalNow.isBelowOneThird)
                let byCode = Dictionary(rows.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
                let flagged = StaffComposition.flagged(rows.map { ($0.unit.code, $0.current) }).compactMap { byCode[$0] }

                func name(_ row: CompositionRow) -> String { row.ownStaffOnly ? Self.ownRowName(root) : row.unit.name }
                func line(_ name: String, _ row: CompositionRow) -> [String] {
                    var cells = [
                        name, String(row.current.staff), String(row.yearEarlier.staff), String(row.current.veteransOrEntitled),
                        Self.percentText(row.current.veteransOrEntitled, of: row.current.staff),
                        Self.percentText(row.yearEarlier.veteransOrEntitled, of: row.yearEarlier.staff),
                    ]
                    for keyword in keywords {
                        cells += [String(row.current.specialists[keyword] ?? 0), String(row.yearEarlier.specialists[keyword] ?? 0)]
                    }
                    return cells + [String(row.rotations), String(row.grassroots), row.isBelowOneThird ? "是" : ""]
                }
                let columns =
                    ["单位", "在岗人数", "上年同期人数", "退役军人及其他优抚对象", "占比", "上年同期占比"]
                    + keywords.flatMap { ["\($0)专长人数", "\($0)专长上年同期"] } + ["轮岗交流", "基层锻炼", "低于三分之一"]
                let kinds: [ReportTable.ColumnKind] =
                    [.text, .number, .number, .number, .percent, .percent] + keywords.flatMap { _ in [.number, .number] } + [.number, .number, .text]
                return CompositionReport(
                    unit: rootUnit, today: today, yearEarlier: yearEarlier, cycle: cycle, specialistKeywords: keywords, rows: rows, total: total,
                    flagged: flagged,
                    table: ReportTable(
                        title: "\(root.name) 工作人员结构（截至 \(today)，上年同期 \(yearEarlier)）", columns: columns,
                        rows: rows.map { line(name($0), $0) } + [line("合计", total)], kinds: kinds),
                    flaggedTable: ReportTable(
                        title: "\(root.name) 退役军人及其他优抚对象占比低于三分之一的单位（\(flagged.count) 个，占比最低者在前）",
                        columns: ["单位", "在岗人数", "退役军人及其他优抚对象", "占比"],
                        rows: flagged.map {
                            [name($0), String($0.current.staff), String($0.current.veteransOrEntitled),
                             Self.percentText($0.current.veteransOrEntitled, of: $0.current.staff)]
                        },
                        kinds: [.text, .number, .number, .percent]))
            }
        }
    }

    /// Compositions by the `child` column of `sql`, which also yields `staff`, `veterans` and `k0`, `k1` … per keyword.
    private static func compositions(
        _ db: Database, sql: String, arguments: [String: (any DatabaseValueConvertible)?], keywords: [String]
    ) throws -> [String: StaffComposition] {
        var result: [String: StaffComposition] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
            var composition = StaffComposition([], specialties: keywords)
            composition.staff = row["staff"] ?? 0
            composition.veteransOrEntitled = row["veterans"] ?? 0
            for (index, keyword) in keywords.enumerated() { composition.specialists[keyword] = row["k\(index)"] ?? 0 }
            result[row["child"]] = composition
        }
        return result
    }
}
