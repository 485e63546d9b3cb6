import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// 以考促学: results lead to lessons — a person's 推荐学习, links from wrong answers, a unit's weak points and the
/// before-and-after comparison.
@Suite("From results to lessons")
struct RecommendationTests {
    static let point = "队伍建设/学习培训"

    static func lesson(_ id: String, _ points: [String], posts: [String] = []) -> Lesson {
        Lesson(
            id: id, title: "微课 \(id)", knowledgePoints: points, minutes: 6, posts: posts, source: ExamBank.source,
            body: "## 讲解\n甲\n## 情景\n乙\n## 工作要求\n丙")
    }

    /// The exam bank, and lessons: one on its knowledge point, one on another, one for directors only.
    static func fixture() async throws -> Fixture {
        let fixture = try await Fixture.withExamBank()
        _ = try await fixture.db.importLessons(
            [Self.lesson("L-A", [point]), Self.lesson("L-B", ["权益维护/法律援助"]), Self.lesson("L-D", [point], posts: [Post.director])],
            by: try await fixture.op())
        return fixture
    }

    /// Answers one auto-marked question of a new self-test on the bank's point, right or wrong.
    static func selfTestAnswer(_ fixture: Fixture, right: Bool, by principal: Principal) async throws -> AttemptView {
        let view = try await fixture.db.startSelfTest(.knowledgePoints(["队伍建设"], length: 100), by: principal)
        let item = view.items.first { $0.kind != .shortAnswer }!
        _ = try await fixture.db.answerSelfTest(
            attempt: view.id, position: item.position, response: try await fixture.response(to: item, of: view, right: right), by: principal)
        return view
    }

    static func complete(_ fixture: Fixture, _ staffNumber: String, _ lessonId: String, check: Int64? = nil) async throws {
        let now = fixture.clock.now
        try await fixture.db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO lessonProgress (staffNumber, lessonId, revision, openedAt, checkAttemptId, completedAt, completedRevision)
                    VALUES (?, ?, 1, ?, ?, ?, 1)
                    """, arguments: [staffNumber, lessonId, now, check, now])
        }
    }

    /// A blueprint without the short answer, so a submitted paper is fully marked at once.
    static var objectiveBlueprint: Blueprint {
        var blueprint = ExamBank.blueprint
        blueprint.sections.removeAll { $0.kind == .shortAnswer }
        blueprint.cells.removeAll { $0.kind == .shortAnswer }
        blueprint.totalPoints = 8
        return blueprint
    }

    @Test("Given wrong exam and self-test marks, then the lessons on the weak point are recommended with why; completed and other-post ones drop")
    func recommendationsFromExamAndSelfTestMarks() async throws {
        let fixture = try await Self.fixture()
        let staff = try await fixture.staffUser()
        #expect(try await fixture.db.recommendations(by: staff).isEmpty)
        let exam = try await fixture.publishedExam()
        let attempt = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(attempt, right: false, by: staff)
        _ = try await fixture.db.submitAttempt(attempt.id, by: staff)
        let fromExam = try await fixture.db.recommendations(by: staff)
        #expect(fromExam.map(\.lessonId) == ["L-A"])
        #expect(fromExam[0].points.map(\.reason) == ["集中考核中该知识点得分率 0%（答 4 题）"])

        // Self-test marks alone make a recommendation too, once there are two of them.
        let director = try await fixture.principal("th1")
        fixture.clock.advance(by: 7_201)
        _ = try await Self.selfTestAnswer(fixture, right: false, by: director)
        #expect(try await fixture.db.recommendations(by: director).isEmpty)
        _ = try await Self.selfTestAnswer(fixture, right: false, by: director)
        let fromSelfTests = try await fixture.db.recommendations(by: director)
        #expect(fromSelfTests.map(\.lessonId) == ["L-A", "L-D"])
        #expect(fromSelfTests[0].points.map(\.reason) == ["自我测试中该知识点得分率 0%（答 2 题）"])

        try await Self.complete(fixture, Roster.huashiInformant.number, "L-A")
        #expect(try await fixture.db.recommendations(by: staff).isEmpty)
        await expectError(.forbidden) { try await fixture.db.recommendations(by: try await fixture.countyAdmin()) }
    }

    @Test("Given wrong answers, then their lessons are given only where the wrong mark shows: every self-test question, an assessment's once its policy shows scores")
    func wrongAnswerLessonsFollowWhatIsShown() async throws {
        let fixture = try await Self.fixture()
        let staff = try await fixture.staffUser()
        var draft = ExamBank.draft(fixture.clock, blueprint: Self.objectiveBlueprint, review: ReviewPolicy(content: .answers, timing: .immediately))
        let exam = try await fixture.publishedExam(draft)
        let attempt = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(attempt, right: false, by: staff)
        #expect(try await fixture.db.wrongAnswerLessons(attempt: attempt.id, by: staff).isEmpty)
        _ = try await fixture.db.submitAttempt(attempt.id, by: staff)
        let reviewed = try await fixture.db.wrongAnswerLessons(attempt: attempt.id, by: staff)
        #expect(reviewed.keys.sorted() == [0, 1, 2, 3])
        #expect(reviewed[0]?.map(\.knowledgePoint) == [Self.point] && reviewed[0]?[0].lessons.map(\.id) == ["L-A", "L-D"])
        await expectError(.notFound) { try await fixture.db.wrongAnswerLessons(attempt: attempt.id, by: try await fixture.principal("th1")) }

        // A policy that shows only the score shows no wrong mark, so no lessons either.
        draft.title = "只公布成绩"
        draft.review = ReviewPolicy(content: .score, timing: .immediately)
        let hidden = try await fixture.db.startAttempt(exam: try await fixture.publishedExam(draft).id, client: .commandLine, by: staff)
        try await fixture.answerAll(hidden, right: false, by: staff)
        _ = try await fixture.db.submitAttempt(hidden.id, by: staff)
        #expect(try await fixture.db.wrongAnswerLessons(attempt: hidden.id, by: staff).isEmpty)

        fixture.clock.advance(by: 7_201)
        let selfTest = try await fixture.db.startSelfTest(.knowledgePoints(["队伍建设"], length: 3), by: staff)
        #expect(try await fixture.db.wrongAnswerLessons(attempt: selfTest.id, by: staff).keys.sorted() == [0, 1, 2])
        #expect(try await fixture.db.pointLessons([Self.point, "党建引领", Self.point]).map(\.knowledgePoint) == [Self.point])
    }

    @Test("Given the unit's latest assessments, then its weak points come from the last three that are over, scoped to the subtree")
    func unitWeakPoints() async throws {
        let fixture = try await Self.fixture()
        let staff = try await fixture.staffUser()
        let county = try await fixture.countyAdmin()
        // Four assessments, one after another: the oldest answered right, the three latest wrong.
        for round in 0..<4 {
            var draft = ExamBank.draft(fixture.clock)
            draft.title = "第 \(round + 1) 次考核"
            let attempt = try await fixture.db.startAttempt(exam: try await fixture.publishedExam(draft).id, client: .commandLine, by: staff)
            try await fixture.answerAll(attempt, right: round == 0, by: staff)
            _ = try await fixture.db.submitAttempt(attempt.id, by: staff)
            fixture.clock.advance(by: 7_201)
        }
        // One still open does not count.
        let open = try await fixture.db.startAttempt(exam: try await fixture.publishedExam().id, client: .commandLine, by: staff)
        try await fixture.answerAll(open, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(open.id, by: staff)

        let report = try await fixture.db.weakPoints(ofUnit: Code.tianhe, by: county)
        #expect(report.exams.map(\.title) == ["第 4 次考核", "第 3 次考核", "第 2 次考核"])
        #expect(report.exams.allSatisfy { $0.attempts == 1 })
        #expect(report.points.map(\.weakPoint) == [WeakPoint(knowledgePoint: Self.point, source: .assessment, accuracy: 0, answered: 12)])
        #expect(report.points[0].lessons.map(\.id) == ["L-A", "L-D"])
        #expect(try await fixture.db.weakPoints(by: county) == report)
        // Another county's administrator sees neither the unit nor anything of it from their own scope.
        await expectError(.notFound) { try await fixture.db.weakPoints(ofUnit: Code.tianhe, by: try await fixture.otherCountyAdmin()) }
        let wujiang = try await fixture.db.weakPoints(by: try await fixture.otherCountyAdmin())
        #expect(wujiang.unitCode == Code.wujiang && wujiang.exams.isEmpty && wujiang.points.isEmpty)
        await expectError(.forbidden) { try await fixture.db.weakPoints(ofUnit: Code.tianhe, by: staff) }
    }

    @Test("Given a studied person and a colleague of the same unit, then the comparison reads each side's windows by the clock, leaving out the lesson's check")
    func comparisonOnAControlledClock() async throws {
        let fixture = try await Self.fixture()
        let op = try await fixture.op()
        let colleague = Staff(number: "TH0005", name: "周八", unitCode: Code.huashi, post: Post.informant)
        _ = try await fixture.db.importStaff(Roster.rows([colleague]), file: "more.csv", by: op)
        try await fixture.db.createAccount(
            NewAccount(username: "th5", role: .staff, unitCode: Code.huashi, staffNumber: colleague.number, password: Fixture.password), by: op)
        let staff = try await fixture.staffUser()
        let other = try await fixture.principal("th5")

        _ = try await Self.selfTestAnswer(fixture, right: false, by: staff)
        _ = try await Self.selfTestAnswer(fixture, right: true, by: other)
        fixture.clock.advance(by: 10 * 86_400)
        let check = try await Self.selfTestAnswer(fixture, right: true, by: staff)
        fixture.clock.advance(by: 3_600)
        try await Self.complete(fixture, Roster.huashiInformant.number, "L-A", check: check.id)
        fixture.clock.advance(by: 10 * 86_400)
        _ = try await Self.selfTestAnswer(fixture, right: true, by: staff)
        _ = try await Self.selfTestAnswer(fixture, right: false, by: other)
        fixture.clock.advance(by: 100 * 86_400)
        _ = try await Self.selfTestAnswer(fixture, right: false, by: staff)

        let report = try await fixture.db.studyComparison(ofUnit: Code.tianhe, by: try await fixture.countyAdmin())
        #expect(report.windowDays == 90)
        let row = try #require(report.rows.first)
        #expect(report.rows.map(\.knowledgePoint) == [Self.point])
        #expect(row.studied.people == 1 && row.comparison.people == 1)
        #expect(row.studied.before.answered == 1 && row.studied.before.accuracy == 0)
        #expect(row.studied.after.answered == 1 && row.studied.after.accuracy == 1)
        #expect(row.comparison.before.answered == 1 && row.comparison.before.accuracy == 1)
        #expect(row.comparison.after.answered == 1 && row.comparison.after.accuracy == 0)

        await expectError(.notFound) { try await fixture.db.studyComparison(ofUnit: Code.tianhe, by: try await fixture.otherCountyAdmin()) }
        #expect(try await fixture.db.studyComparison(by: try await fixture.otherCountyAdmin()).rows.isEmpty)
        await expectError(.forbidden) { try await fixture.db.studyComparison(by: staff) }
    }
}
