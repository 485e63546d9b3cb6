import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The online school's routes: lessons are everyone's, progress is the caller's own, and required lessons and study
/// days belong to a subtree. (`ScopeTests` probes every route with `SchoolScopeTests.probes`.)
@Suite struct SchoolScopeTests {
    /// Required lessons and a study day of another county; ids default to ones that exist nowhere.
    struct OutsideSchool: Sendable {
        var assignment: Int64
        var studyDay: Int64
        static let none = OutsideSchool(assignment: 0, studyDay: 0)
    }

    static let unscoped: [String: String] = [
        "GET /school": "the lessons are the province's teaching material, read by everyone signed in (SchoolPagesTests)",
        "GET /school/lessons/{lesson}": "the lessons are the province's teaching material, read by everyone signed in (SchoolPagesTests)",
        "POST /school/lessons/{lesson}/check": "the caller's own check on a lesson everyone may read (LessonPagesTests)",
        "GET /school/record": "the caller's own learning record (LessonPagesTests)",
        "POST /api/v1/lessons/{lesson}/reading": "the caller's own progress on a lesson everyone may read (LessonPagesTests)",
        "POST /api/v1/lessons/{lesson}/check": "the caller's own check on a lesson everyone may read (LessonPagesTests)",
        "GET /api/v1/my/learning": "the caller's own learning record",
        "GET /api/v1/my/required-lessons": "the lessons required of the caller",
        "GET /api/v1/lesson-assignments": "lists only the caller's subtree's required lessons (LessonProgressTests.requiredLessons)",
    ]

    /// Requests that reach for another county's unit `u`, required lessons or study day.
    static func probes(_ o: OutsideSchool, outsideUnit u: String) -> [String: [ScopeTests.Probe]] {
        [
            "POST /api/v1/lesson-assignments": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/lesson-assignments", json: #"{"unitCode":"\#(u)","title":"越权","posts":[],"lessons":["WK-XD19"],"deadline":"2099-01-01"}"#)
            ],
            "GET /api/v1/lesson-assignments/{assignment}": [ScopeTests.Probe(method: .get, uri: "/api/v1/lesson-assignments/\(o.assignment)")],
            "POST /api/v1/study-days": [
                ScopeTests.Probe(
                    method: .post, uri: "/api/v1/study-days",
                    json: #"{"unitCode":"\#(u)","title":"越权","startsAt":"2030-01-01T01:00:00Z","endsAt":"2030-01-01T03:00:00Z","hours":2,"lessons":["WK-XD19"]}"#)
            ],
            "GET /api/v1/study-days/{session}": [ScopeTests.Probe(method: .get, uri: "/api/v1/study-days/\(o.studyDay)")],
            "GET /school/manage": [ScopeTests.Probe(method: .get, uri: "/school/manage?unit=\(u)")],
            "GET /school/assignments/{assignment}": [ScopeTests.Probe(method: .get, uri: "/school/assignments/\(o.assignment)")],
            // Without the lesson (the shared demo has none) the form is refused as incomplete before its unit is looked at.
            "POST /school/assignments": [
                ScopeTests.Probe(
                    method: .post, uri: "/school/assignments",
                    form: ["unit_code": u, "title": "越权", "deadline": "2099-01-01", "lesson_WK-XD19": "1"], refusedAs: [.notFound, .unprocessableContent])
            ],
            "POST /school/study-days": [
                ScopeTests.Probe(
                    method: .post, uri: "/school/study-days",
                    form: ["unit_code": u, "day_title": "越权", "starts_at": "2030-01-01T09:00", "ends_at": "2030-01-01T11:00", "hours": "2", "day_lesson_WK-XD19": "1"],
                    refusedAs: [.notFound, .unprocessableContent])
            ],
        ]
    }

    @Test func countyAdministratorCannotReachAnotherCountysRequiredLessonsOrStudyDay() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        // The probes name this lesson, so a refusal comes from the scope, not from a missing lesson.
        let lesson = "WK-XD19"
        _ = try await app.database.importLessons(
            [Lesson(id: lesson, title: "学习日", knowledgePoints: ["队伍建设"], minutes: 5, source: "粤退役军人发〔2023〕22号 二（五）19", body: "## 讲解\n甲\n## 情景\n乙\n## 工作要求\n丙")],
            by: op)
        let now = Date()
        let assignment = try await app.database.assignLessons(
            LessonAssignmentDraft(unitCode: anchors.outsideUnit, title: "外县必修", lessons: [lesson], deadline: ChinaTime.civilDate(of: now.addingTimeInterval(86_400))), by: op)
        let day = try await app.database.scheduleStudyDay(
            TrainingSessionDraft(unitCode: anchors.outsideUnit, title: "外县学习日", kind: .studyDay, startsAt: now, endsAt: now.addingTimeInterval(3_600), hours: 1),
            lessons: [lesson], by: op)
        let outside = OutsideSchool(assignment: assignment.id, studyDay: day.session.id)
        try await app.run { client in
            let county = try await client.logIn("county")
            for (route, requests) in Self.probes(outside, outsideUnit: anchors.outsideUnit).sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response = try await client.request(probe.method, probe.uri, session: county, json: probe.json, form: probe.form)
                    #expect(response.status == .notFound, "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("外县"))
                }
            }
            #expect(!(try await client.request(.get, "/api/v1/lesson-assignments", session: county).text.contains("外县必修")))
        }
    }
}
