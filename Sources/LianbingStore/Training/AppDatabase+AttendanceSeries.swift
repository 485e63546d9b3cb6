import Foundation
import GRDB
import LianbingCore

/// One month of a subtree's training attendance.
public struct MonthlyAttendance: Sendable, Codable, Equatable {
    /// `2026-07`.
    public var month: String
    /// Attendance days marked attended: one person at one day of a session is one person-day (人天).
    public var personDays: Int
}

/// Attended person-days per month over the last months of a subtree: the dashboard's line.
public struct AttendanceSeries: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var today: CivilDate
    /// Oldest first, every month present (zero when nothing was attended), the month holding `today` last.
    public var months: [MonthlyAttendance]
    /// `months` as text: 月份, 出勤人天.
    public var table: ReportTable
}

extension AppDatabase {
    /// How many months a series may cover: two years at most, the longest the dashboards draw.
    public static let attendanceSeriesMonths = 1...24

    /// Attended person-days per month in `unit`'s subtree (default: the caller's scope) for the `months` calendar
    /// months ending with the one holding `today` (default: today in China), days up to `today`. Counted where the
    /// attendee belonged on the day (the unit kept on the attendance row), so people who moved away keep counting
    /// for the unit they trained in. Any session kind counts: the line shows training activity, not coverage.
    ///
    /// One aggregate query. For a subtree, attendance is reached through its (staffNumber, day) index from the people
    /// who could have attended from inside it — its staff now and those who moved out of it — so a county's line does
    /// not scan a province's attendance (a few milliseconds at province scale); the whole tree's is read once. Trainers
    /// and administrators only.
    public func attendanceSeries(unit: String? = nil, months: Int = 12, on today: CivilDate? = nil, for principal: Principal) async throws
        -> AttendanceSeries
    {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看培训统计") }
        try InputBounds.check(months, in: Self.attendanceSeriesMonths, "月数", unit: "个")
        let today = try reportDay(today)
        let firstMonth = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: -(months - 1))!
        return try await cachedReport("attendance-series", unit: unit, today: today, parameters: String(months), for: principal) { root in
            try await reader.read { db in
                // The whole tree: every attendance row belongs to it, so the table is read once without looking up units.
                // A subtree: only the attendance of people who were in it — its staff now and those who moved out of it —
                // found through the (staffNumber, day) index, then kept where the unit on the day lies in the subtree.
                let sql: String
                var arguments: StatementArguments = ["first": firstMonth.description, "today": today.description]
                if root.parentCode == nil {
                    sql = """
                        SELECT substr(ta.day, 1, 7) AS month, COUNT(*) AS days
                        FROM trainingAttendance ta
                        WHERE ta.status = 'attended' AND ta.day >= :first AND ta.day <= :today
                        GROUP BY month
                        """
                } else {
                    sql = """
                        SELECT substr(ta.day, 1, 7) AS month, COUNT(*) AS days
                        FROM trainingAttendance ta JOIN unit au ON au.code = ta.unitCode
                        WHERE ta.status = 'attended' AND ta.day >= :first AND ta.day <= :today
                          AND au.path >= :lower AND au.path < :upper
                          AND ta.staffNumber IN (
                              SELECT s.number FROM staff s JOIN unit su ON su.code = s.unitCode WHERE su.path >= :lower AND su.path < :upper
                              UNION
                              SELECT m.staffNumber FROM staffMove m JOIN unit mu ON mu.code = m.fromUnit WHERE mu.path >= :lower AND mu.path < :upper)
                        GROUP BY month
                        """
                    arguments += ["lower": root.unitPath.lowerBound, "upper": root.unitPath.upperBound]
                }
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { counts[row["month"]] = row["days"] }
                let series = (0..<months).map { offset -> MonthlyAttendance in
                    let month = String(firstMonth.adding(months: offset)!.description.prefix(7))
                    return MonthlyAttendance(month: month, personDays: counts[month] ?? 0)
                }
                return AttendanceSeries(
                    unit: Self.reportUnit(root), today: today, months: series,
                    table: ReportTable(
                        title: "\(root.name) 每月培训出勤人天（\(series.first!.month) 至 \(series.last!.month)，截至 \(today)）",
                        columns: ["月份", "出勤人天"], rows: series.map { [$0.month, String($0.personDays)] },
                        kinds: [.text, .number]))
            }
        }
    }
}
