import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Extra time and/or an individual late window for one candidate; an attempt in progress gets the new deadline.
    /// A late window opened after the exam's keys were shown needs `confirmKeysShown` (`keysShownGuard`).
    public func overrideCandidate(
        _ staffNumber: String, inExam id: Int64, extraMinutes: Int?, closesAt: Date?, confirmKeysShown: Bool = false,
        by principal: Principal
    ) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以为考生延时") }
        guard extraMinutes != nil || closesAt != nil else { throw LianbingError.invalid("请填写延长时间或个人截止时间") }
        if let extraMinutes { try InputBounds.check(extraMinutes, in: InputBounds.extraMinutes, "延长时间", unit: "分钟") }
        if let closesAt { try InputBounds.check(date: closesAt, "个人截止时间") }
        let now = clock()
        try await writer.write { db in
            let exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict("只能为已发布、未发布成绩的考试延时") }
            var candidate = try Self.candidate(staffNumber, of: id, for: principal, db)
            if let extraMinutes { candidate.extraSeconds = extraMinutes * 60 }
            var keysNote = ""
            if let closesAt {
                guard closesAt > now else { throw LianbingError.invalid("个人截止时间须晚于当前时间") }
                keysNote = try Self.keysShownGuard(exam, confirmed: confirmKeysShown, now: now, db)
                candidate.closesAt = closesAt
            }
            try candidate.update(db)
            if var attempt = try AttemptRecord.filter(Column("examId") == id && Column("staffNumber") == staffNumber).fetchOne(db),
                attempt.attemptState == .inProgress
            {
                attempt.deadline = Deadline.of(
                    start: attempt.startedAt, duration: TimeInterval(exam.durationSeconds), extra: TimeInterval(candidate.extraSeconds),
                    windowCloses: candidate.closesAt ?? exam.closesAt)
                try attempt.update(db)
            }
            let detail = [extraMinutes.map { "延长 \($0) 分钟" }, closesAt.map { "个人截止 \(ChinaTime.format($0))" }].compactMap { $0 }
            try db.audit(principal, "exam.override", exam: id, "考试 \(id) 考生 \(staffNumber)", detail.joined(separator: "，") + keysNote, at: now)
        }
    }

    /// Reopens a finished attempt for `minutes` more from now; its answers stay and it is marked again on submission.
    /// After the exam's keys were shown it needs `confirmKeysShown` (`keysShownGuard`).
    public func reopenAttempt(
        of staffNumber: String, inExam id: Int64, minutes: Int, confirmKeysShown: Bool = false, by principal: Principal
    ) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以重新开放作答") }
        try InputBounds.check(minutes, in: InputBounds.minutes, "重新开放的时长", unit: "分钟")
        let now = clock()
        try await writer.write { db in
            let exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict("成绩已发布，不能重新开放作答") }
            var candidate = try Self.candidate(staffNumber, of: id, for: principal, db)
            guard var attempt = try AttemptRecord.filter(Column("examId") == id && Column("staffNumber") == staffNumber).fetchOne(db),
                attempt.attemptState.isFinished
            else { throw LianbingError.conflict("该考生没有已交的试卷；未开始的考生请使用延时") }
            let keysNote = try Self.keysShownGuard(exam, confirmed: confirmKeysShown, now: now, db)
            let deadline = now.addingTimeInterval(TimeInterval(minutes * 60))
            candidate.closesAt = max(candidate.closesAt ?? exam.closesAt, deadline)
            try candidate.update(db)
            attempt.state = AttemptState.inProgress.rawValue
            attempt.deadline = deadline
            attempt.submittedAt = nil
            attempt.score = nil
            try attempt.update(db)
            try db.execute(sql: "UPDATE attemptAnswer SET score = NULL WHERE attemptId = ? AND markedBy IS NULL", arguments: [attempt.id])
            try db.audit(principal, "exam.reopen", exam: id, "考试 \(id) 考生 \(staffNumber)", "重新开放 \(minutes) 分钟" + keysNote, at: now)
        }
    }

    /// A window opened again after candidates have been shown the keys lets the reopened candidate write while they
    /// could be told them: the administrator must say so knowingly, and the audit log notes it.
    static func keysShownGuard(_ exam: ExamRecord, confirmed: Bool, now: Date, _ db: Database) throws -> String {
        guard try keysShown(exam, now: now, db) else { return "" }
        guard confirmed else {
            throw LianbingError.conflict("本场考试的答案和解析已向考生公开；重新开放作答前请确认（已知答案已公开）")
        }
        return "（答案已公开后经确认）"
    }

    /// 免考: the candidate is excused with a reason, and results list them as such.
    public func excuseCandidate(_ staffNumber: String, inExam id: Int64, reason: String, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以批准免考") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LianbingError.invalid("请填写免考原因") }
        let now = clock()
        try await writer.write { db in
            let exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict("只能在成绩发布前批准免考") }
            var candidate = try Self.candidate(staffNumber, of: id, for: principal, db)
            candidate.excusedReason = reason
            try candidate.update(db)
            try db.audit(principal, "exam.excuse", exam: id, "考试 \(id) 考生 \(staffNumber)", reason, at: now)
        }
    }

    /// Withdraws a 免考 granted by mistake: the candidate stands again as their attempt, or its absence, says.
    public func withdrawExcuse(of staffNumber: String, inExam id: Int64, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以撤销免考") }
        let now = clock()
        try await writer.write { db in
            let exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict("只能在成绩发布前撤销免考") }
            var candidate = try Self.candidate(staffNumber, of: id, for: principal, db)
            guard let reason = candidate.excusedReason else { throw LianbingError.conflict("该考生没有免考") }
            candidate.excusedReason = nil
            try candidate.update(db)
            try db.audit(principal, "exam.excuse.withdraw", exam: id, "考试 \(id) 考生 \(staffNumber)", "原免考原因：\(reason)", at: now)
        }
    }

    /// Ends the window now for everyone: attempts in progress are submitted as they stand. The close it was planned
    /// with is kept for its pages.
    ///
    /// The window ends in one short transaction that moves the open attempts' deadlines to now; the deadline sweep
    /// then submits them a batch at a time, marked on a reader. Marking thousands inside that transaction would hold
    /// the single writer for many seconds. Until the sweep reaches an attempt, reading it submits it on the spot.
    public func closeExam(_ id: Int64, by principal: Principal) async throws -> Exam {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以结束考试") }
        let now = clock()
        try await writer.write { db in
            var exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict("只能结束已发布、未发布成绩的考试") }
            if now < exam.closesAt {
                exam.plannedClosesAt = exam.closesAt
                exam.closesAt = now
            }
            try exam.update(db)
            try db.execute(sql: "UPDATE examCandidate SET closesAt = ? WHERE examId = ? AND closesAt > ?", arguments: [now, id, now])
            try db.execute(
                sql: "UPDATE attempt SET deadline = MIN(COALESCE(deadline, ?1), ?1) WHERE examId = ?2 AND state = ?3",
                arguments: [now, id, AttemptState.inProgress.rawValue])
            let cut = db.changesCount
            try db.audit(principal, "exam.close", exam: id, "考试 \(id)", "提前结束，自动交卷 \(cut) 份", at: now)
        }
        try await submitExpiredAttempts()
        return try await exam(id, by: principal)
    }

    /// Releases results once every window has closed and every short answer is marked; measured item statistics
    /// are written back to the bank at the same time.
    public func releaseResults(_ id: Int64, by principal: Principal) async throws -> Exam {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以发布成绩") }
        let now = clock()
        let cache = cache
        return try await writer.write { db in
            var exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict(exam.examStatus == .draft ? "考试尚未发布" : "成绩已发布") }
            let lastClose = try Date.fetchOne(db, sql: "SELECT MAX(closesAt) FROM examCandidate WHERE examId = ?", arguments: [id])
            guard now >= max(exam.closesAt, lastClose ?? exam.closesAt) else {
                throw LianbingError.conflict("考试尚未结束（含个人延长的截止时间），不能发布成绩")
            }
            var open = try AttemptRecord.filter(Column("examId") == id && Column("state") == AttemptState.inProgress.rawValue).fetchAll(db)
            for index in open.indices { try Self.finish(&open[index], as: .autoSubmitted, now: now, cache: cache, db) }
            let pending = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM attempt WHERE examId = ? AND pendingCount > 0", arguments: [id]) ?? 0
            guard pending == 0 else { throw LianbingError.conflict("还有 \(pending) 份试卷的简答题未阅完，阅卷完成后才能发布成绩") }
            exam.status = ExamStatus.released.rawValue
            exam.releasedAt = now
            try exam.update(db)
            try Self.storeMeasures(examId: id, now: now, db)
            let issued = try Self.issueCertificates(for: exam, by: principal, at: now, db)
            try db.audit(principal, "exam.release", exam: id, "考试 \(id)", exam.title + (exam.certifies ? "；发证 \(issued) 张" : ""), at: now)
            return try Self.exam(exam, db, now: now)
        }
    }
}
