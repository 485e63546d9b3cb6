import Foundation
import GRDB
import LianbingCore

/// An exam the overview offers one by one: organised at the viewed unit or above it, so its candidate list spans
/// the whole subtree (集中考核).
public struct CentralisedExam: Sendable, Codable, Equatable {
    public var id: Int64
    public var title: String
    public var unitCode: String
    public var unitName: String
    public var opensAt: Date
    public var status: ExamStatus
}

/// One row of the overview: a child unit's subtree, the viewed unit's own staff (本级), or the total.
public struct ResultsOverviewRow: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var ownStaffOnly: Bool
    /// 在岗人数 now.
    public var staff: Int
    public var tally: ResultTally
}

/// One calendar month of the trend: the exams opening in it.
public struct ResultsOverviewMonth: Sendable, Codable, Equatable {
    /// `2026-07`.
    public var month: String
    /// Exams with candidates in the subtree.
    public var exams: Int
    public var tally: ResultTally
}

/// 成绩总览: how a subtree's staff fared in one centralised exam, or in every exam opening in a period, by child unit,
/// with the period's monthly trend.
public struct ResultsOverview: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// The exam counted; `nil` when every exam of `period` is.
    public var exam: CentralisedExam?
    /// The days counted over; `nil` for one exam.
    public var period: ResultsPeriod?
    /// Exams with candidates in the subtree among those counted.
    public var examCount: Int
    /// What the overview of this unit may be narrowed to, latest first.
    public var centralisedExams: [CentralisedExam]
    /// The unit's own staff when it has any, then each child unit's subtree, by code.
    public var rows: [ResultsOverviewRow]
    public var total: ResultsOverviewRow
    /// Every month of `period`, oldest first; empty for one exam.
    public var months: [ResultsOverviewMonth]
    /// `rows` and the total as text: 单位, 在岗人数, 应考人数, 参考人数, 参考率, 通过人数, 通过率, 平均分.
    public var table: ReportTable
    /// `months` as text.
    public var monthTable: ReportTable
}

extension AppDatabase {
    /// Centralised exams offered at most: a unit's selector, not an archive.
    static let centralisedExamsShown = 100

    /// The results overview of `unit`'s subtree (default: the caller's scope): with `exam`, that exam — which must be
    /// organised at `unit` or above it, else it is not found — and otherwise every exam opening from `from` to `to`,
    /// drafts aside, wherever organised. The period defaults to the twelve calendar months up to `to`, and `to` to
    /// today in China.
    ///
    /// A candidate counts where they work now (as the exam's results list them); excused candidates are not expected
    /// (应考). Participation is over those expected, the pass rate and the mean over the scored — papers still being
    /// marked count in neither. Over a period the mean is out of 100, so exams of different totals average fairly.
    /// Trainers and administrators; a unit outside the caller's scope is not found.
    public func resultsOverview(
        unit: String? = nil, exam: Int64? = nil, from: CivilDate? = nil, to: CivilDate? = nil, for principal: Principal
    ) async throws -> ResultsOverview {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看成绩总览") }
        let today = try reportDay(nil)
        let period: ResultsPeriod?
        if exam == nil {
            let end = try reportDay(to)
            // The default start never falls before the first day reports cover.
            period = try ResultsPeriod(from: from ?? max(ResultsPeriod.twelveMonths(endingOn: end).from, Self.reportDays.lowerBound), to: end)
        } else {
            period = nil
        }
        // 在岗人数 reads only units and staff, which `reportGeneration` follows: kept between views.
        let staff: [String: Int] = try await cachedReport("results-staff", unit: unit, today: today, for: principal) { root in
            try await reader.read { db in
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.childKeySQL("u.path")) AS child, COUNT(*) AS staff
                        FROM unit u JOIN staff s ON s.unitCode = u.code
                        WHERE u.path >= :lower AND u.path < :upper AND s.isActive AND (s.leftOn IS NULL OR s.leftOn > :today)
                        GROUP BY child
                        """,
                    arguments: ["root": root.path, "lower": root.unitPath.lowerBound, "upper": root.unitPath.upperBound, "today": today.description])
                {
                    counts[row["child"]] = row["staff"]
                }
                return counts
            }
        }
        return try await reader.read { db in
            let root = try Self.reportRoot(unit, for: principal, db)
            let offered = try Self.centralisedExams(above: root, db)
            var selected: CentralisedExam?
            if let exam {
                guard let found = try Self.centralisedExams(above: root, id: exam, db).first else { throw LianbingError.notFound("考试 \(exam)") }
                selected = found
            }
            let lines = try Self.resultLines(root: root, exam: selected?.id, period: period, staffInSubtree: staff.values.reduce(0, +), db)
            return Self.overview(root: root, exam: selected, period: period, offered: offered, staff: staff, lines: lines, children: try Self.childUnits(of: root, db))
        }
    }

    /// One child unit's candidacies in one exam.
    struct ResultLine {
        var child: String
        var exam: Int64
        var month: String
        var tally: ResultTally
    }

    /// The exams organised at `root` or above it, published or released, latest first; or only exam `id` among them.
    static func centralisedExams(above root: UnitRecord, id: Int64? = nil, _ db: Database) throws -> [CentralisedExam] {
        let codes = root.unitPath.codes
        var arguments = StatementArguments(codes)
        if let id { arguments += [id] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.title, e.unitCode, u.name AS unitName, e.opensAt, e.status
                FROM exam e JOIN unit u ON u.code = e.unitCode
                WHERE e.unitCode IN (\(databaseQuestionMarks(count: codes.count))) AND e.status != 'draft' \(id == nil ? "" : "AND e.id = ?")
                ORDER BY e.opensAt DESC, e.id DESC LIMIT \(centralisedExamsShown)
                """, arguments: arguments
        ).map {
            CentralisedExam(
                id: $0["id"], title: $0["title"], unitCode: $0["unitCode"], unitName: $0["unitName"], opensAt: $0["opensAt"],
                status: ExamStatus(rawValue: $0["status"]) ?? .published)
        }
    }

    /// The subtree's candidacies of exam `exam`, or of every exam opening in `period`, tallied per child unit and exam
    /// in one query. It starts from whichever side is smaller: the exams' candidates (a county's exams seen from the
    /// province) or the subtree's staff (a province-wide exam seen from a county).
    static func resultLines(root: UnitRecord, exam: Int64?, period: ResultsPeriod?, staffInSubtree: Int, _ db: Database) throws -> [ResultLine] {
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "root": root.path, "lower": root.unitPath.lowerBound, "upper": root.unitPath.upperBound,
        ]
        let chosen: String
        if let exam {
            chosen = "e.id = :exam"
            arguments["exam"] = exam
        } else if let period {
            chosen = "e.status != 'draft' AND e.opensAt >= :start AND e.opensAt < :end"
            arguments["start"] = ChinaTime.parse("\(period.from) 00:00")
            arguments["end"] = ChinaTime.parse("\(period.to.adding(days: 1)!) 00:00")
        } else {
            return []
        }
        let listed = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(frozenCandidates), 0) FROM exam e WHERE \(chosen)", arguments: StatementArguments(arguments)) ?? 0
        let joins =
            listed <= staffInSubtree
            ? "exam e CROSS JOIN examCandidate c ON c.examId = e.id CROSS JOIN staff s ON s.number = c.staffNumber CROSS JOIN unit u ON u.code = s.unitCode"
            : "unit u JOIN staff s ON s.unitCode = u.code JOIN examCandidate c ON c.staffNumber = s.number JOIN exam e ON e.id = c.examId"
        // Scored as the results page scores: a submitted attempt with its final score, passing at the pass mark
        // (`AttemptScore.outcome`, with its tolerance for sums of fractional points).
        let scored = "a.state IN ('submitted', 'auto-submitted') AND a.score IS NOT NULL"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT \(childKeySQL("u.path")) AS child, e.id AS exam, strftime('%Y-%m', e.opensAt, '+8 hours') AS month,
                       COUNT(*) AS candidates,
                       SUM(CASE WHEN a.id IS NOT NULL AND a.state != 'abandoned' THEN 1 ELSE 0 END) AS participated,
                       SUM(CASE WHEN \(scored) THEN 1 ELSE 0 END) AS scored,
                       SUM(CASE WHEN \(scored) AND a.score >= e.passMark - 1e-9 THEN 1 ELSE 0 END) AS passed,
                       TOTAL(CASE WHEN \(scored) THEN a.score END) AS scoreSum,
                       TOTAL(CASE WHEN \(scored) AND a.maxScore > 0 THEN a.score * 100.0 / a.maxScore END) AS percentSum
                FROM \(joins)
                LEFT JOIN attempt a ON a.examId = c.examId AND a.staffNumber = c.staffNumber
                WHERE \(chosen) AND c.excusedReason IS NULL AND u.path >= :lower AND u.path < :upper
                GROUP BY child, e.id
                """, arguments: StatementArguments(arguments)
        ).map {
            ResultLine(
                child: $0["child"], exam: $0["exam"], month: $0["month"],
                tally: ResultTally(
                    candidates: $0["candidates"], participated: $0["participated"], scored: $0["scored"], passed: $0["passed"],
                    scoreSum: $0["scoreSum"], percentSum: $0["percentSum"]))
        }
    }

    static func overview(
        root: UnitRecord, exam: CentralisedExam?, period: ResultsPeriod?, offered: [CentralisedExam], staff: [String: Int], lines: [ResultLine],
        children: [UnitRecord]
    ) -> ResultsOverview {
        var byChild: [String: ResultTally] = [:]
        for line in lines { byChild[line.child, default: .zero] = byChild[line.child, default: .zero] + line.tally }
        let rootUnit = reportUnit(root)
        func row(_ unit: ReportUnit, own: Bool, key: String) -> ResultsOverviewRow {
            ResultsOverviewRow(unit: unit, ownStaffOnly: own, staff: staff[key] ?? 0, tally: byChild[key] ?? .zero)
        }
        var rows: [ResultsOverviewRow] = []
        let own = row(rootUnit, own: true, key: "")
        if own.staff > 0 || own.tally.candidates > 0 { rows.append(own) }
        rows += children.map { row(reportUnit($0), own: false, key: $0.code) }
        let total = ResultsOverviewRow(
            unit: rootUnit, ownStaffOnly: false, staff: staff.values.reduce(0, +), tally: ResultTally.sum(byChild.values))
        let months = (period?.monthKeys ?? []).map { month in
            let inMonth = lines.filter { $0.month == month }
            return ResultsOverviewMonth(month: month, exams: Set(inMonth.map(\.exam)).count, tally: ResultTally.sum(inMonth.map(\.tally)))
        }

        let meanColumn = exam == nil ? "平均分（百分制）" : "平均分"
        func mean(_ tally: ResultTally) -> String { ResultTally.meanText(exam == nil ? tally.meanPercent : tally.meanScore) }
        func line(_ name: String, _ row: ResultsOverviewRow) -> [String] {
            let tally = row.tally
            return [
                name, String(row.staff), String(tally.candidates), String(tally.participated), ResultTally.percentText(tally.participation),
                String(tally.passed), ResultTally.percentText(tally.passRate), mean(tally),
            ]
        }
        let scope = exam.map { "：\($0.title)" } ?? period.map { "（\($0.from) 至 \($0.to) 开考的全部考试）" } ?? ""
        let table = ReportTable(
            title: "\(root.name) 成绩总览\(scope)",
            columns: ["单位", "在岗人数", "应考人数", "参考人数", "参考率", "通过人数", "通过率", meanColumn],
            rows: rows.map { line($0.ownStaffOnly ? ownRowName(root) : $0.unit.name, $0) } + [line("合计", total)],
            kinds: [.text, .number, .number, .number, .percent, .number, .percent, .number])
        let monthTable = ReportTable(
            title: "\(root.name) 每月考试情况" + (period.map { "（\($0.from) 至 \($0.to)）" } ?? ""),
            columns: ["月份", "考试场次", "应考人数", "参考人数", "参考率", "通过率", "平均分（百分制）"],
            rows: months.map {
                [
                    $0.month, String($0.exams), String($0.tally.candidates), String($0.tally.participated), ResultTally.percentText($0.tally.participation),
                    ResultTally.percentText($0.tally.passRate), ResultTally.meanText($0.tally.meanPercent),
                ]
            },
            kinds: [.text, .number, .number, .number, .percent, .percent, .number])
        return ResultsOverview(
            unit: rootUnit, exam: exam, period: period, examCount: Set(lines.map(\.exam)).count, centralisedExams: offered, rows: rows, total: total,
            months: months, table: table, monthTable: monthTable)
    }
}
