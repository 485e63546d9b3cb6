import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A lesson read in the browser: the page's reports timed by the server, the check started from the page and leading
/// back to it, the learning record; and the administrators' page for required lessons, study days and the report.
@Suite struct LessonPagesTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        func read() -> Date { lock.withLock { now } }
        func advance(seconds: TimeInterval) { lock.withLock { now += seconds } }
    }

    static let lesson = Lesson(
        id: "WK-T1", title: "学习培训形式", knowledgePoints: ["队伍建设/学习培训形式"], minutes: 3, source: "粤退役军人发〔2023〕22号 二（五）19",
        body: "## 讲解\n> 搭建线上学习平台，用好“网校+微课”，充实培训教育手段。\n\n## 情景\n乙\n## 工作要求\n丙")

    static func app(_ clock: Clock) async throws -> TestApp {
        let app = try await TestApp.demoWithBank(database: try AppDatabase.inMemory(clock: { clock.read() }))
        _ = try await app.database.importLessons([Self.lesson], by: try await app.database.operatorPrincipal())
        return app
    }

    @Test func aLessonIsReadTimedByTheServerAndItsCheckLeadsBack() async throws {
        let clock = Clock()
        let app = try await Self.app(clock)
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let page = try await client.request(.get, "/school/lessons/WK-T1", session: staff)
            #expect(page.status == .ok && page.text.contains("学习进度") && page.text.contains("开始小测") && page.text.contains("school.js"))
            for _ in 0..<7 {
                clock.advance(seconds: 15)
                let report = try await client.request(.post, "/api/v1/lessons/WK-T1/reading", session: staff, json: #"{"visible":true,"readPermille":1000,"atEnd":true}"#)
                #expect(report.status == .ok)
            }
            let progress = try await client.request(.post, "/api/v1/lessons/WK-T1/reading", session: staff, json: #"{"visible":false,"readPermille":1000,"atEnd":true}"#)
                .json(LessonProgress.self)
            #expect(progress.visibleSeconds == 105 && progress.endReachedAt != nil && progress.completedAt == nil)
            let bad = try await client.request(.post, "/api/v1/lessons/WK-T1/reading", session: staff, json: #"{"visible":true,"readPermille":99999999999999999999,"atEnd":true}"#)
            #expect(bad.status == .badRequest || bad.status == .unprocessableContent)
            #expect(try await client.request(.post, "/api/v1/lessons/NOPE/reading", session: staff, json: #"{"visible":true,"readPermille":1,"atEnd":false}"#).status == .notFound)

            let started = try await client.request(.post, "/school/lessons/WK-T1/check", session: staff, form: [:])
            let location = try #require(started.headers[.location])
            #expect(started.status == .seeOther && location.hasPrefix("/my/self-tests/"))
            let id = Int64(location.dropFirst("/my/self-tests/".count))!
            let view = try await client.request(.get, "/api/v1/my/attempts/\(id)", session: staff).json(AttemptView.self)
            #expect((3...5).contains(view.items.count))
            for item in view.items {
                _ = try await client.request(.post, "/api/v1/my/self-tests/\(id)/answers/\(item.position)", session: staff, json: ExamAPITests.someResponse(item))
            }
            let result = try await client.request(.get, "/my/self-tests/\(id)", session: staff)
            #expect(result.text.contains("/school/lessons/WK-T1") && result.text.contains("返回微课"))
            let record = try await client.request(.get, "/school/record", session: staff)
            #expect(record.status == .ok && record.text.contains("学习培训形式") && record.text.contains("学时"))
            #expect(try await client.request(.get, "/api/v1/my/learning", session: staff).json(LearningRecord.self).entries.count == 1)
            // An administrator without a staff record reads the lesson without progress.
            let county = try await client.logIn("county")
            let read = try await client.request(.get, "/school/lessons/WK-T1", session: county)
            #expect(read.status == .ok && !read.text.contains("学习进度"))
        }
    }

    @Test func administratorsAssignLessonsAndScheduleAStudyDayFromTheManagePage() async throws {
        let clock = Clock()
        let app = try await Self.app(clock)
        let county = try await app.database.account("county", for: try await app.database.operatorPrincipal()).account.unitCode
        try await app.run { client in
            let admin = try await client.logIn("county")
            let manage = try await client.request(.get, "/school/manage", session: admin)
            #expect(manage.status == .ok && manage.text.contains("必修微课") && manage.text.contains("安排学习日") && manage.text.contains("学习培训形式"))
            let refused = try await client.request(.post, "/school/assignments", session: admin, form: ["unit_code": county, "title": "必修", "deadline": "2099-01-01"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("必修微课"))
            let deadline = ChinaTime.civilDate(of: clock.read().addingTimeInterval(7 * 86_400)).description
            let assigned = try await client.request(
                .post, "/school/assignments", session: admin, form: ["unit_code": county, "title": "十二月必修", "deadline": deadline, "lesson_WK-T1": "1"])
            let location = try #require(assigned.headers[.location])
            #expect(assigned.status == .seeOther && location.hasPrefix("/school/assignments/"))
            let progress = try await client.request(.get, location, session: admin)
            #expect(progress.status == .ok && progress.text.contains("尚未学完") && progress.text.contains("十二月必修"))

            let today = ChinaTime.civilDate(of: clock.read())
            let scheduled = try await client.request(
                .post, "/school/study-days", session: admin,
                form: [
                    "unit_code": county, "day_title": "十二月学习日", "starts_at": "\(today)T00:00", "ends_at": "\(today)T23:59", "hours": "2",
                    "self_test": "5", "day_lesson_WK-T1": "1",
                ])
            #expect(scheduled.status == .seeOther && scheduled.headers[.location]?.hasPrefix("/training/") == true)
            let staff = try await client.logIn("staff")
            let catalogue = try await client.request(.get, "/school", session: staff)
            #expect(catalogue.text.contains("必修微课") && catalogue.text.contains("十二月必修") && catalogue.text.contains("十二月学习日"))
            #expect(catalogue.text.contains("学习日自测（5 题）") && catalogue.text.contains(#"name="kp" value="队伍建设/学习培训形式""#))
            #expect(try await client.request(.get, "/school/manage", session: staff).status == .forbidden)
        }
    }

    @Test func theDemoCarriesRequiredLessonsAndAStudyDayOnce() async throws {
        let app = try await TestApp.demo()
        let op = try await app.database.operatorPrincipal()
        let lessons = ["WK-A", "WK-B", "WK-C"].map { id in
            Lesson(id: id, title: "演示微课 \(id)", knowledgePoints: Self.lesson.knowledgePoints, minutes: 3, source: Self.lesson.source, body: Self.lesson.body)
        }
        // Without lessons there is nothing to require.
        try await app.database.installDemoSchool()
        #expect(try await app.database.lessonAssignments(for: op).isEmpty)
        _ = try await app.database.importLessons(lessons, by: op)
        try await app.database.installDemoSchool()
        try await app.database.installDemoSchool()
        #expect(try await app.database.lessonAssignments(for: op).count == 1)
        let staff = try await app.database.logIn(username: "staff", password: AppDatabase.demoPassword, address: nil, userAgent: nil).session.principal
        #expect(try await app.database.myRequiredLessons(by: staff).map(\.lesson.id) == ["WK-A", "WK-B"])
        let days = try await app.database.myStudyDays(by: staff)
        #expect(days.count == 1 && days[0].studyDay.lessons.map(\.id) == ["WK-C"] && days[0].studyDay.selfTestLength == 5)
    }
}
