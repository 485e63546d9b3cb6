import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

@Suite struct PageTests {
    @Test func loginPageIsChinese() async throws {
        try await TestApp.demo().run { client in
            let page = try await client.request(.get, "/login")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"zh-CN\">"))
            #expect(page.text.contains("用户名") && page.text.contains("密码"))
        }
    }

    @Test func homeShowsEachRoleItsOwnUnit() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let countyName = try await app.database.unitDetail(anchors.county, for: try await app.database.operatorPrincipal()).unit.name
        try await app.run { client in
            let admin = try await client.request(.get, "/", session: try await client.logIn("admin"))
            #expect(admin.text.contains("广东省") && admin.text.contains("账号管理"))
            let county = try await client.request(.get, "/", session: try await client.logIn("county"))
            #expect(county.text.contains(countyName))
            let staff = try await client.request(.get, "/", session: try await client.logIn("staff"))
            #expect(staff.text.contains("我的学习与考核"))
            #expect(!staff.text.contains("href=\"/accounts\""))
        }
    }

    @Test func unitTreeAndDetailPages() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            let tree = try await client.request(.get, "/units", session: county)
            #expect(tree.status == .ok)
            #expect(tree.text.contains("data-code=\"\(anchors.county)\""))
            let detail = try await client.request(.get, "/units/\(anchors.county)", session: county)
            #expect(detail.status == .ok)
            #expect(detail.text.contains("下级单位"))
            let children = try await client.request(.get, "/api/v1/units?parent=\(anchors.county)", session: county).json([UnitJSON].self)
            #expect(!children.isEmpty && children.allSatisfy { $0.parentCode == anchors.county })
        }
    }

    @Test func staffListSearchesAndPages() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let admin = try await client.logIn("admin")
            let page = try await client.request(.get, "/staff?q=\(anchors.insideStaff)", session: admin)
            #expect(page.text.contains(anchors.insideStaff))
            #expect(page.text.contains("共 1 人"))
            let api = try await client.request(.get, "/api/v1/staff?page=2&per_page=10", session: admin).json(PageJSON<StaffJSON>.self)
            #expect(api.page == 2 && api.perPage == 10 && api.items.count == 10 && api.total >= 500)
            let all = try await client.request(.get, "/staff", session: admin)
            #expect(all.text.contains("下一页"))
        }
    }

    @Test func bankTextIsEscapedOnPages() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let root = try await app.database.operatorPrincipal()
        let hostile = Staff(number: "GDX0001", name: "<script>alert(1)</script>", unitCode: anchors.county, post: Post.worker)
        _ = try await app.database.importStaff([StaffImportRow(line: 2, staff: hostile)], file: "t.csv", by: root)
        try await app.run { client in
            let page = try await client.request(.get, "/staff?q=GDX0001", session: try await client.logIn("admin"))
            #expect(!page.text.contains("<script>alert(1)</script>"))
            #expect(page.text.contains("&lt;script&gt;"))
        }
    }

    @Test func administratorCreatesResetsDisablesAndBulkCreatesAccountsInTheBrowser() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            let created = try await client.request(
                .post, "/accounts", session: county, form: ["username": "zhang.wei", "role": "trainer", "unit_code": anchors.county])
            #expect(created.status == .ok)
            #expect(created.text.contains("初始密码只显示这一次"))
            let duplicate = try await client.request(
                .post, "/accounts", session: county, form: ["username": "ZHANG.WEI", "role": "staff", "unit_code": anchors.county])
            #expect(duplicate.status == .badRequest)
            #expect(duplicate.text.contains("已被使用"))

            let staffSession = try await client.logIn("staff")
            let reset = try await client.request(.post, "/accounts/staff/reset-password", session: county, form: [:])
            #expect(reset.status == .ok && reset.text.contains("密码已重置"))
            #expect(try await client.request(.get, "/api/v1/me", session: staffSession).status == .unauthorized)

            #expect(try await client.request(.post, "/accounts/zhang.wei/disable", session: county, form: [:]).status == .seeOther)
            let list = try await client.request(.get, "/api/v1/accounts/zhang.wei", session: county).json(AccountJSON.self)
            #expect(list.isDisabled)
            #expect(try await client.request(.post, "/accounts/zhang.wei/enable", session: county, form: [:]).status == .seeOther)

            let bulk = try await client.request(.post, "/accounts/bulk", session: county, form: ["unit_code": anchors.county])
            #expect(bulk.status == .ok)
            #expect(bulk.text.contains("初始密码只显示这一次") && bulk.text.contains(">用户名,初始密码"))
            let again = try await client.request(.post, "/api/v1/accounts/bulk", session: county, json: #"{"unitCode":"\#(anchors.county)"}"#)
            #expect(again.text == #"{"issued":[],"skipped":[]}"#)
        }
    }
}

