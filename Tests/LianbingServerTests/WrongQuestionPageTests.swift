import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// An entry of the wrong-question book opens to the question, the last wrong answer, the key and explanation where
/// the integrity rules allow, and its lessons; on the page and through the API alike.
@Suite struct WrongQuestionPageTests {
    @Test("Given a wrong self-test answer, then its entry shows the key, the explanation, the answer given and the lessons; an unknown one is missing")
    func entryShowsKeyAnswerAndLessons() async throws {
        let app = try await TestApp.demo()
        let op = try await app.database.operatorPrincipal()
        let point = RecommendationPagesTests.point
        let question = Question(
            id: "TF-W1", kind: .trueFalse, stem: "判断题：每半年至少组织一次业务培训。", answer: .trueFalse(true), explanation: "每半年至少一次。",
            knowledgePoints: [point], difficulty: 3, source: "粤退役军人发〔2023〕22号 二（五）19", usage: .practice)
        _ = try await app.database.importQuestions(
            QuestionImport(questions: [LocatedQuestion(question: question, file: "bank.txt", line: 1)]), note: "test", by: op)
        _ = try await app.database.importLessons([RecommendationPagesTests.lesson("WK-W1", [point])], by: op)
        let staff = try await RecommendationPagesTests.staff(app)
        let test = try await app.database.startSelfTest(.knowledgePoints([point], length: 1), by: staff)
        _ = try await app.database.answerSelfTest(attempt: test.id, position: 0, response: .trueFalse(false), by: staff)

        try await app.run { client in
            let session = try await client.logIn("staff")
            #expect(try await client.request(.get, "/my/wrong-questions", session: session).text.contains("href=\"/my/wrong-questions/TF-W1\""))
            let page = try await client.request(.get, "/my/wrong-questions/TF-W1", session: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("正确答案：正确") && page.text.contains("解析：每半年至少一次。"))
            #expect(page.text.contains("上次答错") && page.text.contains("<span class=\"own-answer\">错误</span>"))
            #expect(page.text.contains("href=\"/school/lessons/WK-W1\""))
            let detail = try await client.request(.get, "/api/v1/my/wrong-questions/TF-W1", session: session).json(WrongQuestionDetail.self)
            #expect(detail.keyWithheld == nil && detail.item.feedback?.key == "正确" && detail.item.response == .trueFalse(false))
            #expect(detail.lessons.flatMap(\.lessons).map(\.id) == ["WK-W1"])
            #expect(try await client.request(.get, "/my/wrong-questions/NOT-THERE", session: session).status == .notFound)
            #expect(try await client.request(.get, "/api/v1/my/wrong-questions/NOT-THERE", session: session).status == .notFound)
            // Administrators without a staff record have no book.
            #expect(try await client.request(.get, "/api/v1/my/wrong-questions/TF-W1", session: try await client.logIn("county")).status == .forbidden)
        }
    }

    @Test("Given the demo's released exam, then its wrong answers are in the book, their keys withheld while the open demo exam draws on the same pool")
    func examEntriesWithholdKeysWhileTheirPoolIsOpen() async throws {
        let app = try await TestApp.demoWithExams()
        try await app.run { client in
            let session = try await client.logIn("staff")
            let book = try await client.request(.get, "/api/v1/my/wrong-questions", session: session).json([WrongQuestion].self)
            let entry = try #require(book.first, "the demo candidate got something wrong in last quarter's exam")
            let detail = try await client.request(.get, "/api/v1/my/wrong-questions/\(entry.questionId)", session: session).json(WrongQuestionDetail.self)
            #expect(detail.item.feedback == nil && detail.keyWithheld?.contains("尚未结束的集中考核") == true)
            #expect(detail.item.response != nil, "the answer given in the exam")
            let page = try await client.request(.get, "/my/wrong-questions/\(entry.questionId)", session: session).text
            #expect(page.contains("考试结束后再显示答案和解析") && !page.contains("正确答案：") && !page.contains("解析："))
            #expect(!page.contains("class=\"key\""), "no option is marked as the key")
        }
    }
}
