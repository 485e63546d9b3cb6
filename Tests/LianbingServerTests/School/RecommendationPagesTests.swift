import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// 以考促学 in the browser and the API: wrong answers link to lessons, 推荐学习 lists them with why and starts a
/// targeted self-test, and administrators read their own subtree's weak points and comparison only.
@Suite struct RecommendationPagesTests {
    static let point = "队伍建设/学习培训"

    static func lesson(_ id: String, _ points: [String]) -> Lesson {
        Lesson(id: id, title: "微课 \(id)", knowledgePoints: points, minutes: 5, source: "粤退役军人发〔2023〕22号 二（五）19", body: "## 讲解\n甲\n## 情景\n乙\n## 工作要求\n丙")
    }

    /// The demo `staff` login as the store sees it.
    static func staff(_ app: TestApp) async throws -> Principal {
        let number = try #require(try await app.database.account("staff", for: try await app.database.operatorPrincipal()).account.staffNumber)
        return Principal(kind: .account(id: 0, username: "staff", role: .staff, staffNumber: number), scope: UnitPath(codes: []))
    }

    @Test func wrongSelfTestAnswersLinkToLessonsAndFeedTheRecommendations() async throws {
        let app = try await TestApp.demo()
        let op = try await app.database.operatorPrincipal()
        let questions = (1...3).map {
            Question(
                id: "TF-\($0)", kind: .trueFalse, stem: "判断题 \($0)：每半年至少组织一次业务培训。", answer: .trueFalse(true), explanation: "每半年。",
                knowledgePoints: [Self.point], difficulty: 3, source: "粤退役军人发〔2023〕22号 二（五）19", usage: .practice)
        }
        _ = try await app.database.importQuestions(
            QuestionImport(questions: questions.map { LocatedQuestion(question: $0, file: "bank.txt", line: 1) }), note: "test", by: op)
        _ = try await app.database.importLessons([Self.lesson("WK-R1", [Self.point]), Self.lesson("WK-OTHER", ["党建引领/红色文化阵地"])], by: op)
        let staff = try await Self.staff(app)
        let selfTest = try await app.database.startSelfTest(.knowledgePoints([Self.point], length: 3), by: staff)
        for position in 0..<2 { _ = try await app.database.answerSelfTest(attempt: selfTest.id, position: position, response: .trueFalse(false), by: staff) }

        try await app.run { client in
            let session = try await client.logIn("staff")
            // In progress: the page carries each question's lesson links for the feedback of a wrong answer.
            let taking = try await client.request(.get, "/my/self-tests/\(selfTest.id)", session: session)
            #expect(taking.status == .ok && taking.text.contains("data-lessons=") && taking.text.contains("/school/lessons/WK-R1"))
            _ = try await app.database.answerSelfTest(attempt: selfTest.id, position: 2, response: .trueFalse(false), by: staff)
            let result = try await client.request(.get, "/my/self-tests/\(selfTest.id)", session: session)
            #expect(result.status == .ok && result.text.contains("相关微课") && result.text.contains("href=\"/school/lessons/WK-R1\""))
            let book = try await client.request(.get, "/my/wrong-questions", session: session)
            #expect(book.text.contains("href=\"/school/lessons/WK-R1\"") && !book.text.contains("WK-OTHER"))

            let page = try await client.request(.get, "/school/recommended", session: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("微课 WK-R1") && page.text.contains("自我测试中该知识点得分率 0%（答 3 题）") && !page.text.contains("WK-OTHER"))
            #expect(page.text.contains("action=\"/my/practice\"") && page.text.contains("name=\"kp\" value=\"\(Self.point)\""))
            let api = try await client.request(.get, "/api/v1/my/recommendations", session: session)
            #expect(try api.json([StudyRecommendation].self).map(\.lessonId) == ["WK-R1"])
            // The targeted self-test starts from the page's form.
            let start = try await client.request(.post, "/my/practice", session: session, form: ["kp": Self.point, "length": "10"])
            #expect(start.status == .seeOther && start.headers[.location]?.hasPrefix("/my/self-tests/") == true)

            // Administrators without a staff record get the page, saying why it is empty, and a 403 from the API.
            let county = try await client.logIn("county")
            let none = try await client.request(.get, "/school/recommended", session: county)
            #expect(none.status == .ok && none.text.contains("只有关联了工作人员档案的账号"))
            #expect(try await client.request(.get, "/api/v1/my/recommendations", session: county).status == .forbidden)
        }
    }

    @Test func examReviewLinksAndTheUnitReportsStayInTheirSubtree() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let staff = try await Self.staff(app)
        let anchors = try await app.anchors()
        #expect(try await app.database.mastery(by: staff).assessment.byKnowledgePoint.values.contains { $0.correct < $0.answered }, "the demo candidate got something wrong")
        let points = try await app.database.mastery(ofUnit: anchors.county, by: op).assessment.byKnowledgePoint.keys.sorted()
        _ = try await app.database.importLessons([Self.lesson("WK-E1", points)], by: op)
        let past = try #require(try await app.database.myExams(by: staff).first { $0.phase == .released }?.attemptId)

        try await app.run { client in
            let session = try await client.logIn("staff")
            let review = try await client.request(.get, "/my/attempts/\(past)", session: session)
            #expect(review.status == .ok && review.text.contains("href=\"/school/lessons/WK-E1\""))
            #expect(try await client.request(.get, "/school/weak-points", session: session).status == .forbidden)

            let county = try await client.logIn("county")
            let weak = try await client.request(.get, "/school/weak-points", session: county)
            #expect(weak.status == .ok && weak.text.contains("演示：第三季度集中考核") && !weak.text.contains("演示：第四季度集中考核"))
            let json = try await client.request(.get, "/api/v1/units/\(anchors.county)/weak-points", session: county)
            let report = try json.json(UnitWeakPoints.self)
            #expect(report.unitCode == anchors.county && report.exams.count == 1)
            #expect(report.points.allSatisfy { $0.weakPoint.accuracy < WeakPoint.weakBelow && $0.lessons.map(\.id) == ["WK-E1"] })
            let comparison = try await client.request(.get, "/school/comparison", session: county)
            #expect(comparison.status == .ok && comparison.text.contains("对比，不代表因果"))
            for uri in ["/school/weak-points?unit=\(anchors.outsideUnit)", "/school/comparison?unit=\(anchors.outsideUnit)", "/api/v1/units/\(anchors.outsideUnit)/weak-points"] {
                #expect(try await client.request(.get, uri, session: county).status == .notFound, "\(uri)")
            }
            // The new-session form offers the audience's weak points (filled in by the page's script).
            let training = try await client.request(.get, "/training", session: county)
            #expect(training.text.contains("data-weak-points") && training.text.contains("href=\"/school/weak-points\""))
        }
    }
}
