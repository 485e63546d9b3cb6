import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// The home page's 待办: what waits for a member of staff, a trainer and administrators, each linking to where it is
/// done, most urgent first, and over the caller's own subtree only.
@Suite("待办")
struct TodoTests {
    private static func kinds(_ items: [TodoItem]) -> [TodoItem.Kind] { items.map(\.kind) }

    private static func item(_ kind: TodoItem.Kind, _ items: [TodoItem]) throws -> TodoItem {
        try #require(items.first { $0.kind == kind }, "no \(kind) in \(kinds(items))")
    }

    /// The fixture with the exam bank, a required lesson for 天河区 due in three days and the exam open now.
    private static func staffFixture() async throws -> (Fixture, Exam) {
        let fixture = try await Fixture.withExamBank()
        _ = try await fixture.db.importLessons([LessonProgressTests.lesson("L1", minutes: 6)], by: try await fixture.op())
        let deadline = ChinaTime.civilDate(of: fixture.clock.now).adding(days: 3)!
        _ = try await fixture.db.assignLessons(
            LessonAssignmentDraft(unitCode: Code.tianhe, title: "本月必修", lessons: ["L1"], deadline: deadline), by: try await fixture.countyAdmin())
        return (fixture, try await fixture.publishedExam())
    }

    @Test("Given an open and an upcoming exam, a required lesson and an invitation, then staff see each, the open exam first with its start")
    func staffSeeTheirOwn() async throws {
        let (fixture, exam) = try await Self.staffFixture()
        var later = ExamBank.draft(fixture.clock)
        later.title = "下周补考"
        later.opensAt = fixture.clock.now.addingTimeInterval(86_400)
        later.closesAt = later.opensAt.addingTimeInterval(7_200)
        let upcoming = try await fixture.publishedExam(later)
        let county = try await fixture.countyAdmin()
        let session = try await fixture.db.createTrainingSession(tianheSession(), invitees: [Roster.huashiInformant.number], by: county)
        _ = try await fixture.db.publishTrainingSession(session.id, by: county)
        let staff = try await fixture.staffUser()

        let items = try await fixture.db.todo(for: staff)
        let training = try await fixture.db.myTraining(for: staff)
        let trainingDue = training.dueBy != nil || (!training.isCovered && !training.isNotDue)
        #expect(Self.kinds(items) == [.openExam, .trainingSession, .upcomingExam, .requiredLesson] + (trainingDue ? [.trainingDue] : []))
        let open = try Self.item(.openExam, items)
        #expect(open.urgency == .now && open.title == exam.title && open.examId == exam.id && !open.resumes && open.minutes == 30)
        #expect(open.link == "/my/exams" && open.at == exam.closesAt)
        // Starts at 09:00 China time today: today's business.
        let invited = try Self.item(.trainingSession, items)
        #expect(invited.urgency == .now && invited.title == "政策法规专题培训班" && invited.link == "/my/training")
        let soon = try Self.item(.upcomingExam, items)
        #expect(soon.urgency == .soon && soon.title == upcoming.title && soon.at == upcoming.opensAt && soon.examId == nil)
        let lesson = try Self.item(.requiredLesson, items)
        #expect(lesson.urgency == .soon && lesson.title == "微课 L1" && lesson.link == "/school/lessons/L1")
        #expect(lesson.day == ChinaTime.civilDate(of: fixture.clock.now).adding(days: 3))

        // Started: the same exam, to resume, by its own deadline.
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        let resumed = try Self.item(.openExam, try await fixture.db.todo(for: staff))
        #expect(resumed.resumes && resumed.at == view.deadline)

        // Past the lesson's deadline it is overdue, and comes before everything else.
        fixture.clock.advance(by: 5 * 86_400)
        let overdue = try await fixture.db.todo(for: staff)
        #expect(overdue.first?.kind == .requiredLesson && overdue.first?.urgency == .overdue)
        #expect(!Self.kinds(overdue).contains(.openExam), "the window has closed")

        #expect(try await fixture.db.personName(of: staff) == Roster.huashiInformant.name)
        #expect(try await fixture.db.personName(of: try await fixture.trainer()) == nil)
    }

    @Test("Given a submitted short answer, a released result, a due review and a score review, then trainer and staff each see theirs until done")
    func markingResultsReviews() async throws {
        let (fixture, exam) = try await Self.staffFixture()
        let staff = try await fixture.staffUser()
        let trainer = try await fixture.trainer()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: false, by: staff)
        let submitted = try await fixture.db.submitAttempt(view.id, by: staff)

        var items = try await fixture.db.todo(for: trainer)
        // Both for today; the older matter first: the answer handed in now, then the exam closing in two hours.
        #expect(Self.kinds(items) == [.marking, .runningExam])
        let running = try Self.item(.runningExam, items)
        #expect(running.title == exam.title && running.link == "/exams/\(exam.id)" && running.at == exam.closesAt)
        #expect(running.live == TodoItem.LiveCounts(candidates: 3, started: 1, submitted: 1))
        let marking = try Self.item(.marking, items)
        #expect(marking.count == 1 && marking.link == "/marking" && marking.at == submitted.submittedAt)
        #expect(!Self.kinds(try await fixture.db.todo(for: staff)).contains(.openExam), "handed in")

        fixture.clock.advance(by: 7_200 + 60)
        let answer = try #require(try await fixture.db.markingQueue(by: trainer).first)
        try await fixture.db.markAnswer(attempt: answer.attemptId, position: answer.position, score: 1, by: trainer)
        #expect(try await fixture.db.todo(for: trainer).isEmpty, "closed and marked: nothing left for the trainer")
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())

        let result = try Self.item(.newResult, try await fixture.db.todo(for: staff))
        #expect(result.title == exam.title && result.link == "/my/attempts/\(view.id)" && result.urgency == .soon)
        // The wrong answers fall due the next China day.
        fixture.clock.advance(by: 86_400)
        items = try await fixture.db.todo(for: staff)
        let due = try Self.item(.dueReview, items)
        #expect(due.count == (try await fixture.db.reviewQueue(by: staff).dueCount) && due.count! > 0 && due.link == "/my/review")

        let review = try await fixture.db.requestScoreReview(exam: exam.id, reason: "简答题要点都答到了", by: staff)
        let waiting = try Self.item(.scoreReview, try await fixture.db.todo(for: trainer))
        #expect(waiting.count == 1 && waiting.link == "/score-reviews" && waiting.at == review.requestedAt)
        #expect(try await fixture.db.todo(for: try await fixture.otherCountyAdmin()).allSatisfy { $0.kind == .neverLoggedIn })
        _ = try await fixture.db.answerScoreReview(review.id, reply: "维持原分", by: trainer)
        #expect(!Self.kinds(try await fixture.db.todo(for: trainer)).contains(.scoreReview))

        // Results stop being new after a week.
        fixture.clock.advance(by: 7 * 86_400)
        #expect(!Self.kinds(try await fixture.db.todo(for: staff)).contains(.newResult))
    }

    @Test("Given a question whose discrimination came out negative, then trainers see its exam's statistics until the question is revised")
    func flaggedQuestions() async throws {
        let (fixture, exam) = try await Self.staffFixture()
        let question = ExamBank.questions[0]
        try await fixture.db.writer.write { db in
            try db.execute(
                sql: "INSERT INTO questionMeasure (questionId, examId, candidates, facility, discriminationIndex, measuredAt) VALUES (?, ?, 30, 0.5, -12, ?)",
                arguments: [question.id, exam.id, fixture.clock.now])
        }
        let trainer = try await fixture.trainer()
        let flagged = try Self.item(.flaggedQuestions, try await fixture.db.todo(for: trainer))
        #expect(flagged.title == exam.title && flagged.count == 1 && flagged.link == "/exams/\(exam.id)/statistics" && flagged.urgency == .soon)
        #expect(!Self.kinds(try await fixture.db.todo(for: try await fixture.otherCountyAdmin())).contains(.flaggedQuestions))

        fixture.clock.advance(by: 60)
        var revised = question
        revised.stem += "（已更正）"
        _ = try await fixture.db.importQuestions(
            QuestionImport(questions: [LocatedQuestion(question: revised, file: "fix.txt", line: 1)]), note: "更正", by: try await fixture.op())
        #expect(!Self.kinds(try await fixture.db.todo(for: trainer)).contains(.flaggedQuestions))
    }

    @Test("Given accounts nobody has signed in with, then administrators count those of their subtree, and signing in or disabling removes one")
    func neverLoggedIn() async throws {
        let fixture = try await Fixture.withExamBank()
        let county = try await fixture.countyAdmin()
        let count = { (principal: Principal) in try await fixture.db.todo(for: principal).first { $0.kind == .neverLoggedIn }?.count }
        // county, staff, th1 and th2 are in 天河区.
        #expect(try await count(county) == 4)
        #expect(try await count(try await fixture.otherCountyAdmin()) == 1)
        #expect(try await count(try await fixture.trainer()) == nil, "trainers do not manage accounts")
        _ = try await fixture.db.logIn(username: "staff", password: Fixture.password, address: nil, userAgent: nil)
        try await fixture.db.setDisabled("th2", true, by: county)
        #expect(try await count(county) == 2)
        let item = try Self.item(.neverLoggedIn, try await fixture.db.todo(for: county))
        #expect(item.link == "/accounts?never=1" && item.urgency == .soon)
        // The link lists the same accounts.
        let listed = try await fixture.db.accounts(query: nil, unit: nil, neverLoggedIn: true, page: PageRequest(page: 1, perPage: 50), for: county)
        #expect(Set(listed.items.map(\.account.username)) == ["county", "th1"])
        let province = try await fixture.provinceAdmin()
        let all = try await fixture.db.accounts(query: nil, unit: nil, neverLoggedIn: true, page: PageRequest(page: 1, perPage: 50), for: province)
        #expect(try await count(province) == all.total)
    }

    @Test("Given sign-ins before v16, then the migration dates them from open sessions and own password changes; the rest never signed in")
    func lastLoginBackfill() async throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v15 lesson progress, required lessons, study days")
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO unit (code, name, level, parentCode, path) VALUES ('44', '省中心', 1, NULL, '/44/')")
            for (id, name) in [(1, "with-session"), (2, "changed-password"), (3, "never")] {
                try db.execute(
                    sql: """
                        INSERT INTO account (id, username, passwordHash, role, unitCode, mustChangePassword, isDisabled, createdAt)
                        VALUES (?, ?, 'x', 'admin', '44', 0, 0, ?)
                        """, arguments: [id, name, at])
            }
            try db.execute(
                sql: "INSERT INTO session (tokenHash, accountId, csrfToken, createdAt, lastSeenAt) VALUES ('t', 1, 'c', ?, ?)",
                arguments: [at.addingTimeInterval(60), at.addingTimeInterval(120)])
            try db.execute(
                sql: """
                    INSERT INTO auditEntry (at, actor, action, subject, detail, unitPath)
                    VALUES (?, 'changed-password', 'account.change-password', 'changed-password', '', '/44/')
                    """, arguments: [at.addingTimeInterval(180)])
        }
        try AppDatabase.migrator.migrate(queue)
        let dates = try await queue.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT username, lastLoginAt FROM account").map {
                ($0["username"] as String, $0["lastLoginAt"] as Date?)
            })
        }
        #expect(dates == ["with-session": at.addingTimeInterval(60), "changed-password": at.addingTimeInterval(180), "never": nil])
    }
}
