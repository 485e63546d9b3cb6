import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Every candidate's line, ranked (see `ResultRanking`), standing as `CandidateOutcome.of` says. Trainers and
    /// administrators, in scope.
    public func results(ofExam id: Int64, by principal: Principal) async throws -> [RankedResult] {
        let now = clock()
        return try await reader.read { db in
            let exam = try Self.examInScope(id, for: principal, db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.staffNumber, c.excusedReason, c.closesAt, s.name, s.post, u.code AS unitCode, u.name AS unitName, u.path,
                           a.state, a.score, a.deadline, a.startedAt, a.submittedAt
                    FROM examCandidate c JOIN staff s ON s.number = c.staffNumber JOIN unit u ON u.code = s.unitCode
                    LEFT JOIN attempt a ON a.examId = c.examId AND a.staffNumber = c.staffNumber
                    WHERE c.examId = ? AND u.path >= ? AND u.path < ?
                    """, arguments: [id, principal.scope.lowerBound, principal.scope.upperBound])
            let trails = try UnitTrails.of(rows.map { $0["path"] as String }, db)
            return ResultRanking.rank(rows.map { row in
                let state = (row["state"] as String?).flatMap(AttemptState.init(rawValue:))
                let score: Double? = row["score"]
                let outcome = CandidateOutcome.of(
                    excused: (row["excusedReason"] as String?) != nil, state: state, score: score, deadline: row["deadline"],
                    closes: row["closesAt"] ?? exam.closesAt, passMark: exam.passMark, now: now)
                // A paper sitting's marks are entered at one instant: it has no submission or time used to show.
                var (submitted, used): (Date?, Int?) = (nil, nil)
                if state?.isFinished == true, let start = row["startedAt"] as Date?, let end = row["submittedAt"] as Date?, end > start {
                    (submitted, used) = (end, Int(end.timeIntervalSince(start).rounded()))
                }
                return ResultRow(
                    unitCode: row["unitCode"], unitName: row["unitName"], unitTrail: trails[row["path"]], staffNumber: row["staffNumber"],
                    name: row["name"], post: row["post"], score: [.passed, .failed].contains(outcome) ? score : nil, outcome: outcome,
                    timeUsedSeconds: used, submittedAt: submitted)
            })
        }
    }

    /// Item statistics of an exam's complete attempts. Papers differ between candidates, so a question's values
    /// come from the candidates whose paper held it (its mark against the rest of their paper), and the paper's
    /// values (CIC, error ratio, standard error) from positions on the paper, each a draw from the same section —
    /// as Moodle treats random-question slots.
    public func statistics(ofExam id: Int64, by principal: Principal) async throws -> ExamStatistics {
        try await reader.read { db in
            _ = try Self.examInScope(id, for: principal, db)
            return try Self.statistics(examId: id, db).statistics
        }
    }

    /// The statistics, and how many candidates' papers held each question.
    static func statistics(examId: Int64, _ db: Database) throws -> (statistics: ExamStatistics, seen: [String: Int]) {
        let attempts = try AttemptRecord.fetchAll(
            db, sql: "SELECT * FROM attempt WHERE examId = ? AND state IN ('submitted', 'auto-submitted') AND score IS NOT NULL ORDER BY staffNumber",
            arguments: [examId])
        var positionMarks: [[Double]] = []
        var maxMarks: [Double] = []
        var byQuestion: [String: (candidates: [String], marks: [[Double]], max: [Double])] = [:]
        for attempt in attempts {
            let paper = try attempt.decodedPaper()
            let scores = try Double.fetchAll(
                db, sql: "SELECT COALESCE(score, 0) FROM attemptAnswer WHERE attemptId = ? ORDER BY position", arguments: [attempt.id])
            guard scores.count == paper.items.count else { continue }
            if maxMarks.isEmpty { maxMarks = paper.items.map(\.points) }
            if paper.items.count == maxMarks.count { positionMarks.append(scores) }
            let total = scores.reduce(0, +)
            for (item, score) in zip(paper.items, scores) {
                var entry = byQuestion[item.questionId] ?? ([], [], [item.points, paper.maxScore - item.points])
                entry.candidates.append(attempt.staffNumber)
                entry.marks.append([score, total - score])
                byQuestion[item.questionId] = entry
            }
        }
        let positions = (0..<maxMarks.count).map { "第\($0 + 1)题" }
        let paperLevel = ItemStatistics.compute(
            candidates: attempts.map(\.staffNumber).prefix(positionMarks.count).map { $0 }, questions: positions,
            marks: positionMarks, maxMarks: maxMarks)
        let questions = byQuestion.keys.sorted().map { id in
            let entry = byQuestion[id]!
            var statistics = ItemStatistics.compute(candidates: entry.candidates, questions: [id, "其余"], marks: entry.marks, maxMarks: entry.max).questions[0]
            statistics.question = id
            return statistics
        }
        let statistics = ExamStatistics(
            candidates: paperLevel.candidates, mean: paperLevel.mean, sd: paperLevel.sd, cic: paperLevel.cic,
            errorRatio: paperLevel.errorRatio, standardError: paperLevel.standardError, questions: questions)
        return (statistics, byQuestion.mapValues(\.candidates.count))
    }

    /// Writes each question's measured facility and discrimination beside its declared difficulty.
    static func storeMeasures(examId: Int64, now: Date, _ db: Database) throws {
        let (statistics, counts) = try statistics(examId: examId, db)
        for question in statistics.questions {
            try db.execute(
                sql: """
                    INSERT INTO questionMeasure (questionId, examId, candidates, facility, discriminationIndex, measuredAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (questionId) DO UPDATE SET examId = excluded.examId, candidates = excluded.candidates,
                        facility = excluded.facility, discriminationIndex = excluded.discriminationIndex, measuredAt = excluded.measuredAt
                    """,
                arguments: [question.question, examId, counts[question.question], question.facility, question.discriminationIndex, now])
        }
    }
}

/// A question's measured performance in the latest exam that released results with it.
public struct QuestionMeasure: Sendable, Codable, Equatable {
    public var examId: Int64
    public var examTitle: String
    public var candidates: Int
    /// Fraction of the marks earned, 0–1: the measured counterpart of the declared difficulty.
    public var facility: Double?
    public var discriminationIndex: Double?
    public var measuredAt: Date

    /// Negative discrimination: stronger candidates did worse on it than weaker ones. Review the key and wording.
    public var isFlagged: Bool { (discriminationIndex ?? 0) < 0 }
}

extension AppDatabase {
    public func measure(ofQuestion id: String, by principal: Principal) async throws -> QuestionMeasure? {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以浏览题库") }
        return try await reader.read { db in
            try Row.fetchOne(
                db, sql: "SELECT m.*, e.title FROM questionMeasure m JOIN exam e ON e.id = m.examId WHERE m.questionId = ?", arguments: [id]
            ).map {
                QuestionMeasure(
                    examId: $0["examId"], examTitle: $0["title"], candidates: $0["candidates"], facility: $0["facility"],
                    discriminationIndex: $0["discriminationIndex"], measuredAt: $0["measuredAt"])
            }
        }
    }
}
