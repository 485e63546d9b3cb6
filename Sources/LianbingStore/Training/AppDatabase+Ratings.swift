import Foundation
import GRDB
import LianbingCore

/// The evaluation (评估) of sessions, from attendees' ratings: per session, per kind and per trainer.
public struct RatingSummary: Sendable, Codable, Equatable {
    /// The session title, the kind's label or the trainer's name.
    public var subject: String
    public var ratings: Int
    public var average: Double
    public var comments: [String]
}

extension AppDatabase {
    public static let ratingRange = 1...5

    /// An attendee rates a session they attended, once it has started; rating again replaces their rating.
    public func rateTraining(_ id: Int64, score: Int, comment: String, by principal: Principal) async throws {
        guard let number = principal.staffNumber else { throw LianbingError.forbidden("只有关联了工作人员的账号可以评价培训") }
        try InputBounds.check(score, in: Self.ratingRange, "评分")
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= 500 else { throw LianbingError.invalid("评价内容不超过 500 个字") }
        let now = clock()
        try await writer.write { db in
            let attended = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM trainingAttendance WHERE sessionId = ? AND staffNumber = ? AND status = 'attended')",
                arguments: [id, number]) ?? false
            guard attended else { throw LianbingError.notFound("您参加过的培训 \(id)") }
            try db.execute(
                sql: """
                    INSERT INTO trainingRating (sessionId, staffNumber, score, comment, ratedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (sessionId, staffNumber) DO UPDATE SET score = excluded.score, comment = excluded.comment, ratedAt = excluded.ratedAt
                    """, arguments: [id, number, score, comment, now])
        }
    }

    /// Ratings of the sessions the caller manages, grouped by session (`by: .session`), kind or trainer.
    public func trainingRatings(grouping: RatingGrouping, unit: String?, for principal: Principal) async throws -> [RatingSummary] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看培训评估") }
        return try await reader.read { db in
            let root = try unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            return try Self.ratingSummaries(grouping, under: root, db)
        }
    }

    /// 培训评估 of the sessions organised in a subtree (default: the caller's scope), as the dashboard's tables: by
    /// kind, by trainer and by session, each with its count of ratings, average and comments.
    public func ratingReport(unit: String? = nil, for principal: Principal) async throws -> RatingReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看培训评估") }
        // Ratings do not depend on the day; the cache's day keeps them no longer than a day.
        let today = try reportDay(nil)
        return try await cachedReport("ratings", unit: unit, today: today, for: principal) { root in
            try await reader.read { db in try Self.ratingReport(root: root, db) }
        }
    }

    private static func ratingReport(root: UnitRecord, _ db: Database) throws -> RatingReport {
        func table(_ grouping: RatingGrouping, _ title: String, _ column: String) throws -> ReportTable {
            let summaries = try ratingSummaries(grouping, under: root.unitPath, db)
            return ReportTable(
                title: "\(root.name) \(title)", columns: [column, "评价人次", "平均分", "意见（摘录）"],
                rows: summaries.map { [$0.subject, String($0.ratings), String(format: "%.2f", $0.average), $0.comments.prefix(3).joined(separator: "；")] })
        }
        return RatingReport(
            unit: reportUnit(root), byKind: try table(.kind, "培训评估（按培训类型）", "培训类型"),
            byTrainer: try table(.trainer, "培训评估（按授课人）", "授课人"), bySession: try table(.session, "培训评估（按培训）", "培训"))
    }

    static func ratingSummaries(_ grouping: RatingGrouping, under root: UnitPath, _ db: Database) throws -> [RatingSummary] {
        let subject: String
        var join = ""
        switch grouping {
        case .session: subject = "t.id || ' ' || t.title"
        case .kind: subject = "t.kind"
        case .trainer:
            subject = "tr.name"
            join = "JOIN trainingTrainer tr ON tr.sessionId = t.id"
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(subject) AS subject, COUNT(*) AS ratings, AVG(r.score) AS average,
                       GROUP_CONCAT(CASE WHEN r.comment <> '' THEN r.comment END, char(10)) AS comments
                FROM trainingRating r JOIN trainingSession t ON t.id = r.sessionId JOIN unit u ON u.code = t.unitCode \(join)
                WHERE u.path >= ? AND u.path < ? GROUP BY subject ORDER BY average DESC, subject
                """, arguments: [root.lowerBound, root.upperBound])
        return rows.map { row in
            let raw: String = row["subject"]
            let label = grouping == .kind ? (TrainingKind(rawValue: raw)?.label ?? raw) : raw
            let comments = (row["comments"] as String?)?.split(separator: "\n").map(String.init) ?? []
            return RatingSummary(subject: label, ratings: row["ratings"], average: row["average"], comments: Array(comments.prefix(20)))
        }
    }
}

/// The dashboard's 培训评估 tables.
public struct RatingReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var byKind: ReportTable
    public var byTrainer: ReportTable
    public var bySession: ReportTable
}

public enum RatingGrouping: String, Sendable, Codable, CaseIterable {
    case session, kind, trainer
}
