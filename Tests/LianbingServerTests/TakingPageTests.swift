import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The exam page is for the exam: no site menu while an attempt is in progress, the paper's size and pass mark told
/// before starting and with the result, and the service worker that keeps the page for reloading offline.
@Suite struct TakingPageTests {
    @Test("Given an exam, then 我的考试 and the result tell its questions, total points and pass mark, and the page in between shows no site menu")
    func examPageShowsOnlyTheExam() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let paper = "共 \(exam.blueprint.questionCount) 题 · 满分 \(MessageNumber.text(exam.blueprint.totalPoints)) 分 · 及格 \(MessageNumber.text(exam.passMark)) 分"
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let before = try await client.request(.get, "/my/exams", session: staff).text
            #expect(before.contains("<dd>\(paper)</dd>") && before.contains("data-confirm=\"\(paper)。开始后计时"), "\(paper)")
            let mine = try await client.request(.get, "/api/v1/my/exams", session: staff).json([MyExam].self)
            #expect(mine.first { $0.examId == exam.id }?.questionCount == exam.blueprint.questionCount)

            let started = try await client.request(.post, "/my/exams/\(exam.id)/start", session: staff, form: [:])
            let location = try #require(started.headers[.location])
            let take = try await client.request(.get, location, session: staff)
            #expect(take.headers[MyPagesController.offlineCopy] == "exam")
            #expect(!take.text.contains("class=\"mainnav\"") && !take.text.contains("href=\"/my/practice\"") && !take.text.contains("action=\"/logout\""))
            #expect(take.text.contains("id=\"page-exit\"") && take.text.contains("name=\"_csrf\" value=\"\(staff.csrf)\""))
            #expect(try await client.request(.get, "/my/exams", session: staff).text.contains("class=\"mainnav\""))

            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            #expect(try await client.request(.post, "/api/v1/my/attempts/\(id)/submit", session: staff, json: "{}").status == .ok)
            let result = try await client.request(.get, location, session: staff)
            #expect(result.headers[MyPagesController.offlineCopy] == nil)
            #expect(result.text.contains("<dd>\(paper)</dd>") && result.text.contains("class=\"mainnav\""))
        }
    }

    @Test("Given anyone, then /sw.js is the shipped worker, as a script the browser checks for updates on every visit")
    func serviceWorkerIsServedFromTheRoot() async throws {
        let shipped = try String(contentsOf: AssetBudgetTests.folder.appendingPathComponent("sw.js"), encoding: .utf8)
        try await TestApp.demo().run { client in
            let worker = try await client.request(.get, "/sw.js")
            #expect(worker.status == .ok && worker.text == shipped)
            #expect(worker.headers[.contentType] == "application/javascript; charset=utf-8")
            #expect(worker.headers[.cacheControl] == "no-cache")
        }
    }
}
