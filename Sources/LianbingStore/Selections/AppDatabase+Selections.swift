import Foundation
import GRDB
import LianbingCore

/// A selection as listed: no outcome, no objections.
public struct SelectionSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var title: String
    public var award: String
    public var unitCode: String
    public var unitName: String
    public var status: SelectionStatus
    public var noticeEndsOn: CivilDate?
    public var manageable: Bool
}

extension AppDatabase {
    public static let selectionTitleLength = 1...60

    /// Creates a selection of the unit `unitCode` (in the administrator's subtree) with rules checked and cleaned;
    /// nothing is computed yet. Audited.
    public func createSelection(unitCode: String, title: String, rules: SelectionRules, by principal: Principal) async throws -> Selection {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以组织遴选") }
        let title = try Self.selectionTitle(title)
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitInScope(unitCode, for: principal, db)
            let rules = try Self.checkedRules(rules, unit: unit, db)
            try db.execute(
                sql: "INSERT INTO selection (unitCode, title, rules, status, createdBy, createdAt) VALUES (?, ?, ?, 'draft', ?, ?)",
                arguments: [unit.code, title, try Self.json(rules), principal.auditName, now])
            let id = db.lastInsertedRowID
            try db.audit(principal, "selection.create", "遴选 \(id)", "\(title)（\(rules.award)）", in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// Replaces the rules of a selection not yet computed: once anything has been computed they are locked.
    public func updateSelectionRules(_ id: Int64, title: String, rules: SelectionRules, by principal: Principal) async throws -> Selection {
        let title = try Self.selectionTitle(title)
        let now = clock()
        return try await writer.write { db in
            let (record, unit) = try Self.managedSelection(id, for: principal, db)
            guard record.status == .draft else { throw LianbingError.conflict("遴选已经计算过，规则已锁定，不能再修改") }
            let rules = try Self.checkedRules(rules, unit: unit, db)
            try db.execute(sql: "UPDATE selection SET title = ?, rules = ? WHERE id = ?", arguments: [title, try Self.json(rules), id])
            try db.audit(principal, "selection.rules", "遴选 \(id)", title, in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// Computes (or, before publication, recomputes) the result from what is recorded now, and locks the rules.
    /// Audited with the number of places given.
    public func computeSelection(_ id: Int64, by principal: Principal) async throws -> Selection {
        let now = clock()
        return try await writer.write { db in
            let (record, unit) = try Self.managedSelection(id, for: principal, db)
            guard record.status == .draft || record.status == .computed else {
                throw LianbingError.conflict("遴选结果已\(record.status.label)，不能重新计算")
            }
            let outcome = try Self.storeOutcome(id, rules: record.rules, unit: unit, at: now, db)
            let ranked = outcome.lines.filter { $0.rank != nil }.count
            try db.audit(
                principal, "selection.compute", "遴选 \(id)", "候选 \(outcome.lines.count) 人，排名 \(ranked) 人，入选 \(outcome.placesGiven) 人",
                in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// One selection: whole for an administrator over its unit; once published, its list (without the candidates'
    /// scores) for anyone in the subtree it covers; otherwise not found.
    public func selection(_ id: Int64, by principal: Principal) async throws -> Selection {
        try await reader.read { db in try Self.selection(id, for: principal, db) }
    }

    /// The selections an administrator runs in their subtree, and the published ones covering the reader's unit,
    /// newest first.
    public func selections(by principal: Principal) async throws -> [SelectionSummary] {
        try await reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.title, s.rules, s.status, s.noticeEndsOn, s.unitCode, u.name AS unitName, u.path
                    FROM selection s JOIN unit u ON u.code = s.unitCode
                    WHERE (? AND u.path >= ? AND u.path < ?) OR (s.status IN ('published', 'final') AND substr(?, 1, length(u.path)) = u.path)
                    ORDER BY s.id DESC
                    """,
                arguments: [principal.has(.admin), principal.scope.lowerBound, principal.scope.upperBound, principal.scope.rawValue]
            ).map { row in
                let rules = try JSONDecoder().decode(SelectionRules.self, from: Data((row["rules"] as String).utf8))
                return SelectionSummary(
                    id: row["id"], title: row["title"], award: rules.award, unitCode: row["unitCode"], unitName: row["unitName"],
                    status: SelectionStatus(rawValue: row["status"]) ?? .draft, noticeEndsOn: (row["noticeEndsOn"] as String?).flatMap(CivilDate.init),
                    manageable: principal.has(.admin) && principal.covers(UnitPath(rawValue: row["path"])))
            }
        }
    }

    // MARK: - Shared by the selection methods

    /// Computes the outcome from what is recorded now, stores it and locks the rules.
    static func storeOutcome(_ id: Int64, rules: SelectionRules, unit: UnitRecord, at now: Date, _ db: Database) throws -> SelectionOutcome {
        let candidates = try selectionCandidates(rules, root: unit, today: ChinaTime.civilDate(of: now), db)
        let outcome = try SelectionRanking.compute(rules, candidates: candidates)
        try db.execute(
            sql: "UPDATE selection SET outcome = ?, status = 'computed', computedAt = ? WHERE id = ?", arguments: [try json(outcome), now, id])
        return outcome
    }

    struct SelectionRow {
        var id: Int64
        var title: String
        var rules: SelectionRules
        var status: SelectionStatus
        var outcome: SelectionOutcome?
        var row: Row
    }

    static func selectionTitle(_ title: String) throws -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard selectionTitleLength.contains(title.count) else { throw LianbingError.invalid("遴选名称须为 1 到 60 个字") }
        return title
    }

    static func checkedRules(_ rules: SelectionRules, unit: UnitRecord, _ db: Database) throws -> SelectionRules {
        let rules = try rules.validated(selectionLevel: UnitLevel(rawValue: unit.level) ?? .province)
        for post in rules.posts where try !postExists(post, db) { throw LianbingError.invalid("岗位“\(post)”不存在") }
        return rules
    }

    static func selectionRow(_ id: Int64, _ db: Database) throws -> (SelectionRow, UnitRecord)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM selection WHERE id = ?", arguments: [id]),
            let unit = try UnitRecord.fetchOne(db, key: row["unitCode"] as String)
        else { return nil }
        let decoder = JSONDecoder()
        let rules = try decoder.decode(SelectionRules.self, from: Data((row["rules"] as String).utf8))
        let outcome = try (row["outcome"] as String?).map { try decoder.decode(SelectionOutcome.self, from: Data($0.utf8)) }
        return (SelectionRow(id: id, title: row["title"], rules: rules, status: SelectionStatus(rawValue: row["status"]) ?? .draft, outcome: outcome, row: row), unit)
    }

    /// The selection for an administrator over its unit; not found for anyone else, so other subtrees' selections
    /// do not show they exist.
    static func managedSelection(_ id: Int64, for principal: Principal, _ db: Database) throws -> (SelectionRow, UnitRecord) {
        guard let (record, unit) = try selectionRow(id, db), principal.has(.admin), principal.covers(unit.unitPath) else {
            if let (record, unit) = try selectionRow(id, db), readable(record.status, unit, principal) {
                throw LianbingError.forbidden("只有遴选单位及其上级的管理员可以管理遴选")
            }
            throw LianbingError.notFound("遴选 \(id)")
        }
        return (record, unit)
    }

    /// A published or final selection is public to everyone in the subtree it covers.
    static func readable(_ status: SelectionStatus, _ unit: UnitRecord, _ principal: Principal) -> Bool {
        (status == .published || status == .final) && unit.unitPath.contains(principal.scope)
    }

    static func selection(_ id: Int64, for principal: Principal, _ db: Database) throws -> Selection {
        guard let (record, unit) = try selectionRow(id, db) else { throw LianbingError.notFound("遴选 \(id)") }
        let manageable = principal.has(.admin) && principal.covers(unit.unitPath)
        guard manageable || readable(record.status, unit, principal) else { throw LianbingError.notFound("遴选 \(id)") }
        let adjustments = try selectionAdjustments(id, db)
        let objections = try Row.fetchAll(db, sql: "SELECT * FROM selectionObjection WHERE selectionId = ? ORDER BY id", arguments: [id]).map {
            Selection.Objection(
                id: $0["id"], staffNumber: $0["staffNumber"], text: $0["text"], author: $0["author"], at: $0["at"], answer: $0["answer"],
                answeredBy: $0["answeredBy"], answeredAt: $0["answeredAt"])
        }
        let row = record.row
        return Selection(
            id: id, unitCode: unit.code, unitName: unit.name, unitLevel: UnitLevel(rawValue: unit.level) ?? .province, title: record.title,
            rules: record.rules, status: record.status, createdBy: row["createdBy"], createdAt: row["createdAt"], computedAt: row["computedAt"],
            publishedAt: row["publishedAt"], noticeEndsOn: (row["noticeEndsOn"] as String?).flatMap(CivilDate.init), finalisedAt: row["finalisedAt"],
            outcome: manageable ? record.outcome : nil, adjustments: manageable ? adjustments : [],
            objections: manageable ? objections : objections.filter { $0.author == principal.auditName },
            nominees: Selection.nominees(record.outcome, adjustments: adjustments), manageable: manageable)
    }

    static func selectionAdjustments(_ id: Int64, _ db: Database) throws -> [Selection.Adjustment] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.*, s.name FROM selectionAdjustment a JOIN staff s ON s.number = a.staffNumber WHERE a.selectionId = ? ORDER BY a.id
                """, arguments: [id]
        ).map {
            Selection.Adjustment(
                staffNumber: $0["staffNumber"], name: $0["name"], action: Selection.Adjustment.Action(rawValue: $0["action"]) ?? .add,
                reason: $0["reason"], actor: $0["actor"], at: $0["at"])
        }
    }
}
