import Foundation
import GRDB
import LianbingCore

/// A change to a candidate's total after marking, kept with the score and outcome either side.
public struct ScoreChange: Sendable, Codable, Equatable {
    public var examId: Int64
    public var staffNumber: String
    public var name: String
    public var at: Date
    public var actor: String
    public var reason: String
    public var scoreBefore: Double?
    public var scoreAfter: Double?
    /// `nil` while the total was incomplete (short answers unmarked).
    public var passedBefore: Bool?
    public var passedAfter: Bool?

    /// Turns a pass into a fail or back: the administrator must see these.
    public var changesOutcome: Bool { passedBefore != nil && passedAfter != nil && passedBefore != passedAfter }
}

extension AppDatabase {
    /// Audits a candidate's total that moved, with before and after; on a released exam the change is also kept
    /// in `scoreChange`, where the administrator is shown those that cross the pass mark.
    static func recordScoreChange(
        of attempt: AttemptRecord, in exam: ExamRecord, from before: Double?, reason: String, by principal: Principal, at now: Date,
        _ db: Database
    ) throws {
        let after = attempt.score
        guard before != after else { return }
        let passed = { (score: Double?) in score.map { $0 >= exam.passMark } }
        let outcome = { (score: Double?) in passed(score).map { $0 ? "合格" : "不合格" } ?? "未完成评分" }
        try db.audit(
            principal, "exam.score.change", exam: exam.id!, "考试 \(exam.id!) 考生 \(attempt.staffNumber)",
            "\(before.map(points) ?? "-") → \(after.map(points) ?? "-")（\(outcome(before)) → \(outcome(after))）：\(reason)", at: now)
        guard exam.examStatus == .released else { return }
        try certificateFollowsScore(
            of: attempt, in: exam, passedBefore: passed(before), passedAfter: passed(after), reason: reason, by: principal, at: now, db)
        try db.execute(
            sql: """
                INSERT INTO scoreChange (examId, attemptId, staffNumber, at, actor, reason, scoreBefore, scoreAfter, passedBefore, passedAfter)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [exam.id, attempt.id, attempt.staffNumber, now, principal.auditName, reason, before, after, passed(before), passed(after)])
    }

    /// Changes to the released results of an exam in the caller's scope, newest first.
    public func scoreChanges(ofExam id: Int64, by principal: Principal) async throws -> [ScoreChange] {
        try await reader.read { db in
            _ = try Self.examInScope(id, for: principal, db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, s.name FROM scoreChange c JOIN staff s ON s.number = c.staffNumber
                    WHERE c.examId = ? ORDER BY c.at DESC, c.id DESC
                    """, arguments: [id]
            ).map {
                ScoreChange(
                    examId: $0["examId"], staffNumber: $0["staffNumber"], name: $0["name"], at: $0["at"], actor: $0["actor"],
                    reason: $0["reason"], scoreBefore: $0["scoreBefore"], scoreAfter: $0["scoreAfter"], passedBefore: $0["passedBefore"],
                    passedAfter: $0["passedAfter"])
            }
        }
    }
}
