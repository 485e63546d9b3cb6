import Foundation
import GRDB
import LianbingCore

/// One row of the 持证上岗 report: a child unit's subtree, the report unit's own staff (本级), or the total.
public struct CertificationComplianceRow: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// The people attached to the unit itself rather than its subtree.
    public var ownStaffOnly: Bool
    public var counts: PostComplianceCounts
}

/// The holder of a post that requires a certificate, without one: past the grace period (`date` is the first day
/// past it, `nil` when the start of the post is unknown) or within it (`date` is its last day).
public struct UncertifiedHolder: Sendable, Codable, Equatable {
    public var number: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    public var post: String
    /// When they took up the post (or were hired); `nil` when unknown.
    public var startedOn: CivilDate?
    public var date: CivilDate?
}

/// 持证上岗 per post for a subtree on a day: who holds a post that requires a certificate, and who has one.
public struct CertificationComplianceReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var today: CivilDate
    public var requirements: [PostRequirement]
    /// The report unit's own staff, then each child unit's subtree, by code.
    public var rows: [CertificationComplianceRow]
    public var total: CertificationComplianceRow
    /// Without a certificate past the grace period: longest lacking first (unknown start first), then staff number.
    public var lacking: [UncertifiedHolder]
    /// Without one, within the grace period: the soonest due first.
    public var inGrace: [UncertifiedHolder]
    /// `rows` and `total` as text: 单位, 应持证人数, 已持证, 宽限期内, 逾期未取得, 持证率.
    public var table: ReportTable
    /// `lacking` as text: 工号, 姓名, 单位, 岗位, 任现岗日期, 逾期起始日.
    public var lackingTable: ReportTable
}

extension AppDatabase {
    /// 持证上岗 in `unit`'s subtree (default: the caller's scope) on `today` (default: today in China). Counted: active
    /// staff who have not left, holding a post that requires a certificate. A holder is certified by an internal
    /// certificate of an accepted qualification that is in force today (not revoked, not superseded, not expired) or
    /// by an accepted national qualification whose record an administrator has accepted; without one, they are in
    /// grace for the requirement's days from taking up the post (`staff.postSince`, else the hire date), and lacking
    /// after. Administrators only; a unit outside the scope is not found.
    public func certificationCompliance(unit: String? = nil, on today: CivilDate? = nil, for principal: Principal) async throws
        -> CertificationComplianceReport
    {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以查看持证上岗情况") }
        let today = try reportDay(today)
        return try await reader.read { db in
            let root = try Self.reportRoot(unit, for: principal, db)
            return try Self.certificationCompliance(root: root, today: today, db)
        }
    }

    /// How many holders in the caller's scope lack a certificate past the grace period: the administrator's home flag.
    /// 0 for anyone else.
    public func lackingCertificationCount(for principal: Principal) async throws -> Int {
        guard principal.has(.admin) else { return 0 }
        return try await certificationCompliance(for: principal).lacking.count
    }

    static func certificationCompliance(root: UnitRecord, today: CivilDate, _ db: Database) throws -> CertificationComplianceReport {
        let requirements = try postRequirementListings(db).map(\.requirement)
        let children = try childUnits(of: root, db)
        let scope = "u.path >= :low AND u.path < :high AND s.isActive AND (s.leftOn IS NULL OR s.leftOn > :today)"
        let arguments: StatementArguments = ["low": root.unitPath.lowerBound, "high": root.unitPath.upperBound, "today": today.description]
        var held: [String: Set<Int64>] = [:]
        if !requirements.isEmpty {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.staffNumber, c.qualificationId FROM certificate c
                    JOIN staff s ON s.number = c.staffNumber JOIN postRequirement r ON r.post = s.post JOIN unit u ON u.code = s.unitCode
                    WHERE \(scope) AND c.revokedAt IS NULL AND c.supersededBy IS NULL AND c.expiresOn >= :today
                    UNION
                    SELECT n.staffNumber, n.qualificationId FROM nationalQualification n
                    JOIN staff s ON s.number = n.staffNumber JOIN postRequirement r ON r.post = s.post JOIN unit u ON u.code = s.unitCode
                    WHERE \(scope) AND n.status = 'accepted'
                    """, arguments: arguments)
            for row in rows {
                let number: String = row[0]
                let qualification: Int64 = row[1]
                held[number, default: []].insert(qualification)
            }
        }
        let holders =
            requirements.isEmpty
            ? []
            : try Row.fetchAll(
                db,
                sql: """
                    SELECT s.number, s.name, s.unitCode, s.post, s.hireDate, s.postSince, u.name AS unitName, u.path,
                           r.qualifications, r.graceDays
                    FROM staff s JOIN postRequirement r ON r.post = s.post JOIN unit u ON u.code = s.unitCode
                    WHERE \(scope) ORDER BY s.number
                    """, arguments: arguments)
        var own = PostComplianceCounts()
        var byChild: [String: PostComplianceCounts] = [:]
        var total = PostComplianceCounts()
        var lacking: [UncertifiedHolder] = []
        var inGrace: [UncertifiedHolder] = []
        for row in holders {
            let number: String = row["number"]
            let holder = PostHolder(postSince: CivilDate.stored(row["postSince"]), hireDate: CivilDate.stored(row["hireDate"]))
            let standing = PostCompliance.standing(
                of: holder, accepted: PostCompliance.unbars(row["qualifications"]), graceDays: row["graceDays"], on: today,
                held: held[number] ?? [])
            total.count(standing)
            if let child = childKey(of: row["path"], under: root.path) {
                byChild[child, default: PostComplianceCounts()].count(standing)
            } else {
                own.count(standing)
            }
            func person(_ date: CivilDate?) -> UncertifiedHolder {
                UncertifiedHolder(
                    number: number, name: row["name"], unitCode: row["unitCode"], unitName: row["unitName"], post: row["post"],
                    startedOn: holder.start, date: date)
            }
            switch standing {
            case .certified: break
            case .inGrace(let until): inGrace.append(person(until))
            case .lacking(let since): lacking.append(person(since))
            }
        }
        lacking.sort { a, b in
            switch (a.date, b.date) {
            case (nil, nil): a.number < b.number
            case (nil, _): true
            case (_, nil): false
            case (let x?, let y?): x == y ? a.number < b.number : x < y
            }
        }
        inGrace.sort { ($0.date?.dayNumber ?? 0, $0.number) < ($1.date?.dayNumber ?? 0, $1.number) }

        let rootUnit = reportUnit(root)
        let rows =
            [CertificationComplianceRow(unit: rootUnit, ownStaffOnly: true, counts: own)]
            + children.map { CertificationComplianceRow(unit: reportUnit($0), ownStaffOnly: false, counts: byChild[$0.code] ?? PostComplianceCounts()) }
        let totalRow = CertificationComplianceRow(unit: rootUnit, ownStaffOnly: false, counts: total)
        func line(_ name: String, _ counts: PostComplianceCounts) -> [String] {
            [
                name, String(counts.holders), String(counts.certified), String(counts.inGrace), String(counts.lacking),
                percentText(counts.certified, of: counts.holders),
            ]
        }
        let table = ReportTable(
            title: "\(root.name) 持证上岗情况（截至 \(today)）", columns: ["单位", "应持证人数", "已持证", "宽限期内", "逾期未取得", "持证率"],
            rows: rows.map { line($0.ownStaffOnly ? ownRowName(root) : $0.unit.name, $0.counts) } + [line("合计", total)],
            kinds: [.text, .number, .number, .number, .number, .percent])
        let lackingTable = ReportTable(
            title: "\(root.name) 持证上岗逾期未取得证书的人员（\(lacking.count) 人，逾期最久者在前）",
            columns: ["工号", "姓名", "单位", "岗位", "任现岗日期", "逾期起始日"],
            rows: lacking.map { [$0.number, $0.name, $0.unitName, $0.post, $0.startedOn?.description ?? "不详", $0.date?.description ?? "不详"] },
            kinds: [.text, .text, .text, .text, .date, .date])
        return CertificationComplianceReport(
            unit: rootUnit, today: today, requirements: requirements, rows: rows, total: totalRow, lacking: lacking, inGrace: inGrace,
            table: table, lackingTable: lackingTable)
    }
}
