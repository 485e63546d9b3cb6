import Foundation
import GRDB
import LianbingCore

/// One entry of the wrong-question book opened: the question as it stands, the person's last wrong answer to it, its
/// key and explanation where the integrity rules let them show, and the lessons that teach it.
public struct WrongQuestionDetail: Sendable, Codable, Equatable {
    public var entry: WrongQuestion
    /// The current revision, options in the question's own order. `response` and `score` are the last wrong answer
    /// when it was given to this revision; `feedback` is the key and explanation unless `keyWithheld` says why not.
    public var item: AttemptItem
    /// When that wrong answer was given.
    public var answeredAt: Date?
    public var keyWithheld: String?
    public var lessons: [PointLessons]
}

extension AppDatabase {
    /// One question of the caller's wrong-question book. Every entry came from an answer whose key was shown (a
    /// self-test's feedback, or an assessment once its policy showed keys), so the key shows again, except while
    /// the question is in the pool of an assessment the caller sits whose last window is open, or has since become
    /// exam-only (`docs/integrity.md`, "Keys by every door").
    public func wrongQuestion(_ questionId: String, by principal: Principal) async throws -> WrongQuestionDetail {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        try await takeInAssessments(of: number, now: now)
        let lessons = try await lessons().map(\.lesson)
        let cache = cache
        return try await reader.read { db in
            guard let entry = try Self.wrongBook(number, only: questionId, db).first,
                let revision = try Int.fetchOne(db, sql: "SELECT currentRevision FROM question WHERE id = ?", arguments: [questionId])
            else { throw LianbingError.notFound("错题本中的试题 \(questionId)") }
            let question = try cache.entry(questionId, revision: revision, db).question
            let last = try Self.lastWrongAnswer(number, questionId, revision: revision, db)
            let withheld: String? =
                if !PaperPurpose.selfTest.admits(question.usage) { "本题现仅用于考试，不显示答案和解析。" }
                else if try Self.isHeldBack(questionId, for: number, now: now, db) { "本题属于您尚未结束的集中考核的题库，考试结束后再显示答案和解析。" }
                else { nil }
            let item = PaperItem(questionId: questionId, revision: revision, section: 0, points: last?.points ?? 1, difficulty: question.difficulty)
            return WrongQuestionDetail(
                entry: entry,
                item: AttemptItem(
                    position: 0, kind: question.kind, points: item.points, stem: question.stem, options: question.options,
                    blanks: ResponseShape.blankCount(question), response: last?.response, score: last?.score,
                    feedback: withheld == nil ? ResponseShape.feedback(question, item: item, mark: last.map { ItemMark(score: $0.score, points: $0.points) }) : nil),
                answeredAt: last?.at, keyWithheld: withheld, lessons: Self.pointLessons(question.knowledgePoints, lessons))
        }
    }

    /// The person's book, or its entry for one question, by knowledge point.
    static func wrongBook(_ staffNumber: String, only questionId: String? = nil, _ db: Database) throws -> [WrongQuestion] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT w.questionId, w.knowledgePoint, w.streak, w.updatedAt, r.stem, r.kind FROM wrongQuestion w
                JOIN question q ON q.id = w.questionId JOIN questionRevision r ON r.questionId = q.id AND r.revision = q.currentRevision
                WHERE w.staffNumber = ? AND (? IS NULL OR w.questionId = ?) ORDER BY w.knowledgePoint, w.questionId
                """, arguments: [staffNumber, questionId, questionId]
        ).map {
            WrongQuestion(
                questionId: $0["questionId"], knowledgePoint: $0["knowledgePoint"], stem: $0["stem"],
                kind: QuestionKind(rawValue: $0["kind"])!, streak: $0["streak"], updatedAt: $0["updatedAt"])
        }
    }

    /// The person's latest wrong answer to `revision` of the question, from a self-test or from an assessment taken
    /// into the book (`reviewedAttempt`: its keys, and so the answer's mark, were shown). An answer to an earlier
    /// revision is left out: its options or key may differ from what the page shows.
    private static func lastWrongAnswer(
        _ staffNumber: String, _ questionId: String, revision: Int, _ db: Database
    ) throws -> (response: Response?, score: Double, points: Double, at: Date)? {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.paper, x.position, x.response, x.score,
                    CASE WHEN a.purpose = ? THEN x.savedAt ELSE a.submittedAt END AS answeredAt
                FROM attemptAnswer x JOIN attempt a ON a.id = x.attemptId
                WHERE a.staffNumber = ? AND instr(a.paper, ?) > 0 AND x.score IS NOT NULL
                    AND (a.purpose = ? OR EXISTS (SELECT 1 FROM reviewedAttempt r WHERE r.attemptId = a.id))
                ORDER BY answeredAt DESC
                """,
            arguments: [
                PaperPurpose.selfTest.rawValue, staffNumber, "\"questionId\":\"\(questionId)\"", PaperPurpose.selfTest.rawValue,
            ])
        for row in rows {
            let paper = try Self.decodePaper(row["paper"])
            let position: Int = row["position"]
            guard paper.items.indices.contains(position) else { continue }
            let item = paper.items[position]
            let score: Double = row["score"]
            guard item.questionId == questionId, item.revision == revision, !ItemMark(score: score, points: item.points).isCorrect else { continue }
            let response = try (row["response"] as String?).map { try JSONDecoder().decode(Response.self, from: Data($0.utf8)) }
            return (response, score, item.points, row["answeredAt"])
        }
        return nil
    }
}
