import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The home page says what to do (待办) for each role, each line a link to where it is done, and `/api/v1/me` gives
/// the person's name from the roster.
@Suite("Home page 待办")
struct HomePageTests {
    @Test("Given the demo's open exam and an outside county's score review, then each role's home lists its own 待办 with links")
    func eachRoleSeesItsTodo() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        let exam = try await app.openDemoExam()
        _ = try await app.outsideExam(unit: anchors.outsideUnit)
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let me = try await client.request(.get, "/api/v1/me", session: staff).json(MeJSON.self)
            let name = try #require(me.name)
            let home = try await client.request(.get, "/", session: staff).text
            #expect(home.contains("<h1>您好，\(name)</h1>") && home.contains("id=\"todo\""))
            #expect(home.contains("考试：\(exam.title)") && home.contains("action=\"/my/exams/\(exam.id)/start\""))
            #expect(!home.contains("href=\"/score-reviews\""), "staff have no 成绩复核 menu")

            let trainer = try await client.request(.get, "/", session: try await client.logIn("trainer")).text
            #expect(trainer.contains("<a href=\"/exams/\(exam.id)\">考试进行中：\(exam.title)</a>"))
            #expect(trainer.contains("<a href=\"/score-reviews\">成绩复核</a>"), "the menu")
            #expect(!trainer.contains("从未登录"), "accounts are the administrators'")

            // The outside county's request is the province's to answer, not the demo county's.
            let county = try await client.request(.get, "/", session: try await client.logIn("county")).text
            #expect(county.contains("考试进行中：\(exam.title)") && !county.contains("成绩复核：1 份申请待答复"))
            #expect(!county.contains("从未登录"), "both accounts of the county have signed in")
            let admin = try await client.request(.get, "/", session: try await client.logIn("admin")).text
            #expect(admin.contains("<a href=\"/score-reviews\">成绩复核：1 份申请待答复</a>"))
            // The outside county's candidate has never signed in.
            #expect(admin.contains("<a href=\"/accounts?never=1\">1 个账号从未登录</a>"))
        }
    }

    @Test("Given accounts some of whom have signed in, then the never-signed-in list holds only the others, and /api/v1/me names only staff")
    func neverLoggedInListAndName() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let admin = try await client.logIn("admin")
            _ = try await client.logIn("staff")
            let page = try await client.request(.get, "/accounts?never=1", session: admin)
            #expect(page.status == .ok && page.text.contains("id=\"never-logged-in\""))
            #expect(page.text.contains("<td>county</td>") && page.text.contains("<td>trainer</td>"))
            #expect(!page.text.contains("<td>staff</td>") && !page.text.contains("<td>admin</td>"))
            let all = try await client.request(.get, "/accounts", session: admin).text
            #expect(all.contains("<td>staff</td>") && !all.contains("id=\"never-logged-in\""))

            let me = try JSONSerialization.jsonObject(with: Data(buffer: try await client.request(.get, "/api/v1/me", session: admin).body))
            #expect((me as? [String: Any])?["username"] as? String == "admin" && (me as? [String: Any])?["name"] == nil)
        }
    }
}
