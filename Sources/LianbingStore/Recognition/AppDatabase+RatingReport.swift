import Foundation
import GRDB
import LianbingCore

/// The satisfaction report of a subtree: units and staff ranked by a Bayesian average, with counts, plain means per
/// aspect and a monthly trend.
///
/// Ranking (`BayesianAverage`): each unit's or person's ratings are pulled towards the prior as if they had
/// `BayesianAverage.weight` (10) more ratings at it; the prior is the mean overall score of every rating in the
/// report's subtree, for units and staff alike. So 5.0 from two ratings ranks below 4.8 from two hundred. Ties:
/// more ratings first, then the code or staff number. Hidden comments change nothing here: their scores count.
public struct SatisfactionReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// The subtree's mean overall score; `nil` without ratings.
    public var prior: Double?
    public var weight: Int
    public var ratings: Int
    public var openFollowUps: Int
    /// The trend's months, oldest first (`2025-07`), the last twelve in China time.
    public var months: [String]
    public var trend: [RatingMonth]
    public var units: [RatedSubject]
    public var staff: [RatedSubject]
}

public struct RatingMonth: Sendable, Codable, Equatable {
    public var month: String
    public var count: Int
    public var mean: Double?
}

public struct RatedSubject: Sendable, Codable, Equatable {
    public var rank: Int
    /// Unit code or staff number.
    public var key: String
    public var name: String
    /// The unit (for staff: their unit's name).
    public var unitName: String
    public var count: Int
    public var mean: Double
    public var bayesian: Double
    /// Plain means of 态度, 效率, 结果.
    public var attitude: Double
    public var efficiency: Double
    public var outcome: Double
    /// Ratings with an aspect at 1 or 2.
    public var low: Int
    /// Mean per month of `SatisfactionReport.months`, `nil` where there were none.
    public var trend: [Double?]
}

extension SatisfactionReport {
    /// The ranked units (or staff) as one table for the terminal, CSV and HTML.
    public func table(staff: Bool = false) -> ReportTable {
        let rows = (staff ? self.staff : units).map { subject -> [String] in
            var row = [subject.name]
            if staff { row.append(subject.unitName) }
            row.append(String(subject.rank))
            row += [
                String(format: "%.2f", subject.bayesian), String(format: "%.2f", subject.mean), String(subject.count),
                String(format: "%.2f", subject.attitude), String(format: "%.2f", subject.efficiency), String(format: "%.2f", subject.outcome),
                String(subject.low),
            ]
            return row
        }
        var columns = [staff ? "工作人员" : "单位"]
        if staff { columns.append("所在单位") }
        columns += ["名次", "排名分", "平均分", "评价数", "态度", "效率", "结果", "差评"]
        let kinds: [ReportTable.ColumnKind] = (staff ? [.text, .text] : [.text]) + Array(repeating: .number, count: 8)
        return ReportTable(title: "\(unit.name) 满意度排名（\(staff ? "工作人员" : "单位")）", columns: columns, rows: rows, kinds: kinds)
    }
}

extension AppDatabase {
    public func satisfactionReport(unit: String? = nil, by principal: Principal) async throws -> SatisfactionReport {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以查看满意度统计") }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            let root: UnitRecord
            if let unit {
                root = try Self.unitInScope(unit, for: principal, db)
            } else {
                guard let record = try UnitRecord.fetchOne(db, sql: "SELECT * FROM unit WHERE path = ?", arguments: [principal.scope.rawValue]) else {
                    throw LianbingError.notFound("单位")
                }
                root = record
            }
            return try Self.satisfactionReport(root: root, today: today, db)
        }
    }

    static func satisfactionReport(root: UnitRecord, today: CivilDate, _ db: Database) throws -> SatisfactionReport {
        var months: [String] = []
        var (year, month) = (today.year, today.month)
        for _ in 0..<12 {
            months.insert(String(format: "%04d-%02d", year, month), at: 0)
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
        }
        struct Tally {
            var name = "", unitName = ""
            var count = 0, low = 0
            var sum = 0.0, attitude = 0.0, efficiency = 0.0, outcome = 0.0
            var byMonth: [String: (count: Int, sum: Double)] = [:]
            mutating func add(_ row: Row) {
                let n: Int = row["n"]
                count += n
                sum += row["overall"]
                attitude += row["attitude"]
                efficiency += row["efficiency"]
                outcome += row["outcome"]
                low += row["low"] as Int
                let month: String = row["month"]
                byMonth[month, default: (0, 0)].count += n
                byMonth[month, default: (0, 0)].sum += row["overall"] as Double
            }
        }
        var units: [String: Tally] = [:]
        var staff: [String: Tally] = [:]
        var whole = Tally()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.unitCode, u.name AS unitName, r.staffNumber, s.name AS staffName, substr(r.day, 1, 7) AS month, COUNT(*) AS n,
                       SUM(r.overall) AS overall, SUM(r.attitude) AS attitude, SUM(r.efficiency) AS efficiency, SUM(r.outcome) AS outcome,
                       SUM(r.attitude <= 2 OR r.efficiency <= 2 OR r.outcome <= 2) AS low
                FROM satisfactionRating r JOIN unit u ON u.code = r.unitCode LEFT JOIN staff s ON s.number = r.staffNumber
                WHERE u.path >= ? AND u.path < ? GROUP BY r.unitCode, r.staffNumber, month
                """, arguments: [root.unitPath.lowerBound, root.unitPath.upperBound])
        while let row = try rows.next() {
            let code: String = row["unitCode"]
            units[code, default: Tally(name: row["unitName"], unitName: row["unitName"])].add(row)
            if let number: String = row["staffNumber"] {
                staff[number, default: Tally(name: (row["staffName"] as String?) ?? number, unitName: row["unitName"])].add(row)
            }
            whole.add(row)
        }
        let prior = BayesianAverage.prior(of: [SatisfactionSummary(key: "", name: "", count: whole.count, sum: whole.sum)])
        func ranked(_ tallies: [String: Tally]) -> [RatedSubject] {
            guard let prior else { return [] }
            let summaries = tallies.map { SatisfactionSummary(key: $0.key, name: $0.value.name, count: $0.value.count, sum: $0.value.sum) }
            return BayesianAverage.rank(summaries, prior: prior).enumerated().map { index, summary in
                let tally = tallies[summary.key]!
                let n = Double(tally.count)
                return RatedSubject(
                    rank: index + 1, key: summary.key, name: summary.name, unitName: tally.unitName, count: tally.count, mean: tally.sum / n,
                    bayesian: BayesianAverage.value(sum: tally.sum, count: tally.count, prior: prior), attitude: tally.attitude / n,
                    efficiency: tally.efficiency / n, outcome: tally.outcome / n, low: tally.low,
                    trend: months.map { month in tally.byMonth[month].map { $0.sum / Double($0.count) } })
            }
        }
        let open = try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM ratingFollowUp f JOIN unit u ON u.code = f.unitCode WHERE u.path >= ? AND u.path < ? AND f.closedAt IS NULL",
            arguments: [root.unitPath.lowerBound, root.unitPath.upperBound]) ?? 0
        return SatisfactionReport(
            unit: reportUnit(root), prior: prior, weight: BayesianAverage.weight, ratings: whole.count, openFollowUps: open, months: months,
            trend: months.map { month in
                let cell = whole.byMonth[month]
                return RatingMonth(month: month, count: cell?.count ?? 0, mean: cell.map { $0.sum / Double($0.count) })
            },
            units: ranked(units), staff: ranked(staff))
    }
}
