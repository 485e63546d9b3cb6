import Foundation
import GRDB
import LianbingCore

/// The expert pools (省市县三级退役军人工作专家库, item 18): experts of province, city and county units, of category
/// 高校专家 / 行业精英 / 业务骨干, with the knowledge points they can teach.
///
/// Who sees what: trainers and administrators see the pools of their own subtree and, read-only, the pools of every
/// unit above them — the pools offered to them — never a sibling's. Administrators change the pools of their subtree.
///
/// Identity: an expert who is a member of staff is that person (one expert per staff number across the province);
/// anyone else is known by their name within their pool. Two experts of one pool may share a name only when both
/// carry their own staff number. An expert import matches rows on that identity (see `importExperts`).
extension AppDatabase {
    /// Levels that hold a pool: province, city, county.
    static let expertPoolLevels: ClosedRange<Int> = UnitLevel.province.rawValue...UnitLevel.county.rawValue
    /// Longest search text accepted by `experts(query:…)`.
    static let maximumExpertSearch = 64

    /// Adds an expert to the pool of `draft.unitCode`, a province, city or county unit in the administrator's
    /// subtree. A staff number, when given, must belong to a member of staff in the subtree; the expert is then linked
    /// to that person's login, if they have one.
    public func addExpert(_ draft: ExpertDraft, by principal: Principal) async throws -> Expert {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以维护专家库") }
        let draft = try draft.validated()
        let now = clock()
        return try await writer.write { db in
            let pool = try Self.expertPool(draft.unitCode, for: principal, db)
            try Self.checkExpertStaff(draft.staffNumber, for: principal, db)
            try Self.checkExpertIdentity(draft, excluding: nil, db)
            try db.execute(
                sql: """
                    INSERT INTO expert (unitCode, name, category, specialties, affiliation, staffNumber, accountId, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM account WHERE staffNumber = ?), ?)
                    """,
                arguments: [
                    draft.unitCode, draft.name, draft.category.rawValue, TrainingSessionRecord.bars(draft.specialties), draft.affiliation,
                    draft.staffNumber, draft.staffNumber, now,
                ])
            let id = db.lastInsertedRowID
            try db.audit(principal, "expert.add", "专家 \(id)", "\(pool.name)：\(draft.name)（\(draft.category.label)）", unitCode: pool.code, at: now)
            return try Self.expert(id, for: principal, db)
        }
    }

    /// Replaces what is known of an expert of the administrator's subtree; the pool may change to another pool of it.
    public func updateExpert(_ id: Int64, _ draft: ExpertDraft, by principal: Principal) async throws -> Expert {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以维护专家库") }
        let draft = try draft.validated()
        let now = clock()
        return try await writer.write { db in
            _ = try Self.managedExpert(id, for: principal, db)
            let pool = try Self.expertPool(draft.unitCode, for: principal, db)
            try Self.checkExpertStaff(draft.staffNumber, for: principal, db)
            try Self.checkExpertIdentity(draft, excluding: id, db)
            try db.execute(
                sql: """
                    UPDATE expert SET unitCode = ?, name = ?, category = ?, specialties = ?, affiliation = ?, staffNumber = ?,
                        accountId = (SELECT id FROM account WHERE staffNumber = ?)
                    WHERE id = ?
                    """,
                arguments: [
                    draft.unitCode, draft.name, draft.category.rawValue, TrainingSessionRecord.bars(draft.specialties), draft.affiliation,
                    draft.staffNumber, draft.staffNumber, id,
                ])
            try db.audit(principal, "expert.edit", "专家 \(id)", "\(pool.name)：\(draft.name)（\(draft.category.label)）", unitCode: pool.code, at: now)
            return try Self.expert(id, for: principal, db)
        }
    }

    /// Removes an expert who never taught a session. One who did stays: the sessions name them as trainer, and their
    /// activity is part of the record.
    public func removeExpert(_ id: Int64, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以维护专家库") }
        let now = clock()
        try await writer.write { db in
            let expert = try Self.managedExpert(id, for: principal, db)
            let taught = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT sessionId) FROM trainingTrainer WHERE expertId = ?", arguments: [id]) ?? 0
            guard taught == 0 else {
                throw LianbingError.conflict("专家 \(expert.name) 是 \(taught) 场培训的授课人，授课记录须保留，不能删除")
            }
            try db.execute(sql: "DELETE FROM expert WHERE id = ?", arguments: [id])
            try db.audit(principal, "expert.remove", "专家 \(id)", "\(expert.unitName)：\(expert.name)", unitCode: expert.unitCode, at: now)
        }
    }

    /// An expert file (`姓名,单位编码,类别,专长,工作单位及职务,工号`): all or nothing, every bad line named.
    ///
    /// Each row adds an expert or updates one, matched on the pool's identity rule:
    /// - a row with 工号 updates the expert who is that member of staff, wherever their pool (it may move to the row's
    ///   pool); failing that, an expert of the row's pool with the row's name and no staff number, who becomes linked
    ///   to the person; failing that, it adds an expert;
    /// - a row without 工号 updates the expert of the row's pool with the row's name (an empty 工号 keeps an existing
    ///   link: unlinking is an edit, not an omission); if the pool holds several people of that name, the row must
    ///   give the 工号 to say which; if none, it adds an expert.
    /// Every row's pool must be a province, city or county unit in the administrator's subtree, and so must the pool
    /// of the expert it updates; a 工号 must belong to a member of staff of the subtree.
    public func importExperts(_ parsed: ParsedImport<ExpertImportRow>, file: String, by principal: Principal) async throws -> ExpertImportSummary {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以导入专家库") }
        let now = clock()
        return try await writer.write { db in
            struct Existing {
                var id: Int64
                var draft: ExpertDraft
                var unitName: String
                var path: UnitPath
            }
            let existing = try Row.fetchAll(db, sql: "SELECT e.*, u.name AS unitName, u.path AS unitPath FROM expert e JOIN unit u ON u.code = e.unitCode")
                .map { row in
                    Existing(
                        id: row["id"],
                        draft: ExpertDraft(
                            unitCode: row["unitCode"], name: row["name"], category: ExpertCategory(rawValue: row["category"]) ?? .backbone,
                            specialties: TrainingSessionRecord.unbars(row["specialties"]), affiliation: row["affiliation"],
                            staffNumber: row["staffNumber"]),
                        unitName: row["unitName"], path: UnitPath(rawValue: row["unitPath"]))
                }
            let byNumber = Dictionary(existing.compactMap { e in e.draft.staffNumber.map { ($0, e) } }, uniquingKeysWith: { first, _ in first })
            let byName = Dictionary(grouping: existing) { $0.draft.unitCode + "\n" + $0.draft.name }

            var issues = parsed.issues
            var claimed: [Int64: Int] = [:]
            var lineOfNumber: [String: Int] = [:]
            var plans: [(line: Int, draft: ExpertDraft, match: Existing?)] = []
            for row in parsed.rows {
                var reasons: [String] = []
                var draft = row.expert
                do { draft = try draft.validated() } catch let error as LianbingError { reasons.append(error.message) }
                var poolIsOpen = true
                do { _ = try Self.expertPool(draft.unitCode, for: principal, db) } catch let error as LianbingError {
                    reasons.append(Self.importReason(error, unit: draft.unitCode))
                    poolIsOpen = false
                }
                do { try Self.checkExpertStaff(draft.staffNumber, for: principal, db) } catch let error as LianbingError { reasons.append(error.message) }

                let sameName = byName[draft.unitCode + "\n" + draft.name] ?? []
                var match: Existing?
                if let number = draft.staffNumber {
                    // The file reader catches this too; a list built by other means must not slip two people through.
                    if let first = lineOfNumber[number] {
                        reasons.append("工号 \(number) 重复（第 \(first) 行已出现）")
                    } else {
                        lineOfNumber[number] = row.line
                    }
                    match = byNumber[number] ?? sameName.first { $0.draft.staffNumber == nil }
                } else if sameName.count > 1 {
                    reasons.append("单位 \(draft.unitCode) 有 \(sameName.count) 位名为 \(draft.name) 的专家，请填写工号以区分")
                } else {
                    match = sameName.first
                    // An empty 工号 keeps the link the expert has.
                    if let linked = match?.draft.staffNumber { draft.staffNumber = linked }
                }
                if let match, poolIsOpen {
                    if !principal.covers(match.path) {
                        reasons.append("\(draft.name) 已是\(match.unitName)专家库的专家，不在您的管辖范围内")
                    } else if let first = claimed[match.id] {
                        reasons.append("与第 \(first) 行是同一位专家")
                    } else {
                        claimed[match.id] = row.line
                    }
                }
                issues += reasons.map { ImportIssue(file: file, line: row.line, reason: $0) }
                plans.append((row.line, draft, match))
            }

            // Within a pool a name is shared only by people who each carry their own staff number.
            var outcome: [Int64: (draft: ExpertDraft, line: Int?)] = Dictionary(uniqueKeysWithValues: existing.map { ($0.id, ($0.draft, nil)) })
            for plan in plans {
                outcome[plan.match?.id ?? -Int64(plan.line)] = (plan.draft, plan.line)
            }
            for group in Dictionary(grouping: outcome.values, by: { $0.draft.unitCode + "\n" + $0.draft.name }).values where group.count > 1 {
                guard group.contains(where: { $0.draft.staffNumber == nil }) else { continue }
                let lines = group.compactMap { $0.line }.sorted()
                for line in lines {
                    let others = lines.filter { $0 != line }.map { "第 \($0) 行" } + (group.count > lines.count ? ["专家库中已有的同名专家"] : [])
                    let draft = group.first { $0.line == line }!.draft
                    issues.append(
                        ImportIssue(
                            file: file, line: line,
                            reason: "单位 \(draft.unitCode) 的专家 \(draft.name) 与\(others.joined(separator: "、"))同名；同名的不同人员请各自填写工号"))
                }
            }
            if !issues.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: issues.sorted())) }

            var summary = ExpertImportSummary(inserted: 0, updated: 0, unchanged: 0)
            for plan in plans {
                let draft = plan.draft
                let values: StatementArguments = [
                    draft.unitCode, draft.name, draft.category.rawValue, TrainingSessionRecord.bars(draft.specialties), draft.affiliation,
                    draft.staffNumber, draft.staffNumber,
                ]
                switch plan.match {
                case nil:
                    try db.execute(
                        sql: """
                            INSERT INTO expert (unitCode, name, category, specialties, affiliation, staffNumber, accountId, createdAt)
                            VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM account WHERE staffNumber = ?), ?)
                            """, arguments: values + [now])
                    summary.inserted += 1
                case let match? where match.draft == draft:
                    summary.unchanged += 1
                case let match?:
                    try db.execute(
                        sql: """
                            UPDATE expert SET unitCode = ?, name = ?, category = ?, specialties = ?, affiliation = ?, staffNumber = ?,
                                accountId = (SELECT id FROM account WHERE staffNumber = ?)
                            WHERE id = ?
                            """, arguments: values + [match.id])
                    summary.updated += 1
                }
            }
            if summary.inserted + summary.updated > 0 {
                try db.audit(principal, "expert.import", file, "新增 \(summary.inserted)，更新 \(summary.updated)", at: now)
            }
            return summary
        }
    }

    /// The experts the caller may see — their subtree's pools and, read-only, every ancestor's pool — by pool (top
    /// first) and name. `query` matches name, 工作单位及职务 or staff number; `specialty` matches a knowledge point
    /// and everything under it (`政策法规` finds `政策法规/优抚`); `unit` keeps the pools at or under that unit, which
    /// must be in the caller's subtree or above it. Trainers and administrators.
    public func experts(
        query: String? = nil, specialty: String? = nil, category: ExpertCategory? = nil, unit: String? = nil, for principal: Principal
    ) async throws -> [Expert] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看专家库") }
        let query = try Self.expertSearchText(query, "搜索词")
        let specialty = try Self.expertSearchText(specialty, "专长")
        return try await reader.read { db in
            var (conditions, arguments) = Self.expertVisiblePools(for: principal)
            if let unit {
                let root = try Self.expertVisibleUnit(unit, for: principal, db).unitPath
                conditions += " AND u.path >= ? AND u.path < ?"
                arguments += [root.lowerBound, root.upperBound]
            }
            if let query {
                let pattern = "%" + Self.escapeLike(query) + "%"
                conditions += " AND (e.name LIKE ? ESCAPE '\\' OR e.affiliation LIKE ? ESCAPE '\\' OR e.staffNumber = ?)"
                arguments += [pattern, pattern, query]
            }
            if let specialty {
                let escaped = Self.escapeLike(specialty)
                conditions += " AND (e.specialties LIKE ? ESCAPE '\\' OR e.specialties LIKE ? ESCAPE '\\')"
                arguments += ["%|" + escaped + "|%", "%|" + escaped + "/%"]
            }
            if let category {
                conditions += " AND e.category = ?"
                arguments += [category.rawValue]
            }
            return try Self.experts(where: conditions, arguments: arguments, order: "u.path, e.name, e.id", for: principal, db)
        }
    }

    /// Experts a session organised by `unit` could draw on for `topics`, best first: those of the organiser's pools
    /// and of every pool above it (as a session's trainers may be), ranked by how many of the topics they cover —
    /// a specialty equal to a topic, under it, or above it (a 政策法规 expert covers 政策法规/优抚) — then the nearest
    /// pool, then name. Experts covering none are left out. The organiser must be in the caller's subtree.
    public func experts(forTopics topics: [String], organiser unit: String, for principal: Principal) async throws -> [ExpertMatch] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看专家库") }
        let topics = try CurriculumStandard.validated(hours: 0, topics: topics).topics
        return try await reader.read { db in
            let organiser = try Self.unitInScope(unit, for: principal, db)
            let ancestors = organiser.unitPath.codes.dropLast()
            var conditions = "(u.path >= ? AND u.path < ?)"
            var arguments: StatementArguments = [organiser.unitPath.lowerBound, organiser.unitPath.upperBound]
            if !ancestors.isEmpty {
                conditions = "(\(conditions) OR e.unitCode IN (\(Array(repeating: "?", count: ancestors.count).joined(separator: ", "))))"
                arguments += StatementArguments(Array(ancestors))
            }
            let experts = try Self.experts(where: conditions, arguments: arguments, order: "u.path, e.name, e.id", for: principal, db)
            let depth = { (expert: Expert) in expert.unitLevel.rawValue }
            return experts.compactMap { expert -> ExpertMatch? in
                let covered = topics.filter { topic in
                    expert.specialties.contains { topic.isKnowledgePoint(under: $0) || $0.isKnowledgePoint(under: topic) }
                }
                return covered.isEmpty ? nil : ExpertMatch(expert: expert, coveredTopics: covered)
            }
            .sorted {
                ($1.coveredTopics.count, depth($1.expert), $0.expert.name, $0.expert.id)
                    < ($0.coveredTopics.count, depth($0.expert), $1.expert.name, $1.expert.id)
            }
        }
    }

    /// Sessions taught and hours per expert of the pools the caller sees (under `unit` if given): held or closed
    /// sessions whose China start date lies between `from` and `to` (either open), in which the expert is a trainer;
    /// each session once, credited with its hours. An expert of the caller's own pools counts every such session; an
    /// ancestor's expert only those organised in the caller's subtree, so a unit learns nothing of its siblings'
    /// sessions. Experts who taught nothing are listed with zero. Trainers and administrators.
    public func expertActivity(unit: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil, for principal: Principal) async throws
        -> ExpertActivityReport
    {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看专家库") }
        for date in [from, to].compactMap({ $0 }) where !Self.reportDays.contains(date) {
            throw LianbingError.invalid("日期须在 2000-01-01 到 2099-12-31 之间")
        }
        if let from, let to, from > to { throw LianbingError.invalid("起始日期不能晚于截止日期") }
        return try await reader.read { db in
            var (conditions, arguments) = Self.expertVisiblePools(for: principal)
            if let unit {
                let root = try Self.expertVisibleUnit(unit, for: principal, db).unitPath
                conditions += " AND u.path >= ? AND u.path < ?"
                arguments += [root.lowerBound, root.upperBound]
            }
            let scope = principal.scope
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.*, u.name AS unitName, u.level AS unitLevel, u.path AS unitPath, a.id AS linkedAccount,
                           COUNT(t.sessionId) AS sessions, COALESCE(SUM(t.hours), 0) AS hours, MAX(t.startDate) AS lastTaught
                    FROM expert e JOIN unit u ON u.code = e.unitCode LEFT JOIN account a ON a.staffNumber = e.staffNumber
                    LEFT JOIN (
                        SELECT DISTINCT tt.expertId, ts.id AS sessionId, ts.hours, ts.startDate, su.path AS sessionPath
                        FROM trainingTrainer tt JOIN trainingSession ts ON ts.id = tt.sessionId JOIN unit su ON su.code = ts.unitCode
                        WHERE tt.expertId IS NOT NULL AND ts.status IN ('held', 'closed') AND ts.startDate >= ? AND ts.startDate <= ?
                    ) t ON t.expertId = e.id AND ((u.path >= ? AND u.path < ?) OR (t.sessionPath >= ? AND t.sessionPath < ?))
                    WHERE \(conditions)
                    GROUP BY e.id
                    ORDER BY sessions DESC, hours DESC, u.path, e.name, e.id
                    """,
                arguments: [from?.description ?? "0000-00-00", to?.description ?? "9999-99-99", scope.lowerBound, scope.upperBound, scope.lowerBound, scope.upperBound]
                    + arguments)
            let activity = rows.map { row in
                ExpertActivity(
                    expert: Self.expert(row, for: principal), sessions: row["sessions"], hours: row["hours"],
                    lastTaught: CivilDate.stored(row["lastTaught"]))
            }
            let period =
                switch (from, to) {
                case (nil, nil): "全部"
                case (let from?, nil): "\(from) 起"
                case (nil, let to?): "截至 \(to)"
                case (let from?, let to?): "\(from) 至 \(to)"
                }
            let table = ReportTable(
                title: "专家授课情况（\(period)，\(activity.count) 位专家）",
                columns: ["专家库", "姓名", "类别", "专长", "授课场次", "授课学时", "最近授课"],
                rows: activity.map {
                    [
                        $0.expert.unitName, $0.expert.name, $0.expert.category.label, $0.expert.specialties.joined(separator: "、"), String($0.sessions),
                        Self.expertHoursText($0.hours), $0.lastTaught?.description ?? "—",
                    ]
                },
                kinds: [.text, .text, .text, .text, .number, .number, .date])
            return ExpertActivityReport(from: from, to: to, rows: activity, table: table)
        }
    }

    // MARK: - Rules shared by the expert methods

    /// The pool `code`: a unit of the caller's subtree (else `notFound`) at province, city or county level.
    static func expertPool(_ code: String, for principal: Principal, _ db: Database) throws -> UnitRecord {
        let unit = try unitInScope(code, for: principal, db)
        guard expertPoolLevels.contains(unit.level) else {
            let level = UnitLevel(rawValue: unit.level)?.displayName ?? String(unit.level)
            throw LianbingError.invalid("专家库设在省、市、县三级，\(unit.name)（\(unit.code)）是\(level)单位")
        }
        return unit
    }

    /// A unit the caller may look at pools under: in their subtree or above it.
    static func expertVisibleUnit(_ code: String, for principal: Principal, _ db: Database) throws -> UnitRecord {
        guard let unit = try UnitRecord.fetchOne(db, key: code), principal.covers(unit.unitPath) || unit.unitPath.contains(principal.scope) else {
            throw LianbingError.notFound("单位 \(code)")
        }
        return unit
    }

    /// The SQL condition (over `expert e JOIN unit u`) for the pools the caller sees: their subtree's and their
    /// ancestors'.
    static func expertVisiblePools(for principal: Principal) -> (String, StatementArguments) {
        let ancestors = Array(principal.scope.codes.dropLast())
        var arguments: StatementArguments = [principal.scope.lowerBound, principal.scope.upperBound]
        guard !ancestors.isEmpty else { return ("(u.path >= ? AND u.path < ?)", arguments) }
        arguments += StatementArguments(ancestors)
        return ("((u.path >= ? AND u.path < ?) OR e.unitCode IN (\(Array(repeating: "?", count: ancestors.count).joined(separator: ", "))))", arguments)
    }

    /// A staff number, when given, of a member of staff in the caller's subtree.
    static func checkExpertStaff(_ number: String?, for principal: Principal, _ db: Database) throws {
        guard let number else { return }
        guard let path = try String.fetchOne(
            db, sql: "SELECT u.path FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [number])
        else { throw LianbingError.invalid("工号 \(number) 不存在") }
        guard principal.covers(UnitPath(rawValue: path)) else { throw LianbingError.invalid("工号 \(number) 不在您的管辖范围内") }
    }

    /// One expert per staff number; within a pool, a shared name only between people who each carry a staff number.
    static func checkExpertIdentity(_ draft: ExpertDraft, excluding id: Int64?, _ db: Database) throws {
        if let number = draft.staffNumber,
            let other = try Row.fetchOne(
                db, sql: "SELECT e.id, u.name AS unitName FROM expert e JOIN unit u ON u.code = e.unitCode WHERE e.staffNumber = ? AND e.id IS NOT ?",
                arguments: [number, id])
        {
            throw LianbingError.conflict("工号 \(number) 已是\(other["unitName"] as String)专家库的专家（编号 \(other["id"] as Int64)）")
        }
        let clash = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM expert WHERE unitCode = ? AND name = ? AND id IS NOT ? AND (staffNumber IS NULL OR ? IS NULL))
                """, arguments: [draft.unitCode, draft.name, id, draft.staffNumber]) ?? false
        if clash {
            throw LianbingError.conflict("该专家库已有专家 \(draft.name)；同名的不同人员请各自填写工号")
        }
    }

    /// An expert of a pool the caller administers (their subtree), else `notFound`.
    static func managedExpert(_ id: Int64, for principal: Principal, _ db: Database) throws -> Expert {
        let expert = try expert(id, for: principal, db)
        guard expert.isOwnPool else { throw LianbingError.notFound("专家 \(id)") }
        return expert
    }

    /// An expert of a pool the caller sees, else `notFound`.
    static func expert(_ id: Int64, for principal: Principal, _ db: Database) throws -> Expert {
        let (conditions, arguments) = expertVisiblePools(for: principal)
        guard let expert = try experts(where: "e.id = ? AND \(conditions)", arguments: [id] + arguments, order: "e.id", for: principal, db).first else {
            throw LianbingError.notFound("专家 \(id)")
        }
        return expert
    }

    static func experts(where conditions: String, arguments: StatementArguments, order: String, for principal: Principal, _ db: Database) throws
        -> [Expert]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.*, u.name AS unitName, u.level AS unitLevel, u.path AS unitPath, a.id AS linkedAccount
                FROM expert e JOIN unit u ON u.code = e.unitCode LEFT JOIN account a ON a.staffNumber = e.staffNumber
                WHERE \(conditions) ORDER BY \(order)
                """, arguments: arguments
        ).map { expert($0, for: principal) }
    }

    /// A row of `expert e JOIN unit u` with `unitName`, `unitLevel`, `unitPath` and `linkedAccount`. The login is
    /// read live, so an account created after the expert still links.
    static func expert(_ row: Row, for principal: Principal) -> Expert {
        Expert(
            id: row["id"], unitCode: row["unitCode"], unitName: row["unitName"], unitLevel: UnitLevel(rawValue: row["unitLevel"]) ?? .county,
            name: row["name"], category: ExpertCategory(rawValue: row["category"]) ?? .backbone,
            specialties: TrainingSessionRecord.unbars(row["specialties"]), affiliation: row["affiliation"], staffNumber: row["staffNumber"],
            accountId: (row["linkedAccount"] as Int64?) ?? (row["accountId"] as Int64?), createdAt: row["createdAt"],
            isOwnPool: principal.covers(UnitPath(rawValue: row["unitPath"])))
    }

    /// A search field trimmed, `nil` when blank, refused when longer than anything stored could match.
    static func expertSearchText(_ text: String?, _ field: String) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard text.count <= maximumExpertSearch else { throw LianbingError.invalid("\(field)不超过 \(maximumExpertSearch) 个字") }
        return text
    }

    /// A store refusal as an import line's reason: a pool outside the caller's subtree reads as such, not as
    /// "未找到".
    private static func importReason(_ error: LianbingError, unit code: String) -> String {
        if case .notFound = error { return "单位编码 \(code) 不存在或不在您的管辖范围内" }
        return error.message
    }

    /// `8`, `7.5`, `0.25`: hours without trailing zeros.
    static func expertHoursText(_ hours: Double) -> String {
        let rounded = (hours * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%g", rounded)
    }
}
