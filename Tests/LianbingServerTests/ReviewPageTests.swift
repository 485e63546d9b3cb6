import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// 今日复习 in the browser and the API: a question answered wrong is listed with its due date, and on that date it is
/// due and a review self-test starts from it.
@Suite struct ReviewPageTests {
    @Test("Given a question answered wrong, then the page and the API list it as upcoming tomorrow, and as due the next day with a review to start")
    func wrongAnswerIsScheduled() async throws {
        let clock = HardeningTests.Clock()
        let app = try await TestApp.demo(database: try AppDatabase.inMemory(clock: { clock.read() }))
        let text = """
            题号: REVIEW-001
            题型: 判断
            知识点: 测试/复习
            难度: 1
            用途: 练习
            出处: 测试
            题干: 复习题：答错后第二天复习。
            答案: 正确
            解析: 答错的题第二天到期。
            """
        let bank = try BankText.read(Data(text.utf8), file: "review.txt").get()
        _ = try await app.database.importQuestions(bank, note: "review", by: try await app.database.operatorPrincipal())
        let today = ChinaTime.civilDate(of: clock.read())
        let tomorrow = try #require(today.adding(days: 1))
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let empty = try await client.request(.get, "/my/review", session: staff)
            #expect(empty.status == .ok && empty.text.contains("今天没有到期的题") && !empty.text.contains("开始复习"))

            let started = try await client.request(
                .post, "/api/v1/my/self-tests", session: staff, json: #"{"knowledgePoints":["测试/复习"],"length":1}"#)
            let view = try started.json(AttemptView.self)
            _ = try await client.request(
                .post, "/api/v1/my/self-tests/\(view.id)/answers/0", session: staff, json: #"{"response":{"trueFalse":false}}"#)

            let queue = try await client.request(.get, "/api/v1/my/review", session: staff)
            #expect(queue.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: queue.body)) as? [String: Any])
            #expect(object["today"] as? String == today.description && object["dueCount"] as? Int == 0)
            let upcoming = try #require(object["upcoming"] as? [[String: Any]])
            #expect(upcoming.count == 1 && upcoming[0]["questionId"] as? String == "REVIEW-001")
            #expect(upcoming[0]["due"] as? String == tomorrow.description && upcoming[0]["reps"] as? Int == 1 && upcoming[0]["lapses"] as? Int == 0)
            #expect(Set(upcoming[0].keys) == ["questionId", "knowledgePoint", "stem", "kind", "due", "lastReview", "reps", "lapses"])
            let page = try await client.request(.get, "/my/review", session: staff).text
            #expect(page.contains("复习题：答错后第二天复习。") && page.contains("到期 \(tomorrow)"))
        }

        clock.advance(86_400)
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let queue = try await client.request(.get, "/api/v1/my/review", session: staff).json(ReviewQueue.self)
            #expect(queue.dueCount == 1 && queue.due.map(\.questionId) == ["REVIEW-001"] && queue.upcoming.isEmpty)
            let page = try await client.request(.get, "/my/review", session: staff).text
            #expect(page.contains("开始复习（到期 1 题）") && page.contains("今天到期") && page.contains("复习题：答错后第二天复习。"))
            let review = try await client.request(.post, "/my/practice", session: staff, form: ["review": "1", "length": "20"])
            #expect(review.status == .seeOther)
            let attempt = try #require(review.headers[.location])
            #expect(try await client.request(.get, attempt, session: staff).text.contains("自我测试（1 题）"))
            let api = try await client.request(.post, "/api/v1/my/self-tests", session: staff, json: #"{"dueReviews":true,"length":5}"#)
            #expect(api.status == .created)
            #expect(try api.json(AttemptView.self).items.count == 1)
        }
    }

    @Test("Given the practice and wrong-question pages, then both link to 今日复习")
    func linkedFromPractice() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            for path in ["/my/practice", "/my/wrong-questions"] {
                #expect(try await client.request(.get, path, session: staff).text.contains("href=\"/my/review\""), "\(path)")
            }
        }
    }
}
