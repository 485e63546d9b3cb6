import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Progress on lessons, timed by the server; completion; the online-school hours it credits; study days; 必修.
@Suite("Lesson progress, hours, study days and required lessons")
struct LessonProgressTests {
    static func lesson(_ id: String, minutes: Int) -> Lesson {
        Lesson(
            id: id, title: "微课 \(id)", knowledgePoints: ["队伍建设/学习培训"], minutes: minutes, source: ExamBank.source,
            body: "## 讲解\n甲\n## 情景\n乙\n## 工作要求\n丙")
    }

    static func withLessons(_ lessons: [Lesson]) async throws -> Fixture {
        let fixture = try await Fixture.withExamBank()
        _ = try await fixture.db.importLessons(lessons, by: try await fixture.op())
        return fixture
    }

    /// Reads a lesson to its end in 15-second reports until enough time is counted.
    static func read(_ id: String, minutes: Int, _ fixture: Fixture, by staff: Principal) async throws -> LessonProgress {
        _ = try await fixture.db.openLesson(id, by: staff)
        var progress: LessonProgress?
        for step in 1...(minutes * 2 + 1) {
            fixture.clock.advance(by: 15)
            let last = step == minutes * 2 + 1
            progress = try await fixture.db.reportReading(id, ReadingReport(visible: true, readPermille: last ? 1000 : step * 10, atEnd: last), by: staff)
        }
        return progress!
    }

    static func passCheck(_ id: String, _ fixture: Fixture, by staff: Principal, right: Bool = true) async throws {
        let check = try await fixture.db.startLessonCheck(id, by: staff)
        #expect((3...5).contains(check.items.count) && check.items.allSatisfy { $0.kind != .shortAnswer })
        for item in check.items {
            _ = try await fixture.db.answerSelfTest(
                attempt: check.id, position: item.position, response: try await fixture.response(to: item, of: check, right: right), by: staff)
        }
    }

    @Test("Given reports from the page, then the server counts time in view with gaps capped, keeps the furthest point and the end")
    func serverTimedReading() async throws {
        let fixture = try await Self.withLessons([Self.lesson("L1", minutes: 6)])
        let staff = try await fixture.staffUser()
        await expectError(.conflict) { try await fixture.db.reportReading("L1", ReadingReport(visible: true, readPermille: 10, atEnd: false), by: staff) }
        let opened = try await fixture.db.openLesson("L1", by: staff)
        #expect(opened?.visibleSeconds == 0 && opened?.requiredSeconds == 180)
        fixture.clock.advance(by: 15)
        var progress = try await fixture.db.reportReading("L1", ReadingReport(visible: true, readPermille: 400, atEnd: false), by: staff)
        #expect(progress.visibleSeconds == 15 && progress.readPermille == 400)
        fixture.clock.advance(by: 3_600)  // the phone slept
        progress = try await fixture.db.reportReading("L1", ReadingReport(visible: false, readPermille: 200, atEnd: false), by: staff)
        #expect(progress.visibleSeconds == 45 && progress.readPermille == 400)
        fixture.clock.advance(by: 600)  // hidden: nothing counts
        progress = try await fixture.db.reportReading("L1", ReadingReport(visible: true, readPermille: 1000, atEnd: true), by: staff)
        #expect(progress.visibleSeconds == 45 && progress.endReachedAt != nil && progress.completedAt == nil)
        await expectError(.invalid) { try await fixture.db.reportReading("L1", ReadingReport(visible: true, readPermille: 1001, atEnd: false), by: staff) }
        await expectError(.notFound) { try await fixture.db.openLesson("NOPE", by: staff) }
        #expect(try await fixture.db.openLesson("L1", by: try await fixture.op()) == nil)
    }

    @Test("Given a lesson read but its check failed, then it is not complete; once passed with the time counted, it is, and hours are credited")
    func completionAndHours() async throws {
        let fixture = try await Self.withLessons([Self.lesson("L1", minutes: 30), Self.lesson("L2", minutes: 30)])
        let staff = try await fixture.staffUser()
        _ = try await Self.read("L1", minutes: 30, fixture, by: staff)
        try await Self.passCheck("L1", fixture, by: staff, right: false)
        #expect(try await fixture.db.lessonProgress("L1", by: staff)?.completedAt == nil)
        try await Self.passCheck("L1", fixture, by: staff)
        #expect(try await fixture.db.lessonProgress("L1", by: staff)?.completedAt != nil)
        // 30 minutes: two thirds of a 学时, rounded down to a half.
        #expect(try await fixture.db.myTraining(for: staff).attended.map(\.hours) == [0.5])

        // The check first, then the reading: the lesson completes when the last condition is met.
        _ = try await fixture.db.openLesson("L2", by: staff)
        try await Self.passCheck("L2", fixture, by: staff)
        #expect(try await fixture.db.lessonProgress("L2", by: staff)?.completedAt == nil)
        _ = try await Self.read("L2", minutes: 30, fixture, by: staff)
        #expect(try await fixture.db.lessonProgress("L2", by: staff)?.completedAt != nil)
        let record = try await fixture.db.myTraining(for: staff)
        let online = try #require(record.attended.first { $0.kind == .onlineSchool })
        #expect(online.hours == 1 && !online.countsForCoverage && record.attended.count == 1)
        #expect(record.hoursThisCycle == 1 && !record.isCovered)
        let learning = try await fixture.db.learningRecord(by: staff)
        #expect(learning.completedMinutes == 60 && learning.creditedHours == 1 && learning.entries.map(\.lesson.id) == ["L2", "L1"])
    }

    @Test("Given a study day, then finishing its lessons inside its window is attendance, and outside it is not")
    func studyDayAttendance() async throws {
        let fixture = try await Self.withLessons([Self.lesson("L1", minutes: 3), Self.lesson("L2", minutes: 3)])
        let staff = try await fixture.staffUser()
        let county = try await fixture.principal("county")
        let now = fixture.clock.now
        let today = TrainingSessionDraft(unitCode: Code.tianhe, title: "天河区学习日", kind: .studyDay, startsAt: now, endsAt: now.addingTimeInterval(8 * 3_600), hours: 2)
        let later = TrainingSessionDraft(
            unitCode: Code.tianhe, title: "下周学习日", kind: .studyDay, startsAt: now.addingTimeInterval(7 * 86_400), endsAt: now.addingTimeInterval(7 * 86_400 + 3_600), hours: 2)
        let day = try await fixture.db.scheduleStudyDay(today, lessons: ["L1", "L2"], selfTestLength: 5, by: county)
        let next = try await fixture.db.scheduleStudyDay(later, lessons: ["L1"], by: county)
        #expect(day.session.kind == .studyDay && day.lessons.map(\.id) == ["L1", "L2"] && day.session.topics == ["队伍建设/学习培训"])
        await expectError(.notFound) { try await fixture.db.scheduleStudyDay(today, lessons: ["L1"], by: try await fixture.principal("wujiang")) }
        await expectError(.invalid) { try await fixture.db.scheduleStudyDay(today, lessons: [], by: county) }
        await expectError(.notFound) { try await fixture.db.scheduleStudyDay(today, lessons: ["NOPE"], by: county) }

        _ = try await Self.read("L1", minutes: 3, fixture, by: staff)
        try await Self.passCheck("L1", fixture, by: staff)
        #expect(try await fixture.db.trainingAttendance(day.session.id, for: county).isEmpty)
        _ = try await Self.read("L2", minutes: 3, fixture, by: staff)
        try await Self.passCheck("L2", fixture, by: staff)
        let attendance = try await fixture.db.trainingAttendance(day.session.id, for: county)
        #expect(attendance.count == 1 && attendance[0].staffNumber == Roster.huashiInformant.number && attendance[0].status == .attended && attendance[0].hours == 2)
        #expect(try await fixture.db.trainingAttendance(next.session.id, for: county).isEmpty)
        let mine = try await fixture.db.myStudyDays(by: staff)
        #expect(mine.map(\.attended) == [true, false] && mine[0].completedInWindow == ["L1", "L2"])
    }

    @Test("Given required lessons, then staff see them unfinished first and the administrator sees who has not done them, in their subtree only")
    func requiredLessons() async throws {
        let fixture = try await Self.withLessons([Self.lesson("L1", minutes: 3), Self.lesson("L2", minutes: 3)])
        let staff = try await fixture.staffUser()
        let county = try await fixture.principal("county")
        let deadline = ChinaTime.civilDate(of: fixture.clock.now.addingTimeInterval(14 * 86_400))
        let assignment = try await fixture.db.assignLessons(
            LessonAssignmentDraft(unitCode: Code.tianhe, title: "第四季度必修", lessons: ["L1", "L2"], deadline: deadline), by: county)
        await expectError(.notFound) {
            try await fixture.db.assignLessons(LessonAssignmentDraft(unitCode: Code.wujiang, title: "越权", lessons: ["L1"], deadline: deadline), by: county)
        }
        await expectError(.forbidden) {
            try await fixture.db.assignLessons(LessonAssignmentDraft(unitCode: Code.tianhe, title: "培训师", lessons: ["L1"], deadline: deadline), by: try await fixture.trainer())
        }
        let yesterday = ChinaTime.civilDate(of: fixture.clock.now.addingTimeInterval(-86_400))
        await expectError(.invalid) {
            try await fixture.db.assignLessons(LessonAssignmentDraft(unitCode: Code.tianhe, title: "过期", lessons: ["L1"], deadline: yesterday), by: county)
        }
        #expect(try await fixture.db.myRequiredLessons(by: staff).map(\.lesson.id) == ["L1", "L2"])
        _ = try await Self.read("L2", minutes: 3, fixture, by: staff)
        try await Self.passCheck("L2", fixture, by: staff)
        let required = try await fixture.db.myRequiredLessons(by: staff)
        #expect(required.map(\.lesson.id) == ["L1", "L2"] && required.map(\.completed) == [false, true])
        let progress = try await fixture.db.lessonAssignmentProgress(assignment.id, for: county)
        // TH0001, TH0002, TH0003 are active in 天河; TH0004 has left.
        #expect(progress.people.count == 3 && progress.people.last?.staffNumber == Roster.huashiInformant.number && progress.people.last?.completed == 1)
        #expect(progress.finishedCount == 0)
        await expectError(.notFound) { try await fixture.db.lessonAssignmentProgress(assignment.id, for: try await fixture.principal("wujiang")) }
        #expect(try await fixture.db.lessonAssignments(for: try await fixture.principal("wujiang")).isEmpty)
        #expect(try await fixture.db.lessonAssignments(for: county).map(\.id) == [assignment.id])
        #expect(try await fixture.db.myRequiredLessons(by: try await fixture.principal("th1")).count == 2)
    }

    @Test("Given completions and failed checks, then the report counts them by unit and lesson within the caller's subtree, most-failed first")
    func report() async throws {
        let fixture = try await Self.withLessons([Self.lesson("L1", minutes: 3), Self.lesson("L2", minutes: 3)])
        let staff = try await fixture.staffUser()
        let th2 = try await fixture.principal("th2")
        _ = try await Self.read("L1", minutes: 3, fixture, by: staff)
        try await Self.passCheck("L1", fixture, by: staff, right: false)
        try await Self.passCheck("L1", fixture, by: staff)
        _ = try await Self.read("L2", minutes: 3, fixture, by: th2)
        try await Self.passCheck("L2", fixture, by: th2, right: false)
        try await Self.passCheck("L2", fixture, by: th2, right: false)
        try await Self.passCheck("L2", fixture, by: th2)
        let county = try await fixture.principal("county")
        let report = try await fixture.db.schoolReport(for: county)
        #expect(report.unitCode == Code.tianhe && report.units.map(\.code) == [Code.tianhe, Code.shipai, Code.wushan])
        #expect(report.units[0].staff == 3 && report.units[0].learners == 2 && report.units[0].completions == 2 && report.units[0].minutes == 6)
        #expect(report.units[2].learners == 0)
        #expect(report.lessons.map(\.checks) == [2, 3] && report.lessons.map(\.failedChecks) == [1, 2] && report.lessons.map(\.completions) == [1, 1])
        // L2 failed two checks in three (67%), L1 one in two (50%).
        #expect(report.mostFailed.map(\.id) == ["L2", "L1"])
        let wujiang = try await fixture.db.schoolReport(for: try await fixture.principal("wujiang"))
        #expect(wujiang.lessons.allSatisfy { $0.opened == 0 && $0.checks == 0 } && wujiang.mostFailed.isEmpty)
        await expectError(.notFound) { try await fixture.db.schoolReport(unit: Code.wujiang, for: county) }
        await expectError(.forbidden) { try await fixture.db.schoolReport(for: staff) }
    }
}
