import Foundation
import GRDB
import LianbingCore

/// Storing ratings (public form, counter tablet, paper and telephone surveys), reading them back, hiding abusive
/// comments. A rating with any aspect at 1 or 2 opens a follow-up in the same transaction.
extension AppDatabase {
    /// A rating from the public form (`.poster`) or the counter tablet (`.counter`) of the unit at `token`.
    ///
    /// `device` is the verified id of the form's device cookie: a poster rating needs one, and a device rates a unit
    /// once per China-time day (the unique index says so, whatever the server's limits). Counter ratings come from
    /// the unit's own tablet, which rates all day; the server limits how fast.
    @discardableResult
    public func submitPublicRating(
        token: String, scores: [RatingAspect: Int], comment: String, staffChoice: String?, source: RatingSource, device: String?
    ) async throws -> Int64 {
        guard source == .poster || source == .counter else { throw LianbingError.invalid("公开评价页只接受扫码或柜台评价") }
        guard source == .counter || device != nil else { throw LianbingError.forbidden("评价页已过期，请重新打开") }
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitForRatingToken(token, db)
            var staffNumber: String?
            if let staffChoice, !staffChoice.isEmpty {
                let choices = try String.fetchAll(
                    db, sql: "SELECT s.number FROM staff s JOIN ratingStaffListing l ON l.staffNumber = s.number WHERE s.unitCode = ? AND s.isActive",
                    arguments: [unit.code])
                guard let number = choices.first(where: { Self.staffChoice(token: token, number: $0) == staffChoice }) else {
                    throw LianbingError.invalid("所选工作人员不在本站名单中，请重新选择")
                }
                staffNumber = number
            }
            let draft = try RatingDraft(scores: scores, comment: comment, staffNumber: staffNumber, source: source).checked()
            let deviceHash = source == .poster ? device.map(Self.hashToken) : nil
            if let deviceHash,
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM satisfactionRating WHERE unitCode = ? AND deviceHash = ? AND day = ?)",
                    arguments: [unit.code, deviceHash, ChinaTime.civilDate(of: now).description]) == true
            {
                throw LianbingError.conflict("本设备今天已评价过\(unit.name)，感谢您的反馈；明天可再次评价")
            }
            return try Self.insertRating(draft, unitCode: unit.code, deviceHash: deviceHash, enteredBy: nil, at: now, db)
        }
    }

    /// Whether the device has rated the unit at `token` today (China time), so the form can say so instead of asking.
    public func hasRatedToday(token: String, device: String) async throws -> Bool {
        let day = ChinaTime.civilDate(of: clock()).description
        return try await reader.read { db in
            let unit = try Self.unitForRatingToken(token, db)
            return try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM satisfactionRating WHERE unitCode = ? AND deviceHash = ? AND day = ?)",
                arguments: [unit.code, Self.hashToken(device), day]) ?? false
        }
    }

    /// A rating typed in by an administrator from a paper or telephone survey, marked with its source and who typed it.
    @discardableResult
    public func enterRating(unitCode: String, draft: RatingDraft, at: Date? = nil, by principal: Principal) async throws -> SatisfactionRating {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以录入纸质或电话回访评价") }
        guard draft.source == .paper || draft.source == .phone else { throw LianbingError.invalid("录入的评价来源须为纸质问卷或电话回访") }
        let draft = try draft.checked()
        let now = clock()
        let when = at ?? now
        guard InputBounds.dates.contains(when), when <= now.addingTimeInterval(60) else { throw LianbingError.invalid("评价时间不能晚于现在") }
        return try await writer.write { db in
            let unit = try Self.unitInScope(unitCode, for: principal, db)
            if let number = draft.staffNumber {
                guard try String.fetchOne(db, sql: "SELECT unitCode FROM staff WHERE number = ?", arguments: [number]) == unit.code else {
                    throw LianbingError.invalid("工作人员 \(number) 不属于\(unit.name)")
                }
            }
            let id = try Self.insertRating(draft, unitCode: unit.code, deviceHash: nil, enteredBy: principal.auditName, at: when, db)
            try db.audit(principal, "rating.enter", "评价 \(id)", "\(unit.name)：录入\(draft.source.label)评价", unitCode: unit.code, at: now)
            return try Self.rating(id, db)
        }
    }

    /// Ratings of the caller's subtree (or a unit in it), newest first.
    public func ratings(_ filter: RatingFilter, page: PageRequest, by principal: Principal) async throws -> Page<SatisfactionRating> {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以查看满意度评价") }
        return try await reader.read { db in
            let root = try filter.unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            var condition = "u.path >= ? AND u.path < ?"
            if filter.openFollowUps { condition += " AND r.id IN (SELECT ratingId FROM ratingFollowUp WHERE closedAt IS NULL)" }
            let from = "FROM satisfactionRating r JOIN unit u ON u.code = r.unitCode WHERE \(condition)"
            let arguments: StatementArguments = [root.lowerBound, root.upperBound]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: arguments) ?? 0
            let ids = try Int64.fetchAll(
                db, sql: "SELECT r.id \(from) ORDER BY r.at DESC, r.id DESC LIMIT ? OFFSET ?", arguments: arguments + [page.perPage, page.offset])
            return Page(items: try ids.map { try Self.rating($0, db) }, page: page.page, perPage: page.perPage, total: total)
        }
    }

    /// Hides an abusive comment: kept, with who hid it, when and why, and logged; the scores still count.
    public func hideRatingComment(_ id: Int64, reason: String, by principal: Principal) async throws -> SatisfactionRating {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以隐藏评价意见") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 200 else { throw LianbingError.invalid("请填写隐藏原因（不超过 200 个字）") }
        let now = clock()
        return try await writer.write { db in
            let rating = try Self.ratingInScope(id, for: principal, db)
            guard !rating.hidden else { throw LianbingError.conflict("该评价意见已隐藏") }
            try db.execute(
                sql: "UPDATE satisfactionRating SET hiddenAt = ?, hiddenBy = ?, hiddenReason = ? WHERE id = ?",
                arguments: [now, principal.auditName, reason, id])
            try db.audit(principal, "rating.hide", "评价 \(id)", "\(rating.unitName)：隐藏评价意见（\(reason)）", unitCode: rating.unitCode, at: now)
            return try Self.rating(id, db)
        }
    }

    // MARK: - Helpers

    static func insertRating(_ draft: RatingDraft, unitCode: String, deviceHash: String?, enteredBy: String?, at: Date, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO satisfactionRating (unitCode, attitude, efficiency, outcome, overall, comment, source, staffNumber, at, day, deviceHash, enteredBy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                unitCode, draft.scores[.attitude], draft.scores[.efficiency], draft.scores[.outcome], draft.overall, draft.comment,
                draft.source.rawValue, draft.staffNumber, at, ChinaTime.civilDate(of: at).description, deviceHash, enteredBy,
            ])
        let id = db.lastInsertedRowID
        if draft.needsFollowUp {
            try db.execute(sql: "INSERT INTO ratingFollowUp (ratingId, unitCode, openedAt) VALUES (?, ?, ?)", arguments: [id, unitCode, at])
        }
        return id
    }

    /// The rating, if its unit lies in the caller's subtree and the caller administers it.
    static func ratingInScope(_ id: Int64, for principal: Principal, _ db: Database) throws -> SatisfactionRating {
        guard principal.has(.admin),
            let path = try String.fetchOne(
                db, sql: "SELECT u.path FROM satisfactionRating r JOIN unit u ON u.code = r.unitCode WHERE r.id = ?", arguments: [id]),
            principal.covers(UnitPath(rawValue: path))
        else { throw LianbingError.notFound("评价 \(id)") }
        return try rating(id, db)
    }

    static func rating(_ id: Int64, _ db: Database) throws -> SatisfactionRating {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.*, u.name AS unitName, s.name AS staffName, f.openedAt AS fOpenedAt, f.outcome AS fOutcome, f.note AS fNote,
                           f.closedAt AS fClosedAt, f.closedBy AS fClosedBy, f.ratingId AS fRatingId
                    FROM satisfactionRating r JOIN unit u ON u.code = r.unitCode LEFT JOIN staff s ON s.number = r.staffNumber
                    LEFT JOIN ratingFollowUp f ON f.ratingId = r.id WHERE r.id = ?
                    """, arguments: [id])
        else { throw LianbingError.notFound("评价 \(id)") }
        let hidden = (row["hiddenAt"] as Date?) != nil
        let followUp: RatingFollowUp? =
            (row["fRatingId"] as Int64?) == nil
            ? nil
            : RatingFollowUp(
                ratingId: id, unitCode: row["unitCode"], openedAt: row["fOpenedAt"], outcome: (row["fOutcome"] as String?).flatMap(RatingFollowUpOutcome.init),
                note: row["fNote"], closedAt: row["fClosedAt"], closedBy: row["fClosedBy"])
        return SatisfactionRating(
            id: id, unitCode: row["unitCode"], unitName: row["unitName"], attitude: row["attitude"], efficiency: row["efficiency"],
            outcome: row["outcome"], overall: row["overall"], comment: hidden ? "" : row["comment"], source: RatingSource(rawValue: row["source"]) ?? .poster,
            staffNumber: row["staffNumber"], staffName: row["staffName"], at: row["at"], enteredBy: row["enteredBy"], hidden: hidden,
            hiddenReason: row["hiddenReason"], followUp: followUp)
    }
}
