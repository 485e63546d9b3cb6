import Foundation
import GRDB
import LianbingCore

/// 成绩复核: a candidate's request after release, and a trainer's answer.
public struct ScoreReview: Sendable, Codable, Equatable {
    public var id: Int64
    public var attemptId: Int64
    public var examId: Int64
    public var examTitle: String
    public var staffNumber: String
    public var name: String
    public var requestedAt: Date
    public var reason: String
    public var reply: String?
    public var answeredBy: String?
    public var answeredAt: Date?
    public var scoreBefore: Double?
    public var scoreAfter: Double?
    /// The attempt's score now: what answering would record as the score after, so the reply is confirmed against it.
    public var scoreNow: Double?
}

extension AppDatabase {
    /// A candidate asks for their released score to be reviewed, within the exam's set number of days; once.
    public func requestScoreReview(exam examId: Int64, reason: String, by principal: Principal) async throws -> ScoreReview {
        let number = try Self.ownStaffNumber(principal)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 1_000 else { throw LianbingError.invalid("请填写复核理由（不超过 1000 字）") }
        let now = clock()
        return try await writer.write { db in
            guard let exam = try ExamRecord.fetchOne(db, key: examId),
                let attempt = try AttemptRecord.filter(Column("examId") == examId && Column("staffNumber") == number).fetchOne(db)
            else { throw LianbingError.notFound("考试 \(examId) 的作答记录") }
            guard Self.reviewWindowOpen(exam, now: now) else { throw LianbingError.conflict("不在成绩复核申请期内") }
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scoreReview WHERE attemptId = ?", arguments: [attempt.id]) == 0 else {
                throw LianbingError.conflict("已申请过成绩复核")
            }
            try db.execute(
                sql: "INSERT INTO scoreReview (attemptId, requestedAt, reason, scoreBefore) VALUES (?, ?, ?, ?)",
                arguments: [attempt.id, now, reason, attempt.score])
            let id = db.lastInsertedRowID
            try db.audit(principal, "exam.review.request", exam: examId, "考试 \(examId)", reason, at: now)
            return try Self.scoreReviews(db, where: "r.id = ?", [id])[0]
        }
    }

    /// Requests in exams in the caller's scope, unanswered first.
    public func scoreReviews(exam examId: Int64? = nil, by principal: Principal) async throws -> [ScoreReview] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以处理成绩复核") }
        return try await reader.read { db in
            var condition = "u.path >= ? AND u.path < ?"
            var arguments: StatementArguments = [principal.scope.lowerBound, principal.scope.upperBound]
            if let examId { condition += " AND e.id = ?"; arguments += [examId] }
            return try Self.scoreReviews(db, where: condition, arguments)
        }
    }

    /// A trainer answers a request; the score after is the attempt's score now (re-mark short answers first). The
    /// score the trainer confirmed (`confirming`, as the reply page showed it) must still be that score, so a reply
    /// never goes out beside a result that another marker has changed since.
    public func answerScoreReview(_ id: Int64, reply: String, confirming expected: Double? = nil, by principal: Principal) async throws -> ScoreReview {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以处理成绩复核") }
        let reply = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reply.isEmpty else { throw LianbingError.invalid("请填写复核结论") }
        guard reply.count <= 1_000 else { throw LianbingError.invalid("复核结论不超过 1000 字") }
        if let expected { try InputBounds.check(points: expected, in: InputBounds.points, "确认的复核后得分") }
        let now = clock()
        return try await writer.write { db in
            let review = try Self.scoreReview(id, for: principal, db)
            guard review.answeredAt == nil else { throw LianbingError.conflict("该申请已答复") }
            let score = review.scoreNow
            if let expected, score.map({ abs($0 - expected) > 1e-9 }) ?? true {
                throw LianbingError.conflict("复核结果已变化：现为 \(score.map(Self.points) ?? "-") 分，请核对后再答复")
            }
            try db.execute(
                sql: "UPDATE scoreReview SET reply = ?, answeredBy = ?, answeredAt = ?, scoreAfter = ? WHERE id = ?",
                arguments: [reply, principal.auditName, now, score, id])
            try db.audit(
                principal, "exam.review.answer", exam: review.examId, "复核 \(id)",
                "\(review.scoreBefore.map(Self.points) ?? "-") → \(score.map(Self.points) ?? "-")：\(reply)", at: now)
            return try Self.scoreReviews(db, where: "r.id = ?", [id])[0]
        }
    }

    /// Sets an answered request back to waiting, so its answers can be marked again and a new reply given; the
    /// earlier reply stays in the audit log.
    public func reopenScoreReview(_ id: Int64, by principal: Principal) async throws -> ScoreReview {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以处理成绩复核") }
        let now = clock()
        return try await writer.write { db in
            let review = try Self.scoreReview(id, for: principal, db)
            guard review.answeredAt != nil else { throw LianbingError.conflict("该申请尚未答复") }
            try db.execute(
                sql: "UPDATE scoreReview SET reply = NULL, answeredBy = NULL, answeredAt = NULL, scoreAfter = NULL WHERE id = ?",
                arguments: [id])
            try db.audit(
                principal, "exam.review.reopen", exam: review.examId, "复核 \(id)",
                "重新打开；原答复（\(review.answeredBy ?? "-")，\(review.scoreBefore.map(Self.points) ?? "-") → "
                    + "\(review.scoreAfter.map(Self.points) ?? "-")）：\(review.reply ?? "")", at: now)
            return try Self.scoreReviews(db, where: "r.id = ?", [id])[0]
        }
    }

    /// One request in an exam in the caller's scope.
    public func scoreReview(_ id: Int64, by principal: Principal) async throws -> ScoreReview {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以处理成绩复核") }
        return try await reader.read { db in try Self.scoreReview(id, for: principal, db) }
    }

    /// A request outside the caller's scope is reported as missing, so its existence is not given away.
    static func scoreReview(_ id: Int64, for principal: Principal, _ db: Database) throws -> ScoreReview {
        guard let review = try scoreReviews(db, where: "r.id = ?", [id]).first,
            (try? examInScope(review.examId, for: principal, db)) != nil
        else { throw LianbingError.notFound("成绩复核申请 \(id)") }
        return review
    }

    /// The caller's own request for an exam, if any.
    public func myScoreReview(exam examId: Int64, by principal: Principal) async throws -> ScoreReview? {
        let number = try Self.ownStaffNumber(principal)
        return try await reader.read { db in
            try Self.scoreReviews(db, where: "a.examId = ? AND a.staffNumber = ?", [examId, number]).first
        }
    }

    static func scoreReviews(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [ScoreReview] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, a.examId, a.staffNumber, a.score AS scoreNow, e.title, s.name FROM scoreReview r
                JOIN attempt a ON a.id = r.attemptId JOIN exam e ON e.id = a.examId JOIN unit u ON u.code = e.unitCode
                JOIN staff s ON s.number = a.staffNumber
                WHERE \(condition) ORDER BY r.answeredAt IS NOT NULL, r.requestedAt
                """, arguments: arguments
        ).map { row in
            ScoreReview(
                id: row["id"], attemptId: row["attemptId"], examId: row["examId"], examTitle: row["title"], staffNumber: row["staffNumber"],
                name: row["name"], requestedAt: row["requestedAt"], reason: row["reason"], reply: row["reply"],
                answeredBy: row["answeredBy"], answeredAt: row["answeredAt"], scoreBefore: row["scoreBefore"], scoreAfter: row["scoreAfter"],
                scoreNow: row["scoreNow"])
        }
    }
}
