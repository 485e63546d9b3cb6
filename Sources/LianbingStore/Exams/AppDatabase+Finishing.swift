import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Auto-submits an attempt whose deadline has passed; true if it did.
    @discardableResult
    static func finishIfExpired(
        _ attempt: inout AttemptRecord, now: Date, premarked: MachineMarks? = nil, cache: QuestionCache, _ db: Database
    ) throws -> Bool {
        guard attempt.attemptState == .inProgress, let deadline = attempt.deadline, now >= deadline else { return false }
        try finish(&attempt, as: .autoSubmitted, now: now, premarked: premarked, cache: cache, db)
        return true
    }

    /// Ends an attempt and marks it: every item gets a row, unanswered ones with no response. Marks worked out
    /// earlier on a reader are used when the answers they were worked out from are still the stored ones.
    static func finish(
        _ attempt: inout AttemptRecord, as state: AttemptState, now: Date, premarked: MachineMarks? = nil, cache: QuestionCache,
        _ db: Database
    ) throws {
        attempt.state = state.rawValue
        attempt.submittedAt = state == .autoSubmitted ? min(now, attempt.deadline ?? now) : now
        if let premarked, try premarked.isCurrent(db) {
            try premarked.write(&attempt, db)
        } else {
            try grade(&attempt, cache: cache, db)
        }
    }

    /// Marks every item not marked by a person, from the saved responses, and recomputes the totals.
    static func grade(_ attempt: inout AttemptRecord, cache: QuestionCache, _ db: Database) throws {
        try MachineMarks(of: attempt, cache: cache, db).write(&attempt, db)
    }

    static func recomputeTotals(_ attempt: inout AttemptRecord, paper: Paper? = nil, _ db: Database) throws {
        let row = try Row.fetchOne(
            db, sql: "SELECT SUM(score) AS total, SUM(score IS NULL) AS pending FROM attemptAnswer WHERE attemptId = ?",
            arguments: [attempt.id!])!
        attempt.pendingCount = row["pending"] ?? 0
        attempt.score = attempt.pendingCount == 0 ? (row["total"] as Double? ?? 0) : nil
        try attempt.update(db)
        try tallyPoints(of: attempt, paper: paper, db)
    }

    /// Assessments mark 多选 by their own policy; self-tests all-or-nothing, so "right" means right.
    static func policy(of attempt: AttemptRecord, _ db: Database) throws -> MultipleChoicePolicy {
        guard let examId = attempt.examId, let exam = try ExamRecord.fetchOne(db, key: examId) else { return .allOrNothing }
        return try exam.decodedMultipleChoice()
    }

    /// The candidate's view. Stems and options always; their own answers while in progress or when the review
    /// policy shows answers; scores, keys and explanations only as the policy (or, in a self-test, answering) allows.
    static func view(_ attempt: AttemptRecord, exam: ExamRecord?, now: Date, cache: QuestionCache, _ db: Database) throws -> AttemptView {
        let paper = try attempt.decodedPaper()
        let state = attempt.attemptState
        let answers = try Dictionary(
            uniqueKeysWithValues: AnswerRecord.filter(Column("attemptId") == attempt.id!).fetchAll(db).map { ($0.position, $0) })
        let isSelfTest = attempt.paperPurpose == .selfTest
        let review: ReviewPolicy.Content? =
            if isSelfTest { .keys } else if let exam { try shownToCandidate(attempt, of: exam, now: now, db) } else { nil }
        let showsAnswers = !state.isFinished || (review ?? .score) >= .answers
        var items: [AttemptItem] = []
        items.reserveCapacity(paper.items.count)
        for (position, item) in paper.items.enumerated() {
            let question = try cache.entry(item.questionId, revision: item.revision, db).question
            let answer = answers[position]
            let response = try answer?.decodedResponse()
            // A self-test reveals a question's key once that question is answered; an assessment only by its policy.
            let revealed = isSelfTest ? answer?.markedAt != nil : review == .keys
            let mark = answer.map { ItemMark(score: $0.score, points: item.points) }
            items.append(AttemptItem(
                position: position, kind: question.kind, points: item.points, stem: question.stem,
                options: item.optionOrder.isEmpty ? question.options : item.optionOrder.map { question.options[$0] },
                blanks: ResponseShape.blankCount(question),
                response: showsAnswers ? response.map { ResponseShape.shown($0, item: item) } : nil,
                score: revealed || (!isSelfTest && (review ?? .score) >= .answers && review != nil) ? answer?.score : nil,
                feedback: revealed ? ResponseShape.feedback(question, item: item, mark: mark) : nil))
        }
        let score = review != nil ? attempt.score : nil
        return AttemptView(
            id: attempt.id!, examId: attempt.examId, title: exam?.title ?? "自我测试", purpose: attempt.paperPurpose, state: state,
            startedAt: attempt.startedAt, deadline: attempt.deadline, serverTime: now, submittedAt: attempt.submittedAt,
            score: score, maxScore: attempt.maxScore,
            outcome: isSelfTest ? nil : score.map { $0 >= exam!.passMark ? .passed : .failed },
            review: review, items: items)
    }
}
