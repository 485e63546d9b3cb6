import Foundation
import GRDB
import LianbingCore

/// When the keys of a centralised assessment may reach a browser. Until the last personal window has ended, anyone
/// still writing could be told them, so they are shown by no door: not on a paper's review, and not through practice,
/// which leaves the exam's pool out for all of its candidates.
extension AppDatabase {
    /// The end of the exam's last window: its own close, or a candidate's later one (a late window or a reopening).
    static func lastWindowCloses(_ exam: ExamRecord, _ db: Database) throws -> Date {
        // examCandidate_on_examId_closesAt makes this one index probe, even with 50,000 candidates.
        let latest = try Date.fetchOne(
            db.cachedStatement(sql: "SELECT MAX(closesAt) FROM examCandidate WHERE examId = ?"), arguments: [exam.id])
        return max(exam.closesAt, latest ?? exam.closesAt)
    }

    /// Whether candidates of the exam have been shown its keys (and would lose nothing more if a window opened again).
    static func keysShown(_ exam: ExamRecord, now: Date, _ db: Database) throws -> Bool {
        let policy = exam.reviewPolicy
        guard policy.content == .keys else { return false }
        return policy.visible(submitted: true, lastWindowEnded: now >= (try lastWindowCloses(exam, db)), released: exam.examStatus == .released)
            == .keys
    }

    /// What the candidate of an assessment attempt is shown of it now (`ReviewPolicy.visible`); nothing before it is
    /// finished, nor before it is fully marked unless the results are released.
    static func shownToCandidate(_ attempt: AttemptRecord, of exam: ExamRecord, now: Date, _ db: Database) throws -> ReviewPolicy.Content? {
        guard attempt.attemptState.isFinished, attempt.pendingCount == 0 || exam.examStatus == .released else { return nil }
        return exam.reviewPolicy.visible(
            submitted: true, lastWindowEnded: now >= (try lastWindowCloses(exam, db)), released: exam.examStatus == .released)
    }

    /// Questions this person may not practise now: the pools of the published assessments they sit whose last
    /// window has not ended — the questions any candidate's paper could hold, not only their own.
    static func heldBackQuestions(for staffNumber: String, now: Date, _ db: Database) throws -> Set<String> {
        var held: Set<String> = []
        for exam in try openAssessments(of: staffNumber, now: now, db) {
            let blueprint = try exam.decodedBlueprint()
            for question in try pool(db, bankRevision: exam.bankRevision!, drawnBy: exam.unitCode) where CellMembership.cell(of: question, in: blueprint) != nil {
                held.insert(question.id)
            }
        }
        return held
    }

    /// Whether one question is held back (`heldBackQuestions`), reading that question alone rather than whole pools:
    /// a self-test answer asks this on the writer.
    static func isHeldBack(_ questionId: String, for staffNumber: String, now: Date, _ db: Database) throws -> Bool {
        try openAssessments(of: staffNumber, now: now, db).contains { exam in
            let blueprint = try exam.decodedBlueprint()
            return try pool(db, bankRevision: exam.bankRevision!, drawnBy: exam.unitCode, only: questionId).contains { CellMembership.cell(of: $0, in: blueprint) != nil }
        }
    }

    /// The published assessments this person sits whose last window has not ended.
    private static func openAssessments(of staffNumber: String, now: Date, _ db: Database) throws -> [ExamRecord] {
        try ExamRecord.fetchAll(
            db,
            sql: """
                SELECT e.* FROM exam e JOIN examCandidate c ON c.examId = e.id
                WHERE c.staffNumber = ? AND e.status = ? AND e.bankRevision IS NOT NULL
                """, arguments: [staffNumber, ExamStatus.published.rawValue]
        ).filter { now < (try lastWindowCloses($0, db)) }
    }
}
