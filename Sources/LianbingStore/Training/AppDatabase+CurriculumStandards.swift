import Foundation
import GRDB
import LianbingCore

/// A stored version of a curriculum standard, with where it stands for the current cycle.
public struct CurriculumStandardVersion: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// The version that judges the current cycle (`Curriculum.standardInForce`).
        case current
        /// Takes effect after the current cycle's last day: it will judge a later cycle.
        case scheduled
        /// Replaced, for the current cycle, by a later version; it may still judge earlier cycles.
        case superseded

        public var label: String {
            switch self {
            case .current: "本周期适用"
            case .scheduled: "待生效"
            case .superseded: "已被取代"
            }
        }
    }

    public var standard: CurriculumStandard
    public var status: Status
    public var createdBy: String
    public var createdAt: Date
}

/// Every curriculum standard and its history (`lianbing training standard list`).
public struct CurriculumStandardList: Sendable, Codable, Equatable {
    public var today: CivilDate
    /// The cycle holding `today`, which `status` refers to.
    public var cycle: TrainingCycle
    /// Every version, by post (in the posts' order), level (top first) and version.
    public var versions: [CurriculumStandardVersion]
    /// The standards judging the current cycle: the `current` versions that are not withdrawals.
    public var current: [CurriculumStandard] {
        versions.filter { $0.status == .current && !$0.standard.isWithdrawal }.map(\.standard)
    }
    /// `versions` as text: 岗位, 层级, 版本, 学时, 专题, 生效日期, 状态, 设定人.
    public var table: ReportTable
}

extension AppDatabase {
    /// Sets a new version of the standard for `post` at `level`: `hours` (0–500) and up to 20 `topics` each person
    /// must complete per cycle, in force from `effectiveFrom` (default: today, China time). Versions are never
    /// changed: this adds one. A version with no hours and no topics withdraws the standard from its date.
    ///
    /// The standards apply to the whole province, so only an administrator of the root unit (or the operator) may set
    /// them. `effectiveFrom` may not fall before the start of the current cycle: a cycle that has ended keeps the
    /// standard it was judged by.
    @discardableResult
    /// Whether `principal` may set standards: the operator, or an administrator of the root unit.
    public func maySetCurriculumStandards(_ principal: Principal) async throws -> Bool {
        try await reader.read { try Self.maySetCurriculumStandards(principal, $0) }
    }

    static func maySetCurriculumStandards(_ principal: Principal, _ db: Database) throws -> Bool {
        guard principal.has(.admin) else { return false }
        if principal.isOperator { return true }
        return try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE path = ? AND parentCode IS NULL)", arguments: [principal.scope.rawValue]) ?? false
    }

    public func setCurriculumStandard(
        post: String, level: UnitLevel, hours: Double, topics: [String], effectiveFrom: CivilDate? = nil, by principal: Principal
    ) async throws -> CurriculumStandard {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以设定培训标准") }
        let (hours, topics) = try CurriculumStandard.validated(hours: hours, topics: topics)
        let post = post.trimmingCharacters(in: .whitespaces)
        let now = clock()
        let today = try reportDay(nil)
        let effectiveFrom = effectiveFrom ?? today
        guard Self.reportDays.contains(effectiveFrom) else { throw LianbingError.invalid("生效日期须在 2000-01-01 到 2099-12-31 之间") }
        return try await writer.write { db in
            guard try Self.maySetCurriculumStandards(principal, db) else { throw LianbingError.forbidden("培训标准适用于全省，只有省级管理员可以设定") }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM post WHERE name = ?)", arguments: [post]) == true else {
                throw LianbingError.invalid("岗位“\(post)”不存在")
            }
            let cycle = try Self.trainingSettings(db).cycle(containing: today)
            guard effectiveFrom >= cycle.start else {
                throw LianbingError.invalid("生效日期 \(effectiveFrom) 早于本培训周期的开始 \(cycle.start)：已结束的周期按当时的标准评价，不能改写")
            }
            let version = (try Int.fetchOne(
                db, sql: "SELECT MAX(version) FROM curriculumStandard WHERE post = ? AND level = ?", arguments: [post, level.rawValue]) ?? 0) + 1
            let standard = CurriculumStandard(post: post, level: level, version: version, hours: hours, topics: topics, effectiveFrom: effectiveFrom)
            try db.execute(
                sql: """
                    INSERT INTO curriculumStandard (post, level, version, hours, topics, effectiveFrom, createdBy, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    post, level.rawValue, version, hours, TrainingSessionRecord.bars(topics), effectiveFrom.description, principal.auditName, now,
                ])
            let detail =
                standard.isWithdrawal
                ? "撤销，\(effectiveFrom) 起"
                : "\(Self.expertHoursText(hours)) 学时；专题 \(topics.isEmpty ? "无" : topics.joined(separator: "、"))；\(effectiveFrom) 起"
            try db.audit(principal, "training.standard.set", "\(post)·\(level.label) 第 \(version) 版", detail, at: now)
            return standard
        }
    }

    /// Every version of every standard, with which judge the current cycle. Anyone may read them: they are what
    /// everyone is measured by.
    public func curriculumStandards(on today: CivilDate? = nil, for principal: Principal) async throws -> CurriculumStandardList {
        let today = try reportDay(today)
        return try await reader.read { db in
            let cycle = try Self.trainingSettings(db).cycle(containing: today)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, COALESCE(p.position, 1000000) AS postPosition FROM curriculumStandard c LEFT JOIN post p ON p.name = c.post
                    ORDER BY postPosition, c.post, c.level, c.version
                    """)
            let stored = rows.map { row in
                (
                    standard: Self.curriculumStandard(row), createdBy: row["createdBy"] as String, createdAt: row["createdAt"] as Date
                )
            }
            // The version in force on the cycle's last day, withdrawals included, per post and level.
            var inForce: [String: (CivilDate, Int)] = [:]
            for (standard, _, _) in stored where standard.effectiveFrom <= cycle.lastDay {
                let key = standard.post + "\n" + String(standard.level.rawValue)
                if let current = inForce[key], current >= (standard.effectiveFrom, standard.version) { continue }
                inForce[key] = (standard.effectiveFrom, standard.version)
            }
            let versions = stored.map { standard, createdBy, createdAt in
                let key = standard.post + "\n" + String(standard.level.rawValue)
                let status: CurriculumStandardVersion.Status =
                    standard.effectiveFrom > cycle.lastDay
                    ? .scheduled : inForce[key].map { $0 == (standard.effectiveFrom, standard.version) } == true ? .current : .superseded
                return CurriculumStandardVersion(standard: standard, status: status, createdBy: createdBy, createdAt: createdAt)
            }
            let table = ReportTable(
                title: "培训内容与标准（本周期 \(cycle.start) 至 \(cycle.lastDay)）",
                columns: ["岗位", "层级", "版本", "学时", "专题", "生效日期", "状态", "设定人"],
                rows: versions.map {
                    let standard = $0.standard
                    return [
                        standard.post, standard.level.displayName, String(standard.version),
                        standard.isWithdrawal ? "撤销" : Self.expertHoursText(standard.hours),
                        standard.topics.isEmpty ? "—" : standard.topics.joined(separator: "、"), standard.effectiveFrom.description, $0.status.label,
                        $0.createdBy,
                    ]
                },
                kinds: [.text, .text, .number, .number, .text, .date, .text, .text])
            return CurriculumStandardList(today: today, cycle: cycle, versions: versions, table: table)
        }
    }

    /// Every stored version, grouped by post and level (`post\nlevel`), for `Curriculum.standardInForce`.
    static func curriculumVersions(_ db: Database) throws -> [String: [CurriculumStandard]] {
        Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM curriculumStandard").map(curriculumStandard)) {
            curriculumKey(post: $0.post, level: $0.level.rawValue)
        }
    }

    /// The standard judging `cycle` for each post and level (`UnitLevel.rawValue`) that has one.
    static func curriculumStandardsInForce(_ db: Database, cycle: TrainingCycle) throws -> [String: [Int: CurriculumStandard]] {
        var result: [String: [Int: CurriculumStandard]] = [:]
        for versions in try curriculumVersions(db).values {
            if let standard = Curriculum.standardInForce(versions, cycle: cycle) { result[standard.post, default: [:]][standard.level.rawValue] = standard }
        }
        return result
    }

    static func curriculumKey(post: String, level: Int) -> String { post + "\n" + String(level) }

    static func curriculumStandard(_ row: Row) -> CurriculumStandard {
        CurriculumStandard(
            post: row["post"], level: UnitLevel(rawValue: row["level"]) ?? .village, version: row["version"], hours: row["hours"],
            topics: TrainingSessionRecord.unbars(row["topics"]), effectiveFrom: CivilDate.stored(row["effectiveFrom"]) ?? CivilDate(year: 2000, month: 1, day: 1)!)
    }
}
