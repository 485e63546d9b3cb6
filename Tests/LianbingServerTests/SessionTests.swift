import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

@Suite struct SessionTests {
    @Test func loginGivesAnHttpOnlyStrictCookieAndTheCSRFToken() async throws {
        try await TestApp.demo().run { client in
            let response = try await client.request(.post, "/api/v1/session", json: #"{"username":"admin","password":"lianbing-demo"}"#)
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let me = try response.json(MeJSON.self)
            #expect(me.username == "admin" && me.role == .admin && !me.csrfToken.isEmpty)
        }
    }

    @Test func wrongPasswordAndUnknownUserBothGive401() async throws {
        try await TestApp.demo().run { client in
            for body in [#"{"username":"admin","password":"nope-nope1"}"#, #"{"username":"ghost","password":"lianbing-demo"}"#] {
                let response = try await client.request(.post, "/api/v1/session", json: body)
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "unauthenticated")
            }
        }
    }

    @Test func loginRequiresJSONContentType() async throws {
        try await TestApp.demo().run { client in
            let response = try await client.request(.post, "/api/v1/session", form: ["username": "admin", "password": "lianbing-demo"], csrf: false)
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func meNeedsASessionAndLogoutEndsIt() async throws {
        try await TestApp.demo().run { client in
            #expect(try await client.request(.get, "/api/v1/me").status == .unauthorized)
            let session = try await client.logIn("staff")
            #expect(try await client.request(.get, "/api/v1/me", session: session).status == .ok)
            #expect(try await client.request(.delete, "/api/v1/session", session: session).status == .noContent)
            #expect(try await client.request(.get, "/api/v1/me", session: session).status == .unauthorized)
        }
    }

    @Test func repeatedWrongPasswordsAreThrottledWithRetryAfter() async throws {
        try await TestApp.demo().run { client in
            for _ in 0..<5 {
                let response = try await client.request(.post, "/api/v1/session", json: #"{"username":"county","password":"wrong-guess1"}"#)
                #expect(response.status == .unauthorized)
            }
            // Even the right password is refused until the window passes.
            let response = try await client.request(.post, "/api/v1/session", json: #"{"username":"county","password":"lianbing-demo"}"#)
            #expect(response.status == .tooManyRequests)
            #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
            // Other accounts are unaffected.
            _ = try await client.logIn("admin")
        }
    }

    @Test func stateChangingAPICallWithoutCSRFTokenIsRefused() async throws {
        try await TestApp.demo().run { client in
            let admin = try await client.logIn("admin")
            let body = #"{"username":"newbie","role":"staff","unitCode":"440000000000"}"#
            let refused = try await client.request(.post, "/api/v1/accounts", session: admin, json: body, csrf: false)
            #expect(refused.status == .forbidden)
            let wrong = try await client.request(.post, "/api/v1/accounts", session: Session(cookie: admin.cookie, csrf: "forged"), json: body)
            #expect(wrong.status == .forbidden)
            let accepted = try await client.request(.post, "/api/v1/accounts", session: admin, json: body)
            #expect(accepted.status == .created)
        }
    }

    @Test func formPostWithoutCSRFFieldIsRefused() async throws {
        try await TestApp.demo().run { client in
            let admin = try await client.logIn("admin")
            let refused = try await client.request(.post, "/accounts/county/disable", session: admin, form: [:], csrf: false)
            #expect(refused.status == .forbidden)
            #expect(try await client.request(.get, "/api/v1/me", session: try await client.logIn("county")).status == .ok)
            let accepted = try await client.request(.post, "/accounts/county/disable", session: admin, form: [:])
            #expect(accepted.status == .seeOther)
        }
    }

    @Test func loginFormUsesDoubleSubmitCookie() async throws {
        try await TestApp.demo().run { client in
            let page = try await client.request(.get, "/login")
            #expect(page.status == .ok)
            #expect(page.text.contains("登录"))
            let loginCookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let token = String(loginCookie.split(separator: "=", maxSplits: 1)[1])
            let form = "username=staff&password=lianbing-demo&_csrf=\(token)&next=%2Fpassword"
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers.append(HTTPField(name: .cookie, value: loginCookie))
            let ok = try await client.inner.execute(uri: "/login", method: .post, headers: headers, body: .init(string: form))
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/password")
            #expect(ok.headers[.setCookie]?.contains("lb_session=") == true)
            // Without the cookie the same form is refused: a cross-site page cannot forge a login.
            let forged = try await client.inner.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: .init(string: form))
            #expect(forged.status == .forbidden)
        }
    }

    @Test func loginNextCannotRedirectOffSite() {
        #expect(SessionController.safeNext("//evil.example/x") == "/")
        #expect(SessionController.safeNext("https://evil.example") == "/")
        #expect(SessionController.safeNext("/staff?q=1") == "/staff?q=1")
    }

    @Test func sessionSurvivesServerRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-restart-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
        let app = try await TestApp.demo(database: first)
        let session = try await withSession(app) { client in try await client.logIn("county") }
        // A second database handle and a new router stand in for a restarted server.
        let second = TestApp(database: try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4)))
        try await second.run { client in
            let me = try await client.request(.get, "/api/v1/me", session: session)
            #expect(me.status == .ok)
            #expect(try me.json(MeJSON.self).username == "county")
        }
    }

    @Test func generatedPasswordMustBeChangedBeforeAnythingElse() async throws {
        let app = try await TestApp.demo()
        let root = try await app.database.operatorPrincipal()
        let issued = try await app.database.resetPassword("trainer", by: root)
        try await app.run { client in
            let session = try await client.logIn("trainer", password: issued.password)
            let blocked = try await client.request(.get, "/api/v1/staff", session: session)
            #expect(blocked.status == .forbidden)
            #expect(blocked.errorCode == "password_change_required")
            let page = try await client.request(.get, "/staff", session: session)
            #expect(page.status == .found && page.headers[.location] == "/password")
            let change = #"{"currentPassword":"\#(issued.password)","newPassword":"trainer2026ok"}"#
            #expect(try await client.request(.post, "/api/v1/me/password", session: session, json: change).status == .noContent)
            #expect(try await client.request(.get, "/api/v1/staff", session: session).status == .ok)
        }
    }

    @Test func passwordFormExplainsRejectionInChinese() async throws {
        try await TestApp.demo().run { client in
            let session = try await client.logIn("staff")
            let response = try await client.request(
                .post, "/password", session: session,
                form: ["current_password": "lianbing-demo", "new_password": "short", "confirm_password": "short"])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("至少需要 8 个字符"))
        }
    }

    private func withSession<T: Sendable>(_ app: TestApp, _ body: @Sendable @escaping (Client) async throws -> T) async throws -> T {
        let box = ResultBox<T>()
        try await app.run { client in box.value = try await body(client) }
        return try #require(box.value)
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    var value: T? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
