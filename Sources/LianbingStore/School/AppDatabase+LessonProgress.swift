import Foundation
import GRDB
import LianbingCore

/// One person's progress on one lesson (学习进度), whatever revision they read.
public struct LessonProgress: Sendable, Codable, Equatable {
    public var lessonId: String
    /// The revision last opened.
    public var revision: Int
    public var openedAt: Date
    /// How far down they have read, in thousandths: another device resumes there.
    public var readPermille: Int
    public var visibleSeconds: Int
    /// In view this long, by the server's count, for the lesson to count.
    public var requiredSeconds: Int
    public var endReachedAt: Date?
    public var checkPassedAt: Date?
    public var completedAt: Date?
    /// The check (小测) in progress or last taken.
    public var checkAttemptId: Int64?

    public var isComplete: Bool { completedAt != nil }
}

/// What a lesson page reports as it is read.
public struct ReadingReport: Sendable, Codable, Equatable {
    /// Whether the page is in view now.
    public var visible: Bool
    /// How far down the page the reader has got, in thousandths.
    public var readPermille: Int
    /// The lesson's last line has been in view.
    public var atEnd: Bool

    public init(visible: Bool, readPermille: Int, atEnd: Bool) {
        self.visible = visible
        self.readPermille = readPermille
        self.atEnd = atEnd
    }
}

extension AppDatabase {
    /// Opens a lesson for the caller: the first time, progress starts; every time, the revision read is the current
    /// one and the page is in view from now. `nil` for accounts without a staff record, who read without progress.
    public func openLesson(_ id: String, by principal: Principal) async throws -> LessonProgress? {
        guard let number = principal.staffNumber else { return nil }
        let now = clock()
        return try await writer.write { db in
            let (revision, minutes) = try Self.activeLesson(id, db)
            try db.execute(
                sql: """
                    INSERT INTO lessonProgress (staffNumber, lessonId, revision, openedAt, visibleSince) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (staffNumber, lessonId) DO UPDATE SET revision = excluded.revision, visibleSince = excluded.visibleSince
                    """, arguments: [number, id, revision, now, now])
            return try Self.lessonProgress(number, id, minutes: minutes, db)!
        }
    }

    /// Takes a report from a lesson page: the server adds the time in view since the last report (see `ReadingClock`),
    /// keeps the furthest point read, and notes the end once reached. The lesson completes here when this was the last
    /// thing missing.
    public func reportReading(_ id: String, _ report: ReadingReport, by principal: Principal) async throws -> LessonProgress {
        let number = try Self.ownStaffNumber(principal)
        try InputBounds.check(report.readPermille, in: 0...1000, "阅读进度")
        let now = clock()
        return try await writer.write { db in
            let (revision, minutes) = try Self.activeLesson(id, db)
            guard let row = try Row.fetchOne(
                db, sql: "SELECT visibleSince FROM lessonProgress WHERE staffNumber = ? AND lessonId = ?", arguments: [number, id])
            else { throw LianbingError.conflict("请先打开这节微课") }
            let credit = ReadingClock.credit(since: row["visibleSince"], now: now)
            try db.execute(
                sql: """
                    UPDATE lessonProgress SET revision = ?, visibleSeconds = visibleSeconds + ?, visibleSince = ?,
                        readPermille = MAX(readPermille, ?), endReachedAt = COALESCE(endReachedAt, ?)
                    WHERE staffNumber = ? AND lessonId = ?
                    """,
                arguments: [revision, credit, report.visible ? now : nil, report.readPermille, report.atEnd ? now : nil, number, id])
            try Self.completeLessonIfDone(number, id, by: principal, now: now, db)
            return try Self.lessonProgress(number, id, minutes: minutes, db)!
        }
    }

    /// Starts the lesson's check (小测): a self-test of up to `LessonCompletion.checkLength` auto-marked practice
    /// questions on its knowledge points, under the same rules as any self-test (nothing from an open assessment's pool).
    public func startLessonCheck(_ id: String, by principal: Principal) async throws -> AttemptView {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        let cache = cache
        let seed = UInt64.random(in: .min ... .max)
        return try await writer.write { db in
            _ = try Self.activeLesson(id, db)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM lessonProgress WHERE staffNumber = ? AND lessonId = ?", arguments: [number, id]) != nil else {
                throw LianbingError.conflict("请先打开这节微课")
            }
            let points = try Self.lessonPoints(id, db)
            var generator = SeededGenerator(seed: seed)
            let pool = try Self.selfTestPool(for: number, now: now, db).filter(\.kind.isAutoMarked)
            let paper = SelfTestPicker.paper(pool: pool, knowledgePoints: points, length: LessonCompletion.checkLength, generator: &generator)
            guard !paper.items.isEmpty else { throw LianbingError.conflict("这节微课的知识点下暂时没有可练习的题目") }
            let view = try Self.openSelfTest(paper, for: number, now: now, cache: cache, db)
            try db.execute(
                sql: "UPDATE lessonProgress SET checkAttemptId = ? WHERE staffNumber = ? AND lessonId = ?", arguments: [view.id, number, id])
            try db.execute(sql: "INSERT INTO lessonCheck (attemptId, staffNumber, lessonId) VALUES (?, ?, ?)", arguments: [view.id, number, id])
            return view
        }
    }

    /// The caller's progress on one lesson; `nil` when never opened.
    public func lessonProgress(_ id: String, by principal: Principal) async throws -> LessonProgress? {
        guard let number = principal.staffNumber else { return nil }
        return try await reader.read { db in
            let (_, minutes) = try Self.activeLesson(id, db)
            return try Self.lessonProgress(number, id, minutes: minutes, db)
        }
    }

    /// Called when a self-test ends: when it was a lesson's check and passed, the check counts, and the lesson may
    /// complete.
    static func lessonCheckFinished(_ attempt: AttemptRecord, by principal: Principal, now: Date, _ db: Database) throws {
        guard let id = attempt.id, let score = attempt.score, LessonCompletion.passes(score: score, of: attempt.maxScore),
            let lessonId = try String.fetchOne(
                db, sql: "SELECT lessonId FROM lessonProgress WHERE checkAttemptId = ? AND staffNumber = ?", arguments: [id, attempt.staffNumber])
        else { return }
        try db.execute(
            sql: "UPDATE lessonProgress SET checkPassedAt = COALESCE(checkPassedAt, ?) WHERE staffNumber = ? AND lessonId = ?",
            arguments: [now, attempt.staffNumber, lessonId])
        try completeLessonIfDone(attempt.staffNumber, lessonId, by: principal, now: now, db)
    }

    /// Marks the lesson complete once its end was reached, enough time in view was counted and its check passed;
    /// then credits the cycle's online-school hours and any study day the lesson belongs to.
    static func completeLessonIfDone(_ number: String, _ lessonId: String, by principal: Principal, now: Date, _ db: Database) throws {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT p.revision, p.visibleSeconds, p.endReachedAt, p.checkPassedAt, p.completedAt, r.minutes
                FROM lessonProgress p JOIN lessonRevision r ON r.lessonId = p.lessonId AND r.revision = p.revision
                WHERE p.staffNumber = ? AND p.lessonId = ?
                """, arguments: [number, lessonId]),
            row["completedAt"] as Date? == nil
        else { return }
        let state = LessonCompletion(
            endReached: row["endReachedAt"] as Date? != nil, visibleSeconds: row["visibleSeconds"], checkPassed: row["checkPassedAt"] as Date? != nil)
        guard state.isComplete(minutes: row["minutes"]) else { return }
        try db.execute(
            sql: "UPDATE lessonProgress SET completedAt = ?, completedRevision = revision WHERE staffNumber = ? AND lessonId = ?",
            arguments: [now, number, lessonId])
        try creditOnlineSchoolHours(number, now: now, db)
        try recordStudyDayAttendance(number, completed: lessonId, by: principal, now: now, db)
    }

    /// An active lesson's current revision and minutes, or not found.
    static func activeLesson(_ id: String, _ db: Database) throws -> (revision: Int, minutes: Int) {
        guard Question.isValidID(id), let row = try Row.fetchOne(
            db,
            sql: "SELECT l.currentRevision, r.minutes, r.status FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision WHERE l.id = ?",
            arguments: [id]), row["status"] as String == QuestionStatus.active.rawValue
        else { throw LianbingError.notFound("微课 \(id.prefix(32))") }
        return (row["currentRevision"], row["minutes"])
    }

    static func lessonPoints(_ id: String, _ db: Database) throws -> [String] {
        let bars = try String.fetchOne(
            db, sql: "SELECT r.knowledgePoints FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision WHERE l.id = ?",
            arguments: [id]) ?? ""
        return TrainingSessionRecord.unbars(bars)
    }

    static func lessonProgress(_ number: String, _ id: String, minutes: Int, _ db: Database) throws -> LessonProgress? {
        try Row.fetchOne(db, sql: "SELECT * FROM lessonProgress WHERE staffNumber = ? AND lessonId = ?", arguments: [number, id]).map {
            lessonProgress($0, minutes: minutes)
        }
    }

    static func lessonProgress(_ row: Row, minutes: Int) -> LessonProgress {
        LessonProgress(
            lessonId: row["lessonId"], revision: row["revision"], openedAt: row["openedAt"], readPermille: row["readPermille"],
            visibleSeconds: row["visibleSeconds"], requiredSeconds: LessonCompletion.requiredSeconds(minutes: minutes),
            endReachedAt: row["endReachedAt"], checkPassedAt: row["checkPassedAt"], completedAt: row["completedAt"],
            checkAttemptId: row["checkAttemptId"])
    }
}
