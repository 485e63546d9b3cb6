import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing course assign|study-day|report` in-process over the shipped lessons and bank, and what bad input gets.
@Suite struct CourseAssignmentCommandTests {
    @Test func assignScheduleAndReportFromTheCommandLine() async throws {
        let fixture = try TrainingFixture("course-assign")
        try await fixture.prepare()
        try await fixture.run(["course", "import", CourseCommandTests.courseware, "--bank", CourseCommandTests.bank])
        let store = try fixture.store()
        let op = try await store.operatorPrincipal()
        let deadline = ChinaTime.civilDate(of: Date().addingTimeInterval(30 * 86_400)).description
        try await fixture.run([
            "course", "assign", "--unit", TrainingFixture.county, "--title", "第四季度必修", "--lesson", "WK-DW19", "--lesson", "WK-DW18",
            "--deadline", deadline, "--post", "接访员",
        ])
        let assignment = try #require(try await store.lessonAssignments(for: op).first)
        #expect(assignment.lessons.map(\.id) == ["WK-DW19", "WK-DW18"] && assignment.posts == ["接访员"])
        #expect(try await store.lessonAssignmentProgress(assignment.id, for: op).people.map(\.staffNumber) == ["GD2", "GD3"])
        try await fixture.run(["course", "assign", "--progress", "\(assignment.id)"])
        try await fixture.run(["course", "assign"])

        try await fixture.run([
            "course", "study-day", "--unit", TrainingFixture.county, "--title", "十二月学习日", "--starts", "2030-12-10 08:00",
            "--ends", "2030-12-10 21:00", "--hours", "2", "--lesson", "WK-DW19", "--self-test", "5",
        ])
        let session = try #require(try await store.trainingSessions(page: PageRequest(page: 1, perPage: 10), for: op).items.first { $0.kind == .studyDay })
        let day = try await store.studyDay(session.id, for: op)
        #expect(day.lessons.map(\.id) == ["WK-DW19"] && day.selfTestLength == 5 && day.session.invited == 5 && day.session.status == .published)
        try await fixture.run(["course", "report", "--unit", TrainingFixture.county])
        try await fixture.run(["course", "report"])
    }

    @Test func badInputIsRefusedWithAReason() async throws {
        let fixture = try TrainingFixture("course-assign-bad")
        try await fixture.prepare()
        try await fixture.run(["course", "import", CourseCommandTests.courseware, "--bank", CourseCommandTests.bank])
        #expect(TrainingFixture.refusal(["course", "assign", "--lesson", "WK-DW19"])?.contains("--deadline") == true)
        #expect(TrainingFixture.refusal(["course", "assign", "--unit", "x", "--title", "t", "--lesson", "WK-DW19", "--deadline", "2026-13-01"])?.contains("YYYY-MM-DD") == true)
        #expect(TrainingFixture.refusal(["course", "assign", "--progress", "0"]) != nil)
        #expect(TrainingFixture.refusal([
            "course", "study-day", "--unit", "x", "--title", "t", "--starts", "2030-12-10 08:00", "--ends", "2030-12-10 07:00", "--hours", "2", "--lesson", "A",
        ]) != nil)
        #expect(TrainingFixture.refusal([
            "course", "study-day", "--unit", "x", "--title", "t", "--starts", "2030-12-10 08:00", "--ends", "2030-12-10 09:00", "--hours", "2", "--lesson", "A",
            "--self-test", "1000",
        ]) != nil)
        #expect(await fixture.refused(["course", "assign", "--unit", "999", "--title", "t", "--lesson", "WK-DW19", "--deadline", "2099-01-01"]))
        #expect(await fixture.refused(["course", "assign", "--unit", TrainingFixture.county, "--title", "t", "--lesson", "NOPE", "--deadline", "2099-01-01"]))
        #expect(await fixture.refused(["course", "assign", "--progress", "99"]))
        #expect(await fixture.refused(["course", "report", "--unit", "999"]))
    }
}
