import Foundation
import GRDB
import LianbingCore

/// Follow-ups (回访) of low ratings: every rating with an aspect at 1 or 2 opens one; an administrator of the unit
/// calls back (where the person left a way to) and closes it with what came of it.
extension AppDatabase {
    /// Follow-ups of the caller's subtree (or a unit in it), open ones first, oldest first within each.
    public func ratingFollowUps(unit: String?, openOnly: Bool, by principal: Principal) async throws -> [SatisfactionRating] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以处理评价回访") }
        return try await reader.read { db in
            let root = try unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT f.ratingId FROM ratingFollowUp f JOIN unit u ON u.code = f.unitCode
                    WHERE u.path >= ? AND u.path < ? \(openOnly ? "AND f.closedAt IS NULL" : "")
                    ORDER BY f.closedAt IS NOT NULL, f.openedAt, f.ratingId LIMIT 500
                    """, arguments: [root.lowerBound, root.upperBound])
            return try ids.map { try Self.rating($0, db) }
        }
    }

    /// Closes the follow-up of rating `id` with its outcome and a note.
    public func closeRatingFollowUp(_ id: Int64, outcome: RatingFollowUpOutcome, note: String, by principal: Principal) async throws -> SatisfactionRating {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以处理评价回访") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 500 else { throw LianbingError.invalid("回访记录不超过 500 个字") }
        let now = clock()
        return try await writer.write { db in
            let rating = try Self.ratingInScope(id, for: principal, db)
            guard let followUp = rating.followUp else { throw LianbingError.notFound("评价 \(id) 的回访") }
            guard followUp.isOpen else { throw LianbingError.conflict("评价 \(id) 的回访已办结") }
            try db.execute(
                sql: "UPDATE ratingFollowUp SET outcome = ?, note = ?, closedAt = ?, closedBy = ? WHERE ratingId = ?",
                arguments: [outcome.rawValue, note, now, principal.auditName, id])
            try db.audit(principal, "rating.follow-up", "评价 \(id)", "\(rating.unitName)：回访办结（\(outcome.label)）", unitCode: rating.unitCode, at: now)
            return try Self.rating(id, db)
        }
    }
}
