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
        let summaries = try ratingSummaries(under: root.unitPath, db)
        func table(_ grouping: RatingGrouping, _ title: String, _ column: String) throws -> ReportTable {
            let summaries = summaries[grouping] ?? []
            return ReportTable(
                title: "\(root.name) \(title)", columns: [column, "评价人次", "平均分", "意见（摘录）"],
                rows: summaries.map { [$0.subject, String($0.ratings), String(format: "%.2f", $0.average), $0.comments.prefix(3).joined(separator: "；")] },
                kinds: [.text, .number, .number, .text])
        }
        return RatingReport(
            unit: reportUnit(root), byKind: try table(.kind, "培训评估（按培训类型）", "培训类型"),
            byTrainer: try table(.trainer, "培训评估（按授课人）", "授课人"), bySession: try table(.session, "培训评估（按培训）", "培训"))
    }

    static func ratingSummaries(_ grouping: RatingGrouping, under root: UnitPath, _ db: Database) throws -> [RatingSummary] {
        try ratingSummaries(under: root, db)[grouping] ?? []
    }

    /// Every grouping at once from one read of the ratings, grouped here rather than by three SQL GROUP BYs over the
    /// whole table (the province's ratings took SQLite most of a second). Each group: its count, its average, and its
    /// first 20 comments; best-rated first, then by subject.
    static func ratingSummaries(under root: UnitPath, _ db: Database) throws -> [RatingGrouping: [RatingSummary]] {
        var sessions: [Int64: (title: String, kind: String)] = [:]
        try Row.fetchCursor(
            db,
            sql: "SELECT t.id, t.title, t.kind FROM trainingSession t JOIN unit u ON u.code = t.unitCode WHERE u.path >= ? AND u.path < ?",
            arguments: [root.lowerBound, root.upperBound]
        ).forEach { row in
            sessions[row[0]] = (row[1], row[2])
        }
        var trainers: [Int64: [String]] = [:]
        try Row.fetchCursor(db, sql: "SELECT sessionId, name FROM trainingTrainer ORDER BY sessionId, position").forEach { row in
            let id: Int64 = row[0]
            if sessions[id] != nil { trainers[id, default: []].append(row[1]) }
        }
        struct Group {
            var ratings = 0
            var total = 0
            var comments: [String] = []
        }
        var groups: [RatingGrouping: [String: Group]] = [:]
        func add(_ grouping: RatingGrouping, _ subject: String, _ score: Int, _ comment: String) {
            var group = groups[grouping, default: [:]][subject, default: Group()]
            group.ratings += 1
            group.total += score
            if !comment.isEmpty, group.comments.count < 20 { group.comments.append(comment) }
            groups[grouping, default: [:]][subject] = group
        }
        try Row.fetchCursor(db, sql: "SELECT sessionId, score, comment FROM trainingRating ORDER BY rowid").forEach { row in
            let id: Int64 = row[0]
            guard let session = sessions[id] else { return }
            let score: Int = row[1]
            let comment: String = row[2]
            add(.session, "\(id) \(session.title)", score, comment)
            add(.kind, TrainingKind(rawValue: session.kind)?.label ?? session.kind, score, comment)
            for name in trainers[id] ?? [] { add(.trainer, name, score, comment) }
        }
        return groups.mapValues { bySubject in
            bySubject.map { subject, group in
                RatingSummary(subject: subject, ratings: group.ratings, average: Double(group.total) / Double(group.ratings), comments: group.comments)
            }.sorted { $0.average != $1.average ? $0.average > $1.average : $0.subject < $1.subject }
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
