import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import NIOCore
import Testing

/// The holes of the security review, each shown closed.
@Suite struct HardeningTests {
    static func login(_ username: String, _ password: String) -> String {
        // `JSONEncoder` spells control characters as `\u0000`, as an attacker's client would send them.
        let body = try! JSONEncoder().encode(["username": username, "password": password])
        return String(decoding: body, as: UTF8.self)
    }

    // MARK: 1. Invisible characters in user names

    @Test func invisibleCharactersInAUsernameNeverLogInAndCountAgainstTheAddress() async throws {
        var app = try await TestApp.demo()
        app.settings.throttle.perAddress = 4
        try await app.run { client in
            // SQLite would read `county\0` as `county`; each variant would also have had a fresh budget.
            for variant in ["county\u{0}", "county\u{0}\u{0}", "coun\u{200B}ty", "county\u{FEFF}"] {
                let response = try await client.request(.post, "/api/v1/session", json: Self.login(variant, AppDatabase.demoPassword))
                #expect(response.status == .unauthorized, "\(variant.debugDescription)")
                #expect(response.errorCode == "unauthenticated")
            }
            // Four refusals used up this address's budget, so even the right name waits.
            let response = try await client.request(.post, "/api/v1/session", json: Self.login("county", AppDatabase.demoPassword))
            #expect(response.status == .tooManyRequests)
        }
    }

    @Test func aLockedAccountStaysLockedWhateverSpellingIsTyped() async throws {
        try await TestApp.demo().run { client in
            for spelling in ["county", "COUNTY", "County", "cOunty", "countY"] {
                #expect(try await client.request(.post, "/api/v1/session", json: Self.login(spelling, "wrong-guess1")).status == .unauthorized)
            }
            for spelling in ["county\u{0}", "COUNTY", "county\u{2028}"] {
                let response = try await client.request(.post, "/api/v1/session", json: Self.login(spelling, AppDatabase.demoPassword))
                #expect(response.status != .ok, "\(spelling.debugDescription)")
            }
        }
    }

    @Test func accountsCannotBeCreatedWithInvisibleCharacters() async throws {
        try await TestApp.demo().run { client in
            let admin = try await client.logIn("admin")
            for name in ["trainer2\u{0}", "trainer\u{200B}2", "trainer2\u{7}"] {
                let body = String(decoding: try JSONEncoder().encode(["username": name, "role": "staff", "unitCode": "440000000000"]), as: UTF8.self)
                let response = try await client.request(.post, "/api/v1/accounts", session: admin, json: body)
                #expect(response.status == .badRequest, "\(name.debugDescription)")
            }
        }
    }

    // MARK: 2. Open redirect through `next`

    @Test func nextRefusesEverythingABrowserCouldReadAsAnotherSite() {
        for next in [
            "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "/%0D%0A/evil.example", "/%2F/evil.example",
            "/\\evil.example", "/%5Cevil.example", "\\/evil.example", "/\u{200B}/evil.example", "/ /evil.example",
            "//evil.example", "/", "", "evil.example", "/%zz", "/\u{3000}/evil.example",
        ] {
            #expect(SessionController.safeNext(next) == "/", "\(next.debugDescription)")
        }
        for next in ["/staff", "/exams/3/results?unit=440117000000", "/staff?q=%E5%BC%A0", "/my/exams"] {
            #expect(SessionController.safeNext(next) == next)
        }
    }

    @Test func loginFormAndLoginPostBothDropATabbedNext() async throws {
        try await TestApp.demo().run { client in
            // A raw `%09` in the query is refused at the door (`RequestTargetMiddleware`); escaped once more it
            // reaches the login form, which must still not carry it.
            #expect(try await client.request(.get, "/login?next=/%09/evil.example").status == .badRequest)
            let page = try await client.request(.get, "/login?next=/%2509/evil.example")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"name="next" value="/">"#))
            let loginCookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let token = String(loginCookie.split(separator: "=", maxSplits: 1)[1])
            let form = "username=staff&password=lianbing-demo&_csrf=\(token)&next=%2F%09%2Fevil.example"
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers.append(HTTPField(name: .cookie, value: loginCookie))
            let response = try await client.inner.execute(uri: "/login", method: .post, headers: headers, body: .init(string: form))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
        }
    }

    // MARK: 3. Guessing the current password

    @Test func wrongCurrentPasswordsAreThrottledLikeLogins() async throws {
        try await TestApp.demo().run { client in
            let session = try await client.logIn("staff")
            let wrong = #"{"currentPassword":"not-mine-1","newPassword":"brand-new-2026"}"#
            for _ in 0..<5 {
                #expect(try await client.request(.post, "/api/v1/me/password", session: session, json: wrong).status == .badRequest)
            }
            let right = #"{"currentPassword":"lianbing-demo","newPassword":"brand-new-2026"}"#
            let api = try await client.request(.post, "/api/v1/me/password", session: session, json: right)
            #expect(api.status == .tooManyRequests)
            #expect(api.errorCode == "throttled")
            #expect(Int(api.headers[.retryAfter] ?? "") ?? 0 > 0)
            let form = try await client.request(
                .post, "/password", session: session,
                form: ["current_password": "lianbing-demo", "new_password": "brand-new-2026", "confirm_password": "brand-new-2026"])
            #expect(form.status == .tooManyRequests)
            #expect(form.text.contains("尝试次数过多"))
            #expect(Int(form.headers[.retryAfter] ?? "") ?? 0 > 0)
            // One budget: guessing through the session also holds logins to the account from this address.
            let login = try await client.request(.post, "/api/v1/session", json: Self.login("staff", AppDatabase.demoPassword))
            #expect(login.status == .tooManyRequests)
        }
    }

    @Test func htmlPasswordFormCountsWrongCurrentPasswords() async throws {
        try await TestApp.demo().run { client in
            let session = try await client.logIn("staff")
            for _ in 0..<5 {
                let response = try await client.request(
                    .post, "/password", session: session,
                    form: ["current_password": "not-mine-1", "new_password": "brand-new-2026", "confirm_password": "brand-new-2026"])
                #expect(response.status == .badRequest)
                #expect(response.text.contains("当前密码不正确"))
            }
            let right = #"{"currentPassword":"lianbing-demo","newPassword":"brand-new-2026"}"#
            #expect(try await client.request(.post, "/api/v1/me/password", session: session, json: right).status == .tooManyRequests)
        }
    }

    // MARK: 4. One address cannot lock an account for everyone

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = Date(timeIntervalSince1970: 1_700_000_000)
        func read() -> Date { lock.withLock { now } }
        func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }
    }

    @Test func failuresFromOneAddressLockOnlyThatAddress() async {
        let clock = Clock()
        let throttle = LoginThrottle(limits: .init(), clock: clock.read)
        for _ in 0..<5 { await throttle.recordFailure(account: "440117001", address: "10.0.0.66") }
        #expect(await throttle.retryAfter(account: "440117001", address: "10.0.0.66") == 15 * 60)
        #expect(await throttle.retryAfter(account: "440117001", address: "10.0.0.7") == nil)
        // The locked address may still try other accounts, up to its own limit.
        #expect(await throttle.retryAfter(account: "440117002", address: "10.0.0.66") == nil)
        clock.advance(15 * 60)
        #expect(await throttle.retryAfter(account: "440117001", address: "10.0.0.66") == nil)
    }

    @Test func anAddressSprayingManyAccountsIsStopped() async {
        let throttle = LoginThrottle(limits: .init(), clock: Clock().read)
        for account in 0..<30 { await throttle.recordFailure(account: "4401170\(account)", address: "10.0.0.66") }
        #expect(await throttle.retryAfter(account: "fresh", address: "10.0.0.66") != nil)
        #expect(await throttle.retryAfter(account: "fresh", address: "10.0.0.7") == nil)
    }

    @Test func guessingSpreadOverManyAddressesHitsTheAccountBackstop() async {
        let throttle = LoginThrottle(limits: .init(), clock: Clock().read)
        for address in 0..<49 { await throttle.recordFailure(account: "440117001", address: "10.0.1.\(address)") }
        #expect(await throttle.retryAfter(account: "440117001", address: "10.0.2.1") == nil)
        await throttle.recordFailure(account: "440117001", address: "10.0.1.49")
        #expect(await throttle.retryAfter(account: "440117001", address: "10.0.2.1") != nil)
        #expect(await throttle.retryAfter(account: "440117002", address: "10.0.2.1") == nil)
    }

    @Test func successClearsOnlyItsOwnPair() async {
        let throttle = LoginThrottle(limits: .init(perAccountAndAddress: 2, perAddress: 3, perAccount: 4), clock: Clock().read)
        await throttle.recordFailure(account: "a", address: "10.0.0.1")
        await throttle.recordFailure(account: "a", address: "10.0.0.1")
        await throttle.recordFailure(account: "a", address: "10.0.0.2")
        #expect(await throttle.retryAfter(account: "a", address: "10.0.0.1") != nil)
        await throttle.recordSuccess(account: "A", address: "10.0.0.2")
        #expect(await throttle.retryAfter(account: "a", address: "10.0.0.1") != nil)
        await throttle.recordFailure(account: "a", address: "10.0.0.3")
        // Four failures on the account in all: the backstop holds even for the address that just succeeded.
        #expect(await throttle.retryAfter(account: "a", address: "10.0.0.2") != nil)
    }

    @Test func theHolderSignsInFromAnotherAddressWhileOneIsLocked() async throws {
        try await withLiveServer { client, _ in
            let attacker: HTTPFields = [ClientAddressMiddleware.forwardedFor: "203.0.113.66"]
            let holder: HTTPFields = [ClientAddressMiddleware.forwardedFor: "198.51.100.7"]
            for _ in 0..<5 {
                let response = try await client.execute(uri: "/api/v1/session", method: .post, headers: Self.json(attacker), body: Self.body("county", "wrong-guess1"))
                #expect(response.status == .unauthorized)
            }
            let locked = try await client.execute(uri: "/api/v1/session", method: .post, headers: Self.json(attacker), body: Self.body("county", AppDatabase.demoPassword))
            #expect(locked.status == .tooManyRequests)
            let signedIn = try await client.execute(uri: "/api/v1/session", method: .post, headers: Self.json(holder), body: Self.body("county", AppDatabase.demoPassword))
            #expect(signedIn.status == .ok)
        }
    }

    // MARK: 5. Control characters and broken UTF-8 in the request target

    @Test func controlCharactersInPathOrQueryAnswer400BeforeRouting() async throws {
        try await TestApp.demo().run { client in
            for uri in [
                "/assets/take.js%00.html", "/assets/take.js%00", "/api/v1/me%00", "/staff?q=%00", "/login?next=%0A",
                "/staff?q=%1b", "/assets/app.css?x=%7F", "/assets/%C3%28.js", "/staff?q=%FF", "/api/v1/units?parent=%E5%BC",
            ] {
                let response = try await client.request(.get, uri)
                #expect(response.status == .badRequest, "\(uri)")
                if uri.hasPrefix("/api/") {
                    #expect(response.errorCode == "bad_request")
                } else {
                    #expect(response.text.contains("请求格式不正确"), "\(uri)")
                }
            }
            // Well-formed escapes, Chinese included, still pass.
            #expect(try await client.request(.get, "/assets/take.js").status == .ok)
            #expect(try await client.request(.get, "/login?next=%2Fstaff%3Fq%3D%E5%BC%A0").status == .ok)
        }
    }

    @Test func targetCheckDecodesEscapesOnce() {
        #expect(RequestTargetMiddleware.isClean("/staff?q=%E5%BC%A0&page=2"))
        #expect(RequestTargetMiddleware.isClean("/a%2"))
        #expect(RequestTargetMiddleware.isClean("/a%zz"))
        #expect(RequestTargetMiddleware.isClean("/a%2500"))
        #expect(!RequestTargetMiddleware.isClean("/a\u{0}"))
        #expect(!RequestTargetMiddleware.isClean("/a%00"))
        #expect(!RequestTargetMiddleware.isClean("/a?b=%09"))
        #expect(!RequestTargetMiddleware.isClean("/a%c0%af"))
        #expect(!RequestTargetMiddleware.isClean("/a%ED%A0%80"))
    }

    // MARK: 6. Authenticate before parsing

    @Test func anonymousStateChangingRequestsAnswer401BeforeTheirBodyIsRead() async throws {
        try await TestApp.demo().run { client in
            for (method, uri) in [(HTTPRequest.Method.post, "/api/v1/exams"), (.put, "/api/v1/exams/1"), (.post, "/api/v1/me/password"), (.post, "/api/v1/accounts")] {
                let response = try await client.inner.execute(
                    uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: "not json"))
                #expect(response.status == .unauthorized, "\(method) \(uri)")
                #expect(response.errorCode == "unauthenticated")
            }
            let form = try await client.request(.post, "/accounts", form: ["username": "%%%"])
            #expect(form.status == .found)
            #expect(form.headers[.location]?.hasPrefix("/login") == true)
            // Signing in and out still need no session.
            #expect(try await client.request(.post, "/api/v1/session", json: "not json").status == .badRequest)
            #expect(try await client.request(.delete, "/api/v1/session").status == .noContent)
        }
    }

    // MARK: 7. Client address behind a trusted proxy

    @Test func forwardedForCountsOnlyFromTheTrustedProxy() {
        let proxy = "10.0.0.2"
        #expect(ClientAddress.effective(socket: proxy, forwardedFor: ["203.0.113.9"], trustedProxy: proxy) == "203.0.113.9")
        // The right-most entry is the one the proxy appended; what the client sent sits to its left.
        #expect(ClientAddress.effective(socket: proxy, forwardedFor: ["1.1.1.1, 203.0.113.9"], trustedProxy: proxy) == "203.0.113.9")
        #expect(ClientAddress.effective(socket: proxy, forwardedFor: ["1.1.1.1", "203.0.113.9"], trustedProxy: proxy) == "203.0.113.9")
        #expect(ClientAddress.effective(socket: proxy, forwardedFor: ["2001:db8::1"], trustedProxy: proxy) == "2001:db8::1")
        #expect(ClientAddress.effective(socket: "::ffff:10.0.0.2", forwardedFor: ["203.0.113.9"], trustedProxy: proxy) == "203.0.113.9")
        // Not an address, or nothing: the socket's own.
        for header in [["evil.example"], ["203.0.113.9, "], ["203.0.113.9:443"], [], ["1.1.1.1, unknown"]] {
            #expect(ClientAddress.effective(socket: proxy, forwardedFor: header, trustedProxy: proxy) == proxy, "\(header)")
        }
        // From anyone else, or without the option, the header is the client's own claim and is ignored.
        #expect(ClientAddress.effective(socket: "10.0.0.3", forwardedFor: ["203.0.113.9"], trustedProxy: proxy) == "10.0.0.3")
        #expect(ClientAddress.effective(socket: proxy, forwardedFor: ["203.0.113.9"], trustedProxy: nil) == proxy)
        #expect(ClientAddress.effective(socket: nil, forwardedFor: ["203.0.113.9"], trustedProxy: proxy) == nil)
        #expect(ClientAddress.canonical("10.0.0.2") == "10.0.0.2")
        #expect(ClientAddress.canonical("2001:DB8:0::1") == "2001:db8::1")
        #expect(ClientAddress.canonical("proxy.local") == nil)
    }

    @Test func controllersSeeTheForwardedAddressOnlyBehindTheTrustedProxy() async throws {
        @Sendable func seen(_ client: any TestClientProtocol) async throws -> String {
            let headers: HTTPFields = [ClientAddressMiddleware.forwardedFor: "203.0.113.9"]
            return String(buffer: try await client.execute(uri: "/echo-address", method: .get, headers: headers).body)
        }
        // Without the option the header is ignored; the socket's address is learnt here for the other two cases.
        let socket = try await withLiveServer(trusting: .nobody) { client, socket in
            let seenAddress = try await seen(client)
            #expect(seenAddress == socket)
            return socket
        }
        let trusted = try await withLiveServer(trusting: .address(socket)) { client, _ in try await seen(client) }
        #expect(trusted == "203.0.113.9")
        let untrusted = try await withLiveServer(trusting: .address("192.0.2.1")) { client, socket in try await (seen(client), socket) }
        #expect(untrusted.0 == untrusted.1)
    }

    // MARK: Live server

    enum Trust { case nobody, connectingSocket, address(String) }

    static func json(_ extra: HTTPFields) -> HTTPFields {
        var headers = extra
        headers[.contentType] = "application/json"
        return headers
    }

    static func body(_ username: String, _ password: String) -> ByteBuffer { ByteBuffer(string: login(username, password)) }

    /// A real socket, which `app.test(.router)` lacks: the server listens on a free port of `localhost` and
    /// answers `/echo-address` with `context.remoteAddress`; `body` also gets the address the test client connects
    /// from. `.connectingSocket` trusts that address, learnt from a first server.
    @discardableResult
    func withLiveServer<T: Sendable>(
        trusting trust: Trust = .connectingSocket, _ body: @Sendable (any TestClientProtocol, String) async throws -> T
    ) async throws -> T {
        var app = try await TestApp.demo()
        switch trust {
        case .nobody: app.settings.trustedProxy = nil
        case .address(let address): app.settings.trustedProxy = address
        case .connectingSocket: app.settings.trustedProxy = try await withLiveServer(trusting: .nobody) { _, socket in socket }
        }
        let router = try await buildRouter(database: app.database, settings: app.settings)
        router.get("/echo-address") { _, context in context.remoteAddress ?? "" }
        return try await Application(router: router).test(.live) { client in
            // Without `X-Forwarded-For` the effective address is the socket's, whatever is trusted.
            let socket = String(buffer: try await client.execute(uri: "/echo-address", method: .get).body)
            return try await body(client, socket)
        }
    }
}
