import Foundation
import GRDB
import LianbingCore

/// Questions whose keys have left the building: a centralised assessment that showed its candidates keys and
/// explanations, or a contest that showed them on its stage. Reusing them is allowed, but the trainer who publishes is told how many, and a blueprint may
/// leave them out (`排除已公开答案的试题: 是`).
extension AppDatabase {
    /// Every question on a submitted paper of an assessment whose keys its candidates may see now.
    static func revealedQuestions(now: Date, _ db: Database) throws -> Set<String> {
        let exams = try ExamRecord.fetchAll(
            db, sql: "SELECT * FROM exam WHERE status != ? AND reviewContent = ?",
            arguments: [ExamStatus.draft.rawValue, ReviewPolicy.Content.keys.rawValue])
        var revealed: Set<String> = []
        for exam in exams where try keysShown(exam, now: now, db) {
            revealed.formUnion(try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT json_extract(item.value, '$.questionId') FROM attempt a, json_each(a.paper, '$.items') item
                    WHERE a.examId = ? AND a.state IN (?, ?)
                    """, arguments: [exam.id, AttemptState.submitted.rawValue, AttemptState.autoSubmitted.rawValue]))
        }
        // A question shown on a contest's stage was seen by the audience, key and all.
        revealed.formUnion(try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT q.questionId FROM contestEvent e
                JOIN contestQuestion q ON q.contestId = e.contestId AND q.round = e.round AND q.number = e.question
                WHERE e.kind = 'opened'
                """))
        return revealed
    }

    /// The current bank as a new exam of `unitCode` would draw from it (what its ancestors and itself own; `nil` the
    /// province's): without the revealed questions if the blueprint says so.
    static func draftPool(for blueprint: Blueprint, now: Date, drawnBy unitCode: String?, _ db: Database) throws -> [PoolQuestion] {
        let pool = try pool(db, bankRevision: currentBankRevision(db), drawnBy: unitCode)
        guard blueprint.excludesRevealed else { return pool }
        let revealed = try revealedQuestions(now: now, db)
        return pool.filter { !revealed.contains($0.id) }
    }
}
