import Foundation
import GRDB
import LianbingCore

/// A short answer for a trainer to mark, with what the trainer marks against and any mark given so far. It names the
/// answer sheet, not the candidate: marking is anonymous, wherever it is done.
public struct MarkingItem: Sendable, Codable, Equatable {
    public var attemptId: Int64
    public var position: Int
    public var examId: Int64
    public var examTitle: String
    public var questionId: String
    public var stem: String
    public var reference: String
    public var scoringPoints: [String]
    public var points: Double
    public var response: String
    /// `nil` until marked: always so in the marking queue, set when a score review shows a marked answer again.
    public var score: Double?
    public var comment: String?
}

extension AppDatabase {
    /// Submitted short answers not yet marked, in exams in the caller's scope, oldest submission first.
    public func markingQueue(exam examId: Int64? = nil, by principal: Principal) async throws -> [MarkingItem] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以阅卷") }
        let cache = cache
        return try await reader.read { db in
            var condition = "x.score IS NULL AND a.state IN ('submitted', 'auto-submitted') AND u.path >= ? AND u.path < ?"
            var arguments: StatementArguments = [principal.scope.lowerBound, principal.scope.upperBound]
            if let examId { condition += " AND a.examId = ?"; arguments += [examId] }
            return try Self.shortAnswers(db, where: condition, arguments, cache: cache)
        }
    }

    /// Short answers a person has marked in exams whose results are not yet released, in the caller's scope, most
    /// recently marked first: the marks that may still be revised (`markAnswer`) once the queue is empty.
    public func markedAnswers(exam examId: Int64? = nil, page: PageRequest, by principal: Principal) async throws -> Page<MarkingItem> {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以阅卷") }
        let cache = cache
        return try await reader.read { db in
            var condition = """
                x.markedBy IS NOT NULL AND x.score IS NOT NULL AND e.status = ? AND a.state IN ('submitted', 'auto-submitted')
                    AND u.path >= ? AND u.path < ?
                """
            var arguments: StatementArguments = [ExamStatus.published.rawValue, principal.scope.lowerBound, principal.scope.upperBound]
            if let examId { condition += " AND a.examId = ?"; arguments += [examId] }
            // A paper sitting's imported marks cover objective questions too, so short answers are told apart after
            // the query, and the page is cut from what remains.
            let marked = try Self.shortAnswers(db, where: condition, arguments, order: "x.markedAt DESC, a.id, x.position", cache: cache)
            return Page(items: Array(marked.dropFirst(page.offset).prefix(page.perPage)), page: page.page, perPage: page.perPage, total: marked.count)
        }
    }

    /// The short answers of the attempt a score review is about, marked or not, so they can be marked again.
    public func shortAnswers(forReview reviewId: Int64, by principal: Principal) async throws -> [MarkingItem] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以处理成绩复核") }
        let cache = cache
        return try await reader.read { db in
            let review = try Self.scoreReview(reviewId, for: principal, db)
            return try Self.shortAnswers(db, where: "a.id = ?", [review.attemptId], cache: cache)
        }
    }

    /// Short answers (only they have `attemptAnswer` rows that a person marks) matching `condition`.
    private static func shortAnswers(
        _ db: Database, where condition: String, _ arguments: StatementArguments, order: String = "a.submittedAt, a.id, x.position",
        cache: QuestionCache
    ) throws -> [MarkingItem] {
        let sql = """
            SELECT a.id, a.examId, a.paper, e.title, x.position, x.response, x.score, x.comment
            FROM attemptAnswer x JOIN attempt a ON a.id = x.attemptId JOIN exam e ON e.id = a.examId
            JOIN unit u ON u.code = e.unitCode
            WHERE \(condition) ORDER BY \(order)
            """
        var papers: [Int64: Paper] = [:]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            let attemptId: Int64 = row["id"]
            let paper = try papers[attemptId] ?? Self.decodePaper(row["paper"])
            papers[attemptId] = paper
            let item = paper.items[row["position"]]
            let question = try cache.entry(item.questionId, revision: item.revision, db).question
            guard case .shortAnswer(let reference, let points) = question.answer else { return nil }
            let response = try (row["response"] as String?).map { try JSONDecoder().decode(Response.self, from: Data($0.utf8)) }
            var text = ""
            if case .text(let written)? = response { text = written }
            return MarkingItem(
                attemptId: attemptId, position: row["position"], examId: row["examId"], examTitle: row["title"],
                questionId: item.questionId, stem: question.stem, reference: reference,
                scoringPoints: points, points: item.points, response: text, score: row["score"], comment: row["comment"])
        }
    }

    /// Marks one short answer, or re-marks it within the unanswered score review `review`; the attempt's total
    /// follows. Once results are released a mark changes only within a score review (or by `regrade`), and each
    /// such change is kept with the score and outcome before and after.
    public func markAnswer(
        attempt attemptId: Int64, position: Int, score: Double, comment: String? = nil, review reviewId: Int64? = nil,
        by principal: Principal
    ) async throws {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以阅卷") }
        let now = clock()
        let cache = cache
        try await writer.write { db in
            // One message for missing and out of scope alike, so the answer does not tell that the attempt exists.
            guard var attempt = try AttemptRecord.fetchOne(db, key: attemptId), let examId = attempt.examId,
                let exam = try? Self.examInScope(examId, for: principal, db)
            else { throw LianbingError.notFound("作答记录 \(attemptId)") }
            guard attempt.attemptState.isFinished else { throw LianbingError.conflict("考生尚未交卷") }
            if let reviewId {
                let review = try Self.scoreReview(reviewId, for: principal, db)
                guard review.attemptId == attemptId else { throw LianbingError.invalid("该复核申请不是这份试卷的") }
                guard review.answeredAt == nil else { throw LianbingError.conflict("该申请已答复，不能再改分") }
            } else if exam.examStatus == .released {
                throw LianbingError.conflict("成绩已发布：分数只能在考生申请的成绩复核中修改，或更正试题后重新评分")
            }
            let paper = try attempt.decodedPaper()
            guard var answer = try AnswerRecord.fetchOne(
                db, key: ["attemptId": attemptId, "position": try InputBounds.check(position: position, count: paper.items.count)])
            else { throw LianbingError.notFound("第 \(position + 1) 题") }
            let item = paper.items[position]
            guard try cache.entry(item.questionId, revision: item.revision, db).question.kind == .shortAnswer else {
                throw LianbingError.conflict("客观题由系统评分；如答案有误请更正题目后重新评分")
            }
            guard score >= 0, score <= item.points else { throw LianbingError.invalid("得分须在 0 到 \(Self.points(item.points)) 之间") }
            let before = answer.score
            let totalBefore = attempt.score
            answer.score = score
            answer.markedBy = principal.auditName
            answer.markedAt = now
            answer.comment = comment
            try answer.update(db)
            try Self.recomputeTotals(&attempt, db)
            try db.audit(
                principal, "exam.mark", exam: examId, "作答 \(attemptId) 第 \(position + 1) 题",
                (before.map { "\(Self.points($0)) → " } ?? "") + Self.points(score), at: now)
            if exam.examStatus == .released {
                try Self.recordScoreChange(
                    of: attempt, in: exam, from: totalBefore, reason: "成绩复核 \(reviewId.map(String.init) ?? "")", by: principal, at: now, db)
            }
        }
    }

    /// After a question's key is corrected (a new revision imported or saved), re-marks that question on every
    /// finished attempt in the asker's subtree from the saved answers, with the corrected key. Marks given by a person
    /// are kept. Administrators, and trainers who may change the question (who corrected it in the question form).
    public func regrade(question questionId: String, by principal: Principal) async throws -> Int {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有管理员和培训师可以重新评分") }
        let now = clock()
        let cache = cache
        return try await writer.write { db in
            guard let question = try Row.fetchOne(db, sql: "SELECT currentRevision, ownerUnitCode FROM question WHERE id = ?", arguments: [questionId])
            else { throw LianbingError.notFound("试题 \(questionId)") }
            guard try principal.has(.admin) || Self.mayChange(questionOwnedBy: question["ownerUnitCode"], for: principal, db) else {
                throw LianbingError.forbidden("只有管理员和能修改本题的培训师可以重新评分")
            }
            let current: Int = question["currentRevision"]
            let key = try cache.entry(questionId, revision: current, db).key
            let candidates = try AttemptRecord.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM attempt a JOIN exam e ON e.id = a.examId JOIN unit u ON u.code = e.unitCode
                    WHERE a.state IN ('submitted', 'auto-submitted') AND u.path >= ? AND u.path < ? AND instr(a.paper, ?) > 0
                    """, arguments: [principal.scope.lowerBound, principal.scope.upperBound, "\"questionId\":\"\(questionId)\""])
            var changed = 0
            for var attempt in candidates {
                let paper = try attempt.decodedPaper()
                let grader = Grader(multipleChoice: try Self.policy(of: attempt, db))
                var touched = false
                for (position, item) in paper.items.enumerated() where item.questionId == questionId {
                    guard var answer = try AnswerRecord.fetchOne(db, key: ["attemptId": attempt.id!, "position": position]),
                        answer.markedBy == nil
                    else { continue }
                    let score = grader.mark(key, response: try answer.decodedResponse(), points: item.points).score
                    if score != answer.score {
                        answer.score = score
                        try answer.update(db)
                        touched = true
                    }
                }
                if touched {
                    let totalBefore = attempt.score
                    try Self.recomputeTotals(&attempt, db)
                    changed += 1
                    if let exam = try ExamRecord.fetchOne(db, key: attempt.examId) {
                        try Self.recordScoreChange(
                            of: attempt, in: exam, from: totalBefore, reason: "试题 \(questionId) 更正后重新评分", by: principal, at: now, db)
                    }
                }
            }
            try db.audit(principal, "exam.regrade", "试题 \(questionId)", "按第 \(current) 版答案重新评分，\(changed) 份试卷分数变化", at: now)
            return changed
        }
    }
}
