import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// Signing in with the code on the organiser's screen: each refusal answers its own status, and wrong codes are
/// throttled as wrong passwords are.
@Suite struct TrainingSignInTests {
    @Test("Given a published session, then sign-in refusals answer 409 outside the window or twice, 403 outside the audience, 400 for a wrong code")
    func refusalsMapToStatuses() async throws {
        let fixture = try await TrainingFixture.make()
        let now = try await fixture.publishedSession(title: "今天的培训")
        let later = try await fixture.publishedSession(title: "后天的培训", start: 2 * 86_400, end: 2 * 86_400 + 7_200)
        let elsewhere = try await fixture.publishedSession(title: "别的镇的培训", audience: fixture.otherTown, invitees: [])
        try await fixture.app.run { client in
            let staff = try await client.logIn("staff")
            func signIn(_ code: String, _ session: Int64?) async throws -> TestResponse {
                let named = session.map { #","session":\#($0)"# } ?? ""
                return try await client.request(.post, "/api/v1/training/sign-in", session: staff, json: #"{"code":"\#(code)"\#(named)}"#)
            }
            let outsideWindow = try await signIn(try await fixture.code(later.id), later.id)
            #expect(outsideWindow.status == .conflict && outsideWindow.text.contains("不在签到时间内"))
            let outsideAudience = try await signIn(try await fixture.code(elsewhere.id), elsewhere.id)
            #expect(outsideAudience.status == .forbidden && outsideAudience.text.contains("不在本次培训的对象范围内"))
            let code = try await fixture.code(now.id)
            let wrongCode = try await signIn(code == "000000" ? "000001" : "000000", now.id)
            #expect(wrongCode.status == .badRequest && wrongCode.errorCode == "invalid")
            #expect(try await signIn("12ab", nil).status == .badRequest)
            // Without a session named, the code finds it among the caller's open sessions.
            let first = try await signIn(try await fixture.code(now.id), nil)
            #expect(first.status == .created, "\(first.text)")
            #expect(try first.json(SignInReceipt.self).sessionId == now.id)
            let twice = try await signIn(try await fixture.code(now.id), now.id)
            #expect(twice.status == .conflict && twice.text.contains("已签到"))
            // An account without a staff record cannot sign in.
            let county = try await client.logIn("county")
            let organiser = try await client.request(
                .post, "/api/v1/training/sign-in", session: county, json: #"{"code":"\#(try await fixture.code(now.id))","session":\#(now.id)}"#)
            #expect(organiser.status == .forbidden)
        }
    }

    @Test("Given repeated wrong codes, then the sign-in answers 429 with Retry-After without checking the code, and logins still work")
    func wrongCodesAreThrottled() async throws {
        let fixture = try await TrainingFixture.make()
        let session = try await fixture.publishedSession()
        try await fixture.app.run { client in
            let staff = try await client.logIn("staff")
            let right = try await fixture.code(session.id)
            let wrong = right == "000000" ? "000001" : "000000"
            let limit = LoginThrottle.Limits().perAccountAndAddress
            for attempt in 1...limit {
                let response = try await client.request(
                    .post, "/api/v1/training/sign-in", session: staff, json: #"{"code":"\#(wrong)","session":\#(session.id)}"#)
                #expect(response.status == .badRequest, "attempt \(attempt)")
            }
            let throttled = try await client.request(
                .post, "/api/v1/training/sign-in", session: staff, json: #"{"code":"\#(try await fixture.code(session.id))","session":\#(session.id)}"#)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.errorCode == "throttled")
            #expect(Int(throttled.headers[.retryAfter] ?? "") ?? 0 > 0)
            // The page refuses the same way.
            let page = try await client.request(.post, "/training/sign-in", session: staff, form: ["code": right, "session": "\(session.id)"])
            #expect(page.status == .tooManyRequests && page.headers[.retryAfter] != nil)
            // Nothing was recorded, and the wrong codes did not count against the password.
            #expect(try await fixture.app.database.trainingAttendance(session.id, for: try await fixture.app.database.operatorPrincipal()).isEmpty)
            _ = try await client.logIn("staff")
        }
    }

    @Test("Given the organiser's Host header, then the QR code's address is absolute on that host, and relative for anything odd")
    func signInLinkUsesAPlainHostOnly() {
        func request(host: String?) -> Request {
            Request(head: HTTPRequest(method: .get, scheme: nil, authority: host, path: "/training/1/sign-in-screen"), body: .init(buffer: .init()))
        }
        #expect(SignInLink.url(session: 7, code: "012345", request: request(host: "lianbing.gd.gov:8080"))
            == "http://lianbing.gd.gov:8080/training/sign-in?session=7&code=012345")
        #expect(SignInLink.url(session: 7, code: "012345", request: request(host: "[::1]:8080"), secure: true)
            == "https://[::1]:8080/training/sign-in?session=7&code=012345")
        for odd in [nil, "", "evil.example/path", "a b", "host\"x", "x@evil.example", ".example"] as [String?] {
            #expect(SignInLink.url(session: 7, code: "012345", request: request(host: odd)) == "/training/sign-in?session=7&code=012345", "\(odd ?? "nil")")
        }
    }
}
