import Foundation
import GRDB
import LianbingCore

/// A question on the caller's review list (今日复习).
public struct ReviewItem: Sendable, Codable, Equatable {
    public var questionId: String
    public var knowledgePoint: String
    public var stem: String
    public var kind: QuestionKind
    /// The China date it is due on.
    public var due: CivilDate
    public var lastReview: Date
    /// Answers counted so far, and the wrong ones after the first.
    public var reps: Int
    public var lapses: Int
}

/// The caller's 今日复习: what is due today or earlier in China time, and what falls due next.
public struct ReviewQueue: Sendable, Codable, Equatable {
    public var today: CivilDate
    /// Every question due, however many are listed.
    public var dueCount: Int
    /// Due questions, most overdue first, at most `listed`.
    public var due: [ReviewItem]
    /// The next questions to fall due after today, soonest first, at most `upcomingListed`.
    public var upcoming: [ReviewItem]

    public static let listed = 100
    public static let upcomingListed = 20
}

/// Spaced review of wrong questions with FSRS (`FSRS`): a card per person and question once answered wrong, moved on
/// by every later answer to it, due on a China date, retired once its next interval passes 90 days.
extension AppDatabase {
    /// The caller's 今日复习. Wrong answers of their assessments whose keys they may now see are taken in first.
    public func reviewQueue(by principal: Principal) async throws -> ReviewQueue {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        try await takeInAssessments(of: number, now: now)
        let today = ChinaTime.civilDate(of: now)
        return try await reader.read { db in
            ReviewQueue(
                today: today,
                dueCount: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM reviewCard WHERE staffNumber = ? AND due <= ?", arguments: [number, today.description]) ?? 0,
                due: try Self.reviewItems(number, "c.due <= ?", today, limit: ReviewQueue.listed, db),
                upcoming: try Self.reviewItems(number, "c.due > ?", today, limit: ReviewQueue.upcomingListed, db))
        }
    }

    private static func reviewItems(_ staffNumber: String, _ condition: String, _ today: CivilDate, limit: Int, _ db: Database) throws -> [ReviewItem] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.questionId, c.knowledgePoint, c.due, c.lastReview, c.reps, c.lapses, r.stem, r.kind FROM reviewCard c
                JOIN question q ON q.id = c.questionId JOIN questionRevision r ON r.questionId = q.id AND r.revision = q.currentRevision
                WHERE c.staffNumber = ? AND \(condition) ORDER BY c.due, c.questionId LIMIT ?
                """, arguments: [staffNumber, today.description, limit]
        ).map {
            ReviewItem(
                questionId: $0["questionId"], knowledgePoint: $0["knowledgePoint"], stem: $0["stem"], kind: QuestionKind(rawValue: $0["kind"])!,
                due: CivilDate.stored($0["due"])!, lastReview: $0["lastReview"], reps: $0["reps"], lapses: $0["lapses"])
        }
    }

    /// The questions due for this person on `today` or earlier, most overdue first: a review self-test's candidates.
    static func dueQuestions(_ staffNumber: String, on today: CivilDate, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT questionId FROM reviewCard WHERE staffNumber = ? AND due <= ? ORDER BY due, questionId",
            arguments: [staffNumber, today.description])
    }

    /// Moves a person's card for a question on by one answer given `at`: a wrong answer opens the card or rates it
    /// Again, a right one rates an existing card Good (a question never answered wrong has no card); a mark still
    /// pending changes nothing. The elapsed days are China calendar days since the card's last answer.
    static func updateReviewCard(_ staffNumber: String, question: Question, mark: ItemMark, at time: Date, _ db: Database) throws {
        guard let rating = FSRS.Rating(mark) else { return }
        let card = try Row.fetchOne(
            db, sql: "SELECT stability, difficulty, lastReview, reps, lapses FROM reviewCard WHERE staffNumber = ? AND questionId = ?",
            arguments: [staffNumber, question.id])
        guard card != nil || rating == .again else { return }
        let last: Date? = card?["lastReview"]
        // An assessment's answers are taken in when its keys show, possibly after later self-test answers.
        let at = max(time, last ?? time)
        let day = ChinaTime.civilDate(of: at)
        let schedule = FSRS.review(
            card.map { FSRS.Memory(stability: $0["stability"], difficulty: $0["difficulty"]) }, rating: rating,
            elapsedDays: last.map { day - ChinaTime.civilDate(of: $0) } ?? 0)
        let due = schedule.retires ? nil : day.adding(days: schedule.interval)?.description
        let reps: Int = (card?["reps"] ?? 0) + 1
        let lapses: Int = (card?["lapses"] ?? 0) + (card != nil && rating == .again ? 1 : 0)
        try db.execute(
            sql: """
                INSERT INTO reviewCard (staffNumber, questionId, knowledgePoint, stability, difficulty, lastReview, due, reps, lapses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (staffNumber, questionId) DO UPDATE SET stability = excluded.stability, difficulty = excluded.difficulty,
                    lastReview = excluded.lastReview, due = excluded.due, reps = excluded.reps, lapses = excluded.lapses
                """,
            arguments: [
                staffNumber, question.id, question.knowledgePoints.first ?? "", schedule.memory.stability, schedule.memory.difficulty, at, due,
                reps, lapses,
            ])
    }

    /// Takes in the wrong answers of this person's assessments that have newly shown them the keys, before their
    /// 今日复习 or wrong-question book is read: reading writes only then.
    func takeInAssessments(of number: String, now: Date) async throws {
        let cache = cache
        if try await reader.read({ db in try !Self.assessmentsToReview(number, now: now, db).isEmpty }) {
            try await writer.write { db in try Self.takeAssessmentsIntoReview(number, now: now, cache: cache, db) }
        }
    }

    /// This person's finished assessment attempts not yet taken into review whose keys they may now see.
    ///
    /// Review shows keys, so an assessment's answers wait until its review policy shows the candidate the keys
    /// (`shownToCandidate`). That moment is a release for some policies and merely a time passing (the last window
    /// ending) for others, so it is checked whenever the queue is read or a review starts, not at one event.
    private static func assessmentsToReview(_ staffNumber: String, now: Date, _ db: Database) throws -> [AttemptRecord] {
        let attempts = try AttemptRecord.fetchAll(
            db,
            sql: """
                SELECT a.* FROM attempt a JOIN exam e ON e.id = a.examId
                WHERE a.staffNumber = ? AND a.state IN (?, ?) AND e.reviewContent = ?
                    AND NOT EXISTS (SELECT 1 FROM reviewedAttempt r WHERE r.attemptId = a.id)
                """,
            arguments: [staffNumber, AttemptState.submitted.rawValue, AttemptState.autoSubmitted.rawValue, ReviewPolicy.Content.keys.rawValue])
        return try attempts.filter { attempt in
            guard let exam = try ExamRecord.fetchOne(db, key: attempt.examId) else { return false }
            return try shownToCandidate(attempt, of: exam, now: now, db) == .keys
        }
    }

    /// Rates every auto-marked answer of those attempts, as given when the paper was submitted, on the questions
    /// that may be practised (never exam-only ones, which a self-test could not ask), into both the review card and
    /// the wrong-question book (`updateWrongBook`). The keys are shown by then, so the book may show them too; the
    /// exam already counts them as revealed (`revealedQuestions`).
    static func takeAssessmentsIntoReview(_ staffNumber: String, now: Date, cache: QuestionCache, _ db: Database) throws {
        for attempt in try assessmentsToReview(staffNumber, now: now, db) {
            let paper = try attempt.decodedPaper()
            for answer in try AnswerRecord.filter(Column("attemptId") == attempt.id!).order(Column("position")).fetchAll(db) {
                let item = paper.items[answer.position]
                let question = try cache.entry(item.questionId, revision: item.revision, db).question
                guard question.kind.isAutoMarked, PaperPurpose.selfTest.admits(question.usage) else { continue }
                try updateWrongBook(
                    staffNumber, question: question, mark: ItemMark(score: answer.score, points: item.points), now: attempt.submittedAt ?? now, db)
            }
            try db.execute(sql: "INSERT INTO reviewedAttempt (attemptId, reviewedAt) VALUES (?, ?)", arguments: [attempt.id, now])
        }
    }
}
