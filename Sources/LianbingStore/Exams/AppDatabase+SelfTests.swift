import Foundation
import GRDB
import LianbingCore

/// What a self-test is made of: chosen knowledge points and a length, the caller's wrong-question book, or the
/// questions due in their 今日复习.
public enum SelfTestRequest: Sendable, Equatable {
    case knowledgePoints([String], length: Int)
    case wrongQuestions(length: Int)
    case dueReviews(length: Int)

    public static let lengths = 1...100

    var length: Int {
        switch self {
        case .knowledgePoints(_, let length), .wrongQuestions(let length), .dueReviews(let length): length
        }
    }
}

/// One question in the caller's wrong-question book (错题本).
public struct WrongQuestion: Sendable, Codable, Equatable {
    public var questionId: String
    public var knowledgePoint: String
    public var stem: String
    public var kind: QuestionKind
    /// Right answers in a row since the last wrong one; two take the question out.
    public var streak: Int
    public var updatedAt: Date
}

extension AppDatabase {
    /// Starts a self-test on the current bank: practice questions only (`practice` or `both`), never `exam` ones, and
    /// none from the pool of an assessment the caller sits whose last window is still open (`heldBackQuestions`).
    /// Any earlier self-test left in progress is abandoned: one open self-test per person keeps "continue" clear.
    public func startSelfTest(_ request: SelfTestRequest, by principal: Principal) async throws -> AttemptView {
        let number = try Self.ownStaffNumber(principal)
        try InputBounds.check(request.length, in: SelfTestRequest.lengths, "题量", unit: "题")
        let now = clock()
        let cache = cache
        let seed = UInt64.random(in: .min ... .max)
        return try await writer.write { db in
            var generator = SeededGenerator(seed: seed)
            let pool = try Self.selfTestPool(for: number, now: now, db)
            let paper: Paper
            let nothing: String
            switch request {
            case .knowledgePoints(let points, let length):
                paper = SelfTestPicker.paper(pool: pool, knowledgePoints: points, length: length, generator: &generator)
                nothing = "所选知识点下没有可练习的题目"
            case .wrongQuestions(let length):
                try Self.takeAssessmentsIntoReview(number, now: now, cache: cache, db)
                let wrong = Set(try String.fetchAll(db, sql: "SELECT questionId FROM wrongQuestion WHERE staffNumber = ?", arguments: [number]))
                var chosen = pool.filter { wrong.contains($0.id) }
                chosen.shuffle(using: &generator)
                paper = SelfTestPicker.paper(questions: Array(chosen.prefix(length)), generator: &generator)
                nothing = "错题本是空的"
            case .dueReviews(let length):
                try Self.takeAssessmentsIntoReview(number, now: now, cache: cache, db)
                let practicable = Dictionary(pool.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                let due = try Self.dueQuestions(number, on: ChinaTime.civilDate(of: now), db).compactMap { practicable[$0] }
                paper = SelfTestPicker.paper(questions: Array(due.prefix(length)), generator: &generator)
                nothing = "今天没有到期的复习题"
            }
            guard !paper.items.isEmpty else { throw LianbingError.conflict(nothing) }
            return try Self.openSelfTest(paper, for: number, now: now, cache: cache, db)
        }
    }

    /// What a self-test may draw from: the current bank's practice questions their unit may draw, less any of an
    /// assessment the person sits whose last window is still open.
    static func selfTestPool(for number: String, now: Date, _ db: Database) throws -> [PoolQuestion] {
        let held = try heldBackQuestions(for: number, now: now, db)
        let unit = try String.fetchOne(db, sql: "SELECT unitCode FROM staff WHERE number = ?", arguments: [number])
        return try pool(db, bankRevision: currentBankRevision(db), drawnBy: unit).filter { PaperPurpose.selfTest.admits($0.usage) && !held.contains($0.id) }
    }

    /// Stores a self-test's paper as the person's one open self-test, abandoning any earlier one.
    static func openSelfTest(_ paper: Paper, for number: String, now: Date, cache: QuestionCache, _ db: Database) throws -> AttemptView {
        try db.execute(
            sql: "UPDATE attempt SET state = ? WHERE staffNumber = ? AND purpose = ? AND state = ?",
            arguments: [AttemptState.abandoned.rawValue, number, PaperPurpose.selfTest.rawValue, AttemptState.inProgress.rawValue])
        var attempt = AttemptRecord(
            id: nil, examId: nil, staffNumber: number, purpose: PaperPurpose.selfTest.rawValue, paper: try json(paper),
            startedAt: now, deadline: nil, state: AttemptState.inProgress.rawValue, submittedAt: nil, score: nil,
            maxScore: paper.maxScore, pendingCount: 0, lastSeenAt: now, hiddenCount: 0, hiddenSeconds: 0)
        try attempt.insert(db)
        return try view(attempt, exam: nil, now: now, cache: cache, db)
    }

    /// Answers one self-test question and returns its key and explanation (that question's only). An answered
    /// question cannot be answered again: its key has been shown. The wrong-question book follows the mark.
    public func answerSelfTest(attempt id: Int64, position: Int, response: Response, by principal: Principal) async throws -> Feedback {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        let cache = cache
        return try await writer.write { db in
            var attempt = try Self.ownAttempt(id, staffNumber: number, db)
            guard attempt.paperPurpose == .selfTest else { throw LianbingError.conflict("集中考核的答案请用保存接口") }
            guard !attempt.attemptState.isFinished else { throw LianbingError.conflict("本次自测已结束") }
            let paper = try attempt.decodedPaper()
            _ = try InputBounds.check(position: position, count: paper.items.count)
            guard try AnswerRecord.fetchOne(db, key: ["attemptId": id, "position": position]) == nil else {
                throw LianbingError.conflict("本题已作答，答案已显示")
            }
            let item = paper.items[position]
            // A self-test begun before an assessment was published may hold a question of its pool.
            guard try !Self.isHeldBack(item.questionId, for: number, now: now, db) else {
                throw LianbingError.conflict("本题属于您尚未结束的集中考核的题库，考试结束前不能练习、不显示答案")
            }
            let entry = try cache.entry(item.questionId, revision: item.revision, db)
            let stored = try ResponseShape.original(response, for: entry.question, item: item)
            let mark = Grader(multipleChoice: .allOrNothing).mark(entry.key, response: stored, points: item.points)
            try AnswerRecord(
                attemptId: id, position: position, response: try Self.json(stored), savedAt: now, score: mark.score, markedBy: nil,
                markedAt: now, comment: nil
            ).insert(db)
            if entry.question.kind.isAutoMarked {
                try Self.updateWrongBook(number, question: entry.question, mark: mark, now: now, db)
            }
            let answered = try AnswerRecord.filter(Column("attemptId") == id).fetchCount(db)
            if answered == paper.items.count {
                try Self.finish(&attempt, as: .submitted, now: now, cache: cache, db)
                try Self.lessonCheckFinished(attempt, by: principal, now: now, db)
            }
            return ResponseShape.feedback(entry.question, item: item, mark: mark)
        }
    }

    /// The book and the question's review card (`updateReviewCard`) move together.
    static func updateWrongBook(_ staffNumber: String, question: Question, mark: ItemMark, now: Date, _ db: Database) throws {
        try updateReviewCard(staffNumber, question: question, mark: mark, at: now, db)
        let point = question.knowledgePoints.first ?? ""
        let current = try Row.fetchOne(
            db, sql: "SELECT knowledgePoint, streak FROM wrongQuestion WHERE staffNumber = ? AND questionId = ?",
            arguments: [staffNumber, question.id]
        ).map { WrongBookEntry(questionId: question.id, knowledgePoint: $0["knowledgePoint"], streak: $0["streak"]) }
        let next = WrongBookEntry.after(current, questionId: question.id, knowledgePoint: point, mark: mark)
        guard next != current else { return }
        if let next {
            try db.execute(
                sql: """
                    INSERT INTO wrongQuestion (staffNumber, questionId, knowledgePoint, streak, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (staffNumber, questionId) DO UPDATE SET streak = excluded.streak, updatedAt = excluded.updatedAt
                    """, arguments: [staffNumber, question.id, next.knowledgePoint, next.streak, now])
        } else {
            try db.execute(sql: "DELETE FROM wrongQuestion WHERE staffNumber = ? AND questionId = ?", arguments: [staffNumber, question.id])
        }
    }

    /// The caller's wrong-question book, by knowledge point, with the wrong answers of assessments that have newly
    /// shown the caller their keys taken in first.
    public func wrongBook(by principal: Principal) async throws -> [WrongQuestion] {
        let number = try Self.ownStaffNumber(principal)
        try await takeInAssessments(of: number, now: clock())
        return try await reader.read { db in try Self.wrongBook(number, db) }
    }

    /// The caller's self-tests, newest first.
    public func mySelfTests(by principal: Principal) async throws -> [AttemptSummary] {
        let number = try Self.ownStaffNumber(principal)
        return try await reader.read { db in
            try AttemptRecord.fetchAll(
                db, sql: "SELECT * FROM attempt WHERE staffNumber = ? AND purpose = 'self-test' ORDER BY startedAt DESC, id DESC LIMIT 50",
                arguments: [number]
            ).map { try AttemptSummary($0, db) }
        }
    }
}

/// A line in a list of attempts.
public struct AttemptSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var state: AttemptState
    public var startedAt: Date
    public var submittedAt: Date?
    public var questions: Int
    public var answered: Int
    public var score: Double?
    public var maxScore: Double

    init(_ record: AttemptRecord, _ db: Database) throws {
        id = record.id!
        state = record.attemptState
        startedAt = record.startedAt
        submittedAt = record.submittedAt
        questions = try record.decodedPaper().items.count
        answered = try AnswerRecord.filter(Column("attemptId") == record.id! && Column("response") != nil).fetchCount(db)
        score = record.score
        maxScore = record.maxScore
    }
}
