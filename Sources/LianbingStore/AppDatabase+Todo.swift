import Foundation
import GRDB
import LianbingCore

/// One thing waiting for the caller (待办), and the page where it is done.
public struct TodoItem: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        // A member of staff's own.
        case openExam = "open-exam"
        case upcomingExam = "upcoming-exam"
        case newResult = "new-result"
        case dueReview = "due-review"
        case requiredLesson = "required-lesson"
        case trainingSession = "training-session"
        case trainingDue = "training-due"
        // Trainers' and administrators', over their subtree.
        case runningExam = "running-exam"
        case marking
        case scoreReview = "score-review"
        case flaggedQuestions = "flagged-questions"
        // Administrators' only.
        case neverLoggedIn = "never-logged-in"
    }

    /// Most urgent first: past a deadline, then what should be done today, then what is coming.
    public enum Urgency: Int, Sendable, Codable, Comparable {
        case overdue, now, soon

        public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How a running exam stands: of its candidates (not excused), how many have started and how many handed in.
    public struct LiveCounts: Sendable, Codable, Equatable {
        public var candidates: Int
        public var started: Int
        public var submitted: Int
    }

    public var kind: Kind
    public var urgency: Urgency
    /// What it is about (an exam's, lesson's or session's title); `nil` for a count of things.
    public var title: String?
    /// How many: answers to mark, questions due, accounts, flagged questions, or further exams not listed one by one.
    public var count: Int?
    /// The moment that matters: an exam's close or opening, a session's start, a release, the oldest request.
    public var at: Date?
    /// A deadline that is a day, not a moment (China date).
    public var day: CivilDate?
    public var link: String
    /// An open exam the caller may start, or resume (`resumes`), from the list itself.
    public var examId: Int64?
    public var resumes: Bool = false
    public var minutes: Int?
    public var live: LiveCounts?
}

extension AppDatabase {
    /// Listed one by one up to this many per kind (running exams, exams with flagged questions); the rest are one
    /// line that links to the full list.
    static let todoListed = 5
    /// Results count as newly released for this long.
    static let newResultDays = 7
    /// An account nobody has signed in with, and that no administrator has disabled.
    static let neverLoggedIn = "a.lastLoginAt IS NULL AND NOT a.isDisabled"

    /// What waits for the caller, most urgent first: their own exams, results, reviews, lessons and training when
    /// they have a staff record; for trainers and administrators, their subtree's running exams, marking, score
    /// reviews and questions flagged by item statistics; for administrators, accounts never signed in. Each count
    /// over a subtree is one query that starts from the few rows waiting (or from the exams) and never reads every
    /// attempt, so the province's home page stays fast.
    public func todo(for principal: Principal) async throws -> [TodoItem] {
        var items: [TodoItem] = []
        if principal.staffNumber != nil { items += try await ownTodo(principal) }
        if principal.has(.trainer) { items += try await subtreeTodo(principal) }
        return items.sorted(by: Self.moreUrgent)
    }

    /// The name on the caller's staff record (not their username); `nil` for accounts without one.
    public func personName(of principal: Principal) async throws -> String? {
        guard let number = principal.staffNumber else { return nil }
        return try await reader.read { db in try String.fetchOne(db, sql: "SELECT name FROM staff WHERE number = ?", arguments: [number]) }
    }

    private static func moreUrgent(_ a: TodoItem, _ b: TodoItem) -> Bool {
        let kinds = TodoItem.Kind.allCases
        // A day's deadline falls at its last minute in China.
        let moment = { (item: TodoItem) in item.at ?? item.day.flatMap { ChinaTime.parse("\($0) 23:59") } ?? .distantFuture }
        return (a.urgency, moment(a), kinds.firstIndex(of: a.kind)!) < (b.urgency, moment(b), kinds.firstIndex(of: b.kind)!)
    }

    private func ownTodo(_ principal: Principal) async throws -> [TodoItem] {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        var items: [TodoItem] = []
        for exam in try await myExams(by: principal) {
            switch (exam.phase, exam.standing) {
            case (.open, .notStarted), (.open, .inProgress):
                let resumes = exam.standing == .inProgress
                items.append(TodoItem(
                    kind: .openExam, urgency: .now, title: exam.title, at: resumes ? exam.deadline ?? exam.closesAt : exam.closesAt,
                    link: "/my/exams", examId: exam.examId, resumes: resumes, minutes: Int(exam.duration / 60)))
            case (.upcoming, _):
                items.append(TodoItem(kind: .upcomingExam, urgency: .soon, title: exam.title, at: exam.opensAt, link: "/my/exams#exams-upcoming"))
            default: break
            }
        }
        let since = now.addingTimeInterval(-Double(Self.newResultDays) * 86_400)
        items += try await reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, e.title, e.releasedAt FROM attempt a JOIN exam e ON e.id = a.examId
                    WHERE a.staffNumber = ? AND e.status = 'released' AND e.releasedAt > ? ORDER BY e.releasedAt DESC
                    """, arguments: [number, since]
            ).map { TodoItem(kind: .newResult, urgency: .soon, title: $0["title"], at: $0["releasedAt"], link: "/my/attempts/\($0["id"] as Int64)") }
        }
        let due = try await reviewQueue(by: principal).dueCount
        if due > 0 { items.append(TodoItem(kind: .dueReview, urgency: .now, count: due, link: "/my/review")) }
        for lesson in try await myRequiredLessons(by: principal) where !lesson.completed {
            items.append(TodoItem(
                kind: .requiredLesson, urgency: lesson.overdue ? .overdue : .soon, title: lesson.lesson.title, day: lesson.deadline,
                link: "/school/lessons/\(lesson.lesson.id)", minutes: lesson.lesson.minutes))
        }
        let training = try await myTraining(for: principal)
        let today = ChinaTime.civilDate(of: now)
        for session in training.upcoming {
            let started = session.startsAt <= now || ChinaTime.civilDate(of: session.startsAt) == today
            items.append(TodoItem(kind: .trainingSession, urgency: started ? .now : .soon, title: session.title, at: session.startsAt, link: "/my/training"))
        }
        if let dueBy = training.dueBy {
            items.append(TodoItem(kind: .trainingDue, urgency: .soon, day: dueBy, link: "/my/training"))
        } else if !training.isCovered && !training.isNotDue {
            items.append(TodoItem(kind: .trainingDue, urgency: .soon, day: training.cycleLastDay, link: "/my/training"))
        }
        return items
    }

    private func subtreeTodo(_ principal: Principal) async throws -> [TodoItem] {
        let now = clock()
        let range: StatementArguments = [principal.scope.lowerBound, principal.scope.upperBound]
        let isAdmin = principal.has(.admin)
        // CROSS JOIN keeps SQLite to this order: from the few waiting rows (partial indexes of v16) out to their units,
        // rather than from every unit of a province-wide range in to its exams.
        return try await reader.read { db in
            var items = try Self.runningExams(now: now, range, db)
            let marking = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(a.pendingCount), 0) AS answers, MIN(a.submittedAt) AS oldest
                    FROM attempt a INDEXED BY attempt_pending_marks CROSS JOIN exam e ON e.id = a.examId CROSS JOIN unit u ON u.code = e.unitCode
                    WHERE a.pendingCount > 0 AND a.state IN ('submitted', 'auto-submitted') AND u.path >= ? AND u.path < ?
                    """, arguments: range)!
            if let answers = marking["answers"] as Int?, answers > 0 {
                items.append(TodoItem(kind: .marking, urgency: .now, count: answers, at: marking["oldest"], link: "/marking"))
            }
            let reviews = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS waiting, MIN(r.requestedAt) AS oldest FROM scoreReview r INDEXED BY scoreReview_waiting
                    CROSS JOIN attempt a ON a.id = r.attemptId CROSS JOIN exam e ON e.id = a.examId CROSS JOIN unit u ON u.code = e.unitCode
                    WHERE r.answeredAt IS NULL AND u.path >= ? AND u.path < ?
                    """, arguments: range)!
            if let waiting = reviews["waiting"] as Int?, waiting > 0 {
                items.append(TodoItem(kind: .scoreReview, urgency: .now, count: waiting, at: reviews["oldest"], link: "/score-reviews"))
            }
            items += try Self.flaggedQuestions(range, db)
            if isAdmin {
                let never = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM account a JOIN unit u ON u.code = a.unitCode WHERE \(Self.neverLoggedIn) AND u.path >= ? AND u.path < ?",
                    arguments: range) ?? 0
                if never > 0 { items.append(TodoItem(kind: .neverLoggedIn, urgency: .soon, count: never, link: "/accounts?never=1")) }
            }
            return items
        }
    }

    /// Exams of the subtree open now, closing soonest first, the first few with live counts. Exams are few beside
    /// units, so they are read first.
    private static func runningExams(now: Date, _ range: StatementArguments, _ db: Database) throws -> [TodoItem] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.title, e.closesAt FROM exam e CROSS JOIN unit u ON u.code = e.unitCode
                WHERE e.status = 'published' AND e.opensAt <= ? AND e.closesAt > ? AND u.path >= ? AND u.path < ?
                ORDER BY e.closesAt, e.id
                """, arguments: [now, now] + range)
        var items = try rows.prefix(todoListed).map { row in
            let id: Int64 = row["id"]
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM examCandidate WHERE examId = ? AND excusedReason IS NULL) AS candidates,
                           COUNT(*) AS started, COALESCE(SUM(state != 'in-progress' OR deadline <= ?), 0) AS submitted
                    FROM attempt WHERE examId = ?
                    """, arguments: [id, now, id])!
            return TodoItem(
                kind: .runningExam, urgency: .now, title: row["title"], at: row["closesAt"], link: "/exams/\(id)",
                live: TodoItem.LiveCounts(candidates: counts["candidates"], started: counts["started"], submitted: counts["submitted"]))
        }
        if rows.count > todoListed {
            items.append(TodoItem(kind: .runningExam, urgency: .now, count: rows.count - todoListed, at: rows[todoListed]["closesAt"], link: "/exams"))
        }
        return items
    }

    /// Questions whose latest measure in an exam of the subtree has negative discrimination and that have not been
    /// revised since (a revision is the fix; a retired question needs none), by exam, most recent first.
    private static func flaggedQuestions(_ range: StatementArguments, _ db: Database) throws -> [TodoItem] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.title, COUNT(*) AS flagged, MAX(m.measuredAt) AS measuredAt FROM questionMeasure m
                JOIN exam e ON e.id = m.examId JOIN unit u ON u.code = e.unitCode
                JOIN question q ON q.id = m.questionId JOIN questionRevision r ON r.questionId = q.id AND r.revision = q.currentRevision
                JOIN bankRevision b ON b.number = r.bankRevision
                WHERE m.discriminationIndex < 0 AND r.status != 'retired' AND b.createdAt <= m.measuredAt AND u.path >= ? AND u.path < ?
                GROUP BY e.id ORDER BY measuredAt DESC, e.id DESC
                """, arguments: range)
        var items = rows.prefix(todoListed).map { row in
            TodoItem(
                kind: .flaggedQuestions, urgency: .soon, title: row["title"], count: row["flagged"], at: row["measuredAt"],
                link: "/exams/\(row["id"] as Int64)/statistics")
        }
        if rows.count > todoListed {
            let more = rows.dropFirst(todoListed).reduce(0) { $0 + ($1["flagged"] as Int) }
            items.append(TodoItem(kind: .flaggedQuestions, urgency: .soon, count: more, link: "/exams"))
        }
        return items
    }
}
