import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

@Suite struct HealthAndErrorTests {
    @Test func healthzAnswers200() async throws {
        try await TestApp.demo().run { client in
            let response = try await client.request(.get, "/healthz")
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("X-Request-Id")!] != nil)
        }
    }

    @Test func unknownAPIRouteGivesJSONErrorEnvelope() async throws {
        try await TestApp.demo().run { client in
            let response = try await client.request(.get, "/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func unknownPageGivesChineseErrorPage() async throws {
        try await TestApp.demo().run { client in
            let response = try await client.request(.get, "/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.text.contains("页面或资源不存在"))
        }
    }

    struct Leaky: Error, CustomStringConvertible { var description: String { "SECRET-INTERNAL-DETAIL at /etc/passwd" } }

    @Test func internalErrorNeverShowsItsDetailsOnPageOrAPI() async throws {
        try await TestApp.demo().run(extraRoutes: { router in
            router.get("/boom") { _, _ -> String in throw Leaky() }
            router.get("/api/v1/boom") { _, _ -> String in throw Leaky() }
        }) { client in
            for path in ["/boom", "/api/v1/boom"] {
                let response = try await client.request(.get, path)
                #expect(response.status == .internalServerError)
                #expect(!response.text.contains("SECRET"))
                #expect(response.text.contains("服务器内部错误"))
                #expect(response.text.contains(try #require(response.headers[HTTPField.Name("X-Request-Id")!])))
            }
        }
    }

    @Test func bodyOverTheLimitIsRefusedWith413() async throws {
        var app = try await TestApp.demo()
        app.settings.maxBodySize = 1024
        try await app.run { client in
            let big = String(repeating: "x", count: 4096)
            let response = try await client.request(.post, "/api/v1/session", json: #"{"username":"admin","password":"\#(big)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "body_too_large")
        }
    }

    @Test func pagesLoadNothingFromElsewhere() async throws {
        try await TestApp.demo().run { client in
            let response = try await client.request(.get, "/login")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(!response.text.contains("http://") && !response.text.contains("https://"))
            let css = try await client.request(.get, "/assets/app.css")
            #expect(css.status == .ok)
            let js = try await client.request(.get, "/assets/app.js")
            #expect(js.status == .ok)
        }
    }
}
