import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// Saying what happened: account changes on the accounts page with its menu, the login page's way out of a
/// forgotten password, and a changed password confirmed.
@Suite struct AccountMessagesTests {
    @Test func disablingEnablingAndBulkCreationSaySoAndARefusalKeepsTheMenu() async throws {
        let app = try await TestApp.demo()
        let county = try await app.anchors().county
        try await app.run { client in
            let admin = try await client.logIn("county")
            let own = try await client.request(.post, "/accounts/county/disable", session: admin, form: [:])
            #expect(own.status == .conflict)
            #expect(own.text.contains("不能停用自己的账号") && own.text.contains("class=\"mainnav\"") && own.text.contains("<h1>账号管理</h1>"))

            let disabled = try await client.request(.post, "/accounts/staff/disable", session: admin, form: [:])
            #expect(disabled.status == .seeOther && disabled.headers[.location] == "/accounts?done=disabled&who=staff")
            #expect(try await client.request(.get, "/accounts?done=disabled&who=staff", session: admin).text.contains("已停用账号 staff，该账号已退出登录。"))
            let enabled = try await client.request(.post, "/accounts/staff/enable", session: admin, form: [:])
            #expect(enabled.headers[.location] == "/accounts?done=enabled&who=staff")
            #expect(try await client.request(.get, "/accounts?done=enabled&who=staff", session: admin).text.contains("已启用账号 staff。"))

            let bulk = try await client.request(.post, "/accounts/bulk", session: admin, form: ["unit_code": county])
            #expect(bulk.status == .ok && bulk.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = bulk.text
            #expect(page.contains("<h1>批量开通账号</h1>") && page.contains("已开通 ") && page.contains("class=\"mainnav\""))
            #expect(page.contains("data-download=\"issued-csv\"") && page.contains("/assets/issued.js"))
            let csv = try #require(page.range(of: "<textarea id=\"issued-csv\" hidden readonly aria-hidden=\"true\">"))
            #expect(page[csv.upperBound...].hasPrefix("用户名,初始密码"))
            let again = try await client.request(.post, "/accounts/bulk", session: admin, form: ["unit_code": county])
            #expect(again.text.contains("没有需要开通的账号") && !again.text.contains("data-download"))
        }
    }

    @Test func theLoginPageSaysWhomToAskAndAChangedPasswordIsConfirmed() async throws {
        let app = try await TestApp.demo()
        let issued = try await app.database.resetPassword("trainer", by: try await app.database.operatorPrincipal())
        try await app.run { client in
            #expect(try await client.request(.get, "/login").text.contains("忘记密码请联系本单位管理员"))
            let session = try await client.logIn("trainer", password: issued.password)
            let changed = try await client.request(
                .post, "/password", session: session,
                form: ["current_password": issued.password, "new_password": "trainer2026ok", "confirm_password": "trainer2026ok"])
            #expect(changed.status == .seeOther && changed.headers[.location] == "/password?done=1")
            let page = try await client.request(.get, "/password?done=1", session: session).text
            #expect(page.contains("密码已修改，下次登录请使用新密码。") && page.contains("class=\"mainnav\""))
        }
    }
}
