import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The centralised assessments the caller is a candidate in, newest window first.
    public func myExams(by principal: Principal) async throws -> [MyExam] {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        return try await reader.read { db in try Self.candidateExams(of: number, now: now, db) }
    }

    /// A member of staff's assessments for an administrator over them (their roster page), as the candidate sees
    /// them: a score shows once the candidate may see it; the exam's results page has the rest.
    public func exams(ofStaff number: String, by principal: Principal) async throws -> [MyExam] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以查看他人的考试") }
        let now = clock()
        return try await reader.read { db in
            _ = try Self.staffInScope(number, for: principal, db)
            return try Self.candidateExams(of: number, now: now, db)
        }
    }

    private static func candidateExams(of number: String, now: Date, _ db: Database) throws -> [MyExam] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.*, c.excusedReason, c.closesAt AS candidateClosesAt, c.paper AS candidatePaper,
                       a.id AS attemptId, a.state AS attemptState, a.deadline, a.score, a.maxScore,
                       r.id AS reviewId
                FROM examCandidate c JOIN exam e ON e.id = c.examId
                LEFT JOIN attempt a ON a.examId = c.examId AND a.staffNumber = c.staffNumber
                LEFT JOIN scoreReview r ON r.attemptId = a.id
                WHERE c.staffNumber = ? AND e.status != 'draft'
                ORDER BY e.opensAt DESC, e.id DESC
                """, arguments: [number])
        return try rows.map { row in
            let record = try ExamRecord(row: row)
            let closes: Date = row["candidateClosesAt"] ?? record.closesAt
            let state = (row["attemptState"] as String?).flatMap(AttemptState.init(rawValue:))
            let standing: MyExam.Standing =
                if (row["excusedReason"] as String?) != nil { .excused }
                else if let state { state.isFinished ? .finished : (now >= (row["deadline"] as Date? ?? closes) ? .finished : .inProgress) }
                else { now >= closes ? .absent : .notStarted }
            let paper = try (row["candidatePaper"] as String?).map(Self.decodePaper)
            // The candidate's own paper once drawn; before that, what the blueprint makes every paper.
            let size: (questions: Int, points: Double)
            if let paper {
                size = (paper.items.count, paper.maxScore)
            } else {
                let blueprint = try record.decodedBlueprint()
                size = (blueprint.questionCount, blueprint.totalPoints)
            }
            let visible = standing == .finished
                ? record.reviewPolicy.visible(
                    submitted: true, lastWindowEnded: now >= (try Self.lastWindowCloses(record, db)), released: record.examStatus == .released)
                : nil
            let score: Double? = visible == nil ? nil : row["score"]
            return MyExam(
                examId: record.id!, title: record.title, opensAt: record.opensAt, closesAt: closes,
                duration: TimeInterval(record.durationSeconds), phase: Self.phase(of: record, now: now), standing: standing,
                attemptId: row["attemptId"], deadline: row["deadline"], questionCount: size.questions, maxScore: size.points,
                score: score, outcome: score.map { $0 >= record.passMark ? .passed : .failed },
                canRequestReview: (row["reviewId"] as Int64?) == nil && score != nil
                    && Self.reviewWindowOpen(record, now: now),
                instructions: record.instructions)
        }
    }

    /// Starts the caller's attempt at an assessment, or resumes it (from any device) with the time it has left.
    /// Each start and resume is recorded with the client's address and user agent.
    public func startAttempt(exam examId: Int64, client: ClientInfo, by principal: Principal) async throws -> AttemptView {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        let cache = cache
        let (attempt, exam) = try await batcher.write { db -> (AttemptRecord, ExamRecord) in
            // Cached statements: at the opening of an exam every candidate comes here within a minute.
            guard let exam = try ExamRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM exam WHERE id = ?"), arguments: [examId]),
                exam.examStatus != .draft,
                let candidate = try ExamCandidateRecord.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM examCandidate WHERE examId = ? AND staffNumber = ?"), arguments: [examId, number])
            else { throw LianbingError.notFound("考试 \(examId)") }
            let existing = try AttemptRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM attempt WHERE examId = ? AND staffNumber = ?"), arguments: [examId, number])
            if var attempt = existing {
                if try Self.finishIfExpired(&attempt, now: now, cache: cache, db) == false, !attempt.attemptState.isFinished {
                    try Self.recordVisit(attempt.id!, "resume", client, now, db)
                    attempt.lastSeenAt = now
                    try attempt.update(db)
                }
                return (attempt, exam)
            }
            guard candidate.excusedReason == nil else { throw LianbingError.conflict("您已获准免考，无需参加本场考试") }
            guard now >= exam.opensAt else { throw LianbingError.conflict("考试尚未开始，开始时间 \(ChinaTime.format(exam.opensAt))") }
            let closes = candidate.closesAt ?? exam.closesAt
            guard now < closes else { throw LianbingError.conflict("考试已结束，未参加按缺考处理") }
            guard let paper = candidate.paper else { throw LianbingError.conflict("试卷尚未生成") }
            var attempt = AttemptRecord(
                id: nil, examId: examId, staffNumber: number, purpose: PaperPurpose.assessment.rawValue, paper: paper,
                startedAt: now,
                deadline: Deadline.of(
                    start: now, duration: TimeInterval(exam.durationSeconds), extra: TimeInterval(candidate.extraSeconds), windowCloses: closes),
                state: AttemptState.inProgress.rawValue, submittedAt: nil, score: nil, maxScore: try Self.maxScore(ofPaper: paper, db),
                pendingCount: 0,
                lastSeenAt: now, hiddenCount: 0, hiddenSeconds: 0)
            try attempt.insert(db)
            try Self.recordVisit(attempt.id!, "start", client, now, db)
            return (attempt, exam)
        }
        return try await committedView(attempt, exam: exam, now: now)
    }

    /// The caller's own attempt, as they may see it now. An attempt past its deadline is submitted first.
    public func attempt(_ id: Int64, by principal: Principal) async throws -> AttemptView {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        let cache = cache
        // Pages re-read their attempt now and then all through an exam, so reads stay off the single writer; only an
        // attempt found past its deadline goes there, to be submitted.
        let read = try await reader.read { db -> (view: AttemptView?, marks: MachineMarks?, exam: ExamRecord?) in
            let attempt = try Self.ownAttempt(id, staffNumber: number, db)
            let exam = try attempt.examId.flatMap { try ExamRecord.fetchOne(db, key: $0) }
            guard attempt.attemptState == .inProgress, let deadline = attempt.deadline, now >= deadline else {
                return (try Self.view(attempt, exam: exam, now: now, cache: cache, db), nil, exam)
            }
            return (nil, try MachineMarks(of: attempt, cache: cache, db), exam)
        }
        if let view = read.view { return view }
        let finished = try await batcher.write { db in
            var attempt = try Self.ownAttempt(id, staffNumber: number, db)
            try Self.finishIfExpired(&attempt, now: now, premarked: read.marks, cache: cache, db)
            return attempt
        }
        return try await committedView(finished, exam: read.exam, now: now)
    }

    /// Saves one answer of an assessment in progress; saving the same answer again changes nothing. Choices come in
    /// shown positions and are stored as the question's own. Committed before it returns.
    public func saveAnswer(attempt id: Int64, position: Int, response: Response?, by principal: Principal) async throws -> SavedAnswer {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        let cache = cache
        return try await batcher.write { db in
            var attempt = try Self.ownAttempt(id, staffNumber: number, db)
            guard attempt.paperPurpose == .assessment else { throw LianbingError.conflict("自我测试请逐题提交答案") }
            if try Self.finishIfExpired(&attempt, now: now, cache: cache, db) {
                // The refusal must not undo the auto-submission above, so it is reported after the commit.
                return SavedAnswer(attemptId: id, position: -1, savedAt: now, deadline: attempt.deadline)
            }
            guard !attempt.attemptState.isFinished else { throw LianbingError.conflict("已交卷，不能再修改答案") }
            let item = try Self.paperItem(position, ofAttempt: id, db)
            let entry = try cache.entry(item.questionId, revision: item.revision, db)
            let stored = try response.map { try ResponseShape.original($0, for: entry.question, item: item) }
            try db.execute(
                sql: """
                    INSERT INTO attemptAnswer (attemptId, position, response, savedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (attemptId, position) DO UPDATE SET response = excluded.response, savedAt = excluded.savedAt
                    """, arguments: [id, position, try stored.map { try Self.json($0) }, now])
            try db.execute(sql: "UPDATE attempt SET lastSeenAt = ? WHERE id = ?", arguments: [now, id])
            return SavedAnswer(attemptId: id, position: position, savedAt: now, deadline: attempt.deadline)
        }.refusingLate()
    }

    /// Submits the caller's attempt and marks what the machine can mark.
    public func submitAttempt(_ id: Int64, by principal: Principal) async throws -> AttemptView {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        let cache = cache
        let premarked = try await reader.read { db -> MachineMarks? in
            let attempt = try Self.ownAttempt(id, staffNumber: number, db)
            return attempt.attemptState == .inProgress ? try MachineMarks(of: attempt, cache: cache, db) : nil
        }
        let (attempt, exam) = try await batcher.write { db -> (AttemptRecord, ExamRecord?) in
            var attempt = try Self.ownAttempt(id, staffNumber: number, db)
            if try !Self.finishIfExpired(&attempt, now: now, premarked: premarked, cache: cache, db), !attempt.attemptState.isFinished {
                try Self.finish(&attempt, as: .submitted, now: now, premarked: premarked, cache: cache, db)
            }
            return (attempt, try attempt.examId.flatMap { try ExamRecord.fetchOne(db, key: $0) })
        }
        return try await committedView(attempt, exam: exam, now: now)
    }

    /// The candidate's view of an attempt, made on a reader once its write is committed. Making it decodes the paper
    /// and looks up every question: work that need not hold up the single writer, which everyone's saves wait for.
    func committedView(_ attempt: AttemptRecord, exam: ExamRecord?, now: Date) async throws -> AttemptView {
        let cache = cache
        return try await reader.read { db in try Self.view(attempt, exam: exam, now: now, cache: cache, db) }
    }

    /// Submits every attempt whose deadline has passed, whether or not its browser ever returns. Run now and then
    /// by the server; returns how many it submitted.
    ///
    /// When a window closes, everyone still writing runs out at once. They are marked on a reader and submitted a
    /// batch at a time, so the writer is never held long by one transaction and saves of those with extra time,
    /// and the next exam's, go in between.
    @discardableResult
    public func submitExpiredAttempts(batch: Int = 100) async throws -> Int {
        let now = clock()
        let cache = cache
        var submitted = 0
        while true {
            let marked = try await reader.read { db in
                try AttemptRecord.filter(Column("state") == AttemptState.inProgress.rawValue && Column("deadline") <= now)
                    .order(Column("id")).limit(batch).fetchAll(db)
                    .map { try MachineMarks(of: $0, cache: cache, db) }
            }
            guard !marked.isEmpty else { return submitted }
            submitted += try await batcher.write { db in
                var count = 0
                for marks in marked {
                    guard var attempt = try AttemptRecord.fetchOne(db, key: marks.attemptId) else { continue }
                    if try Self.finishIfExpired(&attempt, now: now, premarked: marks, cache: cache, db) { count += 1 }
                }
                return count
            }
        }
    }

    /// Records that the attempt's page was hidden (another app or tab) for a while, for proctors.
    public func recordHidden(attempt id: Int64, seconds: Double, by principal: Principal) async throws {
        let number = try Self.ownStaffNumber(principal)
        guard seconds.isFinite, Double(InputBounds.hiddenSeconds.lowerBound)...Double(InputBounds.hiddenSeconds.upperBound) ~= seconds else {
            throw LianbingError.invalid("离开页面的时长须在 0 到 \(InputBounds.hiddenSeconds.upperBound) 秒之间")
        }
        try await writer.write { db in
            let attempt = try Self.ownAttempt(id, staffNumber: number, db)
            guard !attempt.attemptState.isFinished else { return }
            try db.execute(
                sql: "UPDATE attempt SET hiddenCount = hiddenCount + 1, hiddenSeconds = hiddenSeconds + ? WHERE id = ?",
                arguments: [seconds, id])
        }
    }

    static func ownStaffNumber(_ principal: Principal) throws -> String {
        guard case .account(_, _, _, let number?) = principal.kind else {
            throw LianbingError.forbidden("只有关联了工作人员档案的账号可以参加考试和自测")
        }
        return number
    }

    /// Someone else's attempt is reported as missing.
    static func ownAttempt(_ id: Int64, staffNumber: String, _ db: Database) throws -> AttemptRecord {
        guard let attempt = try AttemptRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM attempt WHERE id = ?"), arguments: [id]),
            attempt.staffNumber == staffNumber
        else {
            throw LianbingError.notFound("作答记录 \(id)")
        }
        return attempt
    }

    static func recordVisit(_ attemptId: Int64, _ kind: String, _ client: ClientInfo, _ now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO attemptVisit (attemptId, at, kind, address, userAgent) VALUES (?, ?, ?, ?, ?)",
            arguments: [attemptId, now, kind, client.address, client.userAgent.map { String($0.prefix(300)) }])
    }

    static func reviewWindowOpen(_ exam: ExamRecord, now: Date) -> Bool {
        guard exam.examStatus == .released, let released = exam.releasedAt else { return false }
        return now < released.addingTimeInterval(TimeInterval(exam.reviewRequestDays) * 86_400)
    }
}

extension SavedAnswer {
    /// A save that arrived after the deadline auto-submitted the attempt (committed) and is refused here.
    func refusingLate() throws -> SavedAnswer {
        guard position >= 0 else { throw LianbingError.conflict("已超过作答时间，答案未保存；试卷已自动提交") }
        return self
    }
}
