import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The lesson catalogue and a lesson's page: every signed-in role reads them, the body is the safe rendering, and
/// nothing a lesson's author wrote runs in the reader's browser.
@Suite struct SchoolPagesTests {
    static let hostile = Lesson(
        id: "WK-X1", title: "带有恶意内容的微课", knowledgePoints: ["队伍建设/学习培训形式"], minutes: 5, source: "粤退役军人发〔2023〕22号 二（五）19",
        body: """
            ## 讲解
            > 搭建线上学习平台，用好“网校+微课”，充实培训教育手段。

            <script>alert(1)</script>
            ## 情景
            行内 <img src=x onerror="alert(2)"> 与 [链接](javascript:alert(3))
            ## 工作要求
            | 项目 | 要求 |
            | --- | --- |
            | 学习日 | 常态化 |
            """)

    @Test func everyoneReadsTheCatalogueAndALessonRendersSafely() async throws {
        let app = try await TestApp.demo()
        _ = try await app.database.importLessons([Self.hostile], by: try await app.database.operatorPrincipal())
        try await app.run { client in
            for user in ["staff", "trainer", "county", "admin"] {
                let session = try await client.logIn(user)
                let catalogue = try await client.request(.get, "/school", session: session)
                #expect(catalogue.status == .ok && catalogue.text.contains("带有恶意内容的微课") && catalogue.text.contains("队伍建设"), "\(user)")
            }
            let staff = try await client.logIn("staff")
            let page = try await client.request(.get, "/school/lessons/WK-X1", session: staff)
            #expect(page.status == .ok)
            let html = page.text.lowercased()
            #expect(html.contains("<blockquote>") && html.contains("<table>"))
            for active in ["<script>alert", "onerror", "javascript:alert"] { #expect(!html.contains(active), "\(active) survived") }
            #expect(try await client.request(.get, "/school/lessons/WK-NONE", session: staff).status == .notFound)
            #expect(try await client.request(.get, "/school/lessons/%3Cscript%3E", session: staff).status == .notFound)
            #expect(try await client.request(.get, "/school?point=%E9%98%9F%E4%BC%8D%E5%BB%BA%E8%AE%BE", session: staff).text.contains("WK-X1"))
            #expect(try await client.request(.get, "/school?point=%E6%9D%83%E7%9B%8A", session: staff).text.contains("还没有微课"))
            // Signed out: the login page.
            #expect(try await client.request(.get, "/school").status != .ok)
        }
    }

    @Test func theCatalogueFiltersByPostAndLessonsNamingNoPostAreForEveryone() async throws {
        let app = try await TestApp.demo()
        let op = try await app.database.operatorPrincipal()
        var forReceptionists = Self.hostile
        forReceptionists.id = "WK-JF"
        forReceptionists.title = "接访员专用微课"
        forReceptionists.posts = ["接访员"]
        var forEveryone = Self.hostile
        forEveryone.id = "WK-ALL"
        forEveryone.title = "人人适用微课"
        _ = try await app.database.importLessons([forReceptionists, forEveryone], by: op)
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let all = try await client.request(.get, "/school", session: staff).text
            #expect(all.contains("接访员专用微课") && all.contains("适用岗位：接访员") && all.contains("人人适用微课"))
            let other = try await client.request(.get, "/school?post=%E4%BF%A1%E6%81%AF%E5%91%98", session: staff).text
            #expect(!other.contains("接访员专用微课") && other.contains("人人适用微课"))
            let receptionists = try await client.request(.get, "/school?post=%E6%8E%A5%E8%AE%BF%E5%91%98", session: staff).text
            #expect(receptionists.contains("接访员专用微课") && receptionists.contains("人人适用微课"))
        }
    }
}
