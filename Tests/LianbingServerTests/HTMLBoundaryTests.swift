import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// Every HTML route of the router, walked as the scope test walks them, with boundary values in each path parameter
/// and each form field. A trap would end this test process; an answer of 5xx would mean an unbounded value reached
/// the code. Path parameters out of every domain answer 4xx.
@Suite struct HTMLBoundaryTests {
    /// 0, −1, Int64.max, 10^15, a long string, NUL and invalid UTF-8, as they travel in a path or a form.
    static let pathValues = ["0", "-1", "9223372036854775807", "1000000000000000", String(repeating: "9", count: 4_096), "%00", "%FF%FE", "a%00b"]
    /// The long string fills every field at once, so it stays under the body limit and reaches the handlers.
    static let formValues = ["0", "-1", "9223372036854775807", "1000000000000000", String(repeating: "长", count: 2_000), "\u{0}", "\u{FFFD}\u{0}x"]

    /// Every field name an HTML form of the product posts.
    static func formFieldNames() throws -> Set<String> {
        let templates = TestApp.root.appendingPathComponent("Sources/LianbingServer/Templates")
        var names: Set<String> = []
        let pattern = try Regex(#"name="([a-z_]+)""#)
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) { names.insert(String(match.output[1].substring ?? "")) }
        }
        return names.subtracting(["_csrf", "viewport"])
    }

    static func isHTML(_ route: String) -> Bool { !route.contains(" /api/") }

    static func substitute(_ template: String, _ value: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix("{") ? value : String($0) }.joined(separator: "/")
    }

    @Test("Given boundary values in every path parameter of every HTML route, then each answers 4xx")
    func pathParameters() async throws {
        let app = try await TestApp.demoWithExams()
        let router = try await buildRouter(database: app.database, settings: app.settings)
        let routes = router.routes.map(\.description).filter(Self.isHTML).filter { $0.contains("{") }
        #expect(routes.count >= 20)
        try await app.run { client in
            for username in ["county", "staff"] {
                let session = try await client.logIn(username)
                for route in routes {
                    let parts = route.split(separator: " ", maxSplits: 1)
                    let method = HTTPRequest.Method(String(parts[0]))!
                    for value in Self.pathValues {
                        let uri = Self.substitute(String(parts[1]), value)
                        let response = try await client.request(method, uri, session: session, form: method == .get ? nil : [:])
                        #expect((400..<500).contains(response.status.code), "\(username) \(method) \(uri.prefix(80)) answered \(response.status)")
                    }
                }
            }
        }
    }

    @Test("Given boundary values in every form field, posted to every HTML form route with real ids, then nothing answers 5xx")
    func formFields() async throws {
        var app = try await TestApp.demoWithExams()
        app.settings.maxBodySize = 2 * 1024 * 1024
        let router = try await buildRouter(database: app.database, settings: app.settings)
        let op = try await app.database.operatorPrincipal()
        let exam = try await app.openDemoExam()
        let candidate = try #require(try await app.database.progress(ofExam: exam.id, by: op).first?.staffNumber)
        let attempt = try await app.database.reader.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM attempt WHERE examId IS NOT NULL") } ?? 1
        let real = [
            "exam": "\(exam.id)", "number": candidate, "attempt": "\(attempt)", "position": "0", "review": "1", "username": "trainer",
            "code": try await app.anchors().county, "id": "XD01-001",
        ]
        let fields = try Self.formFieldNames()
        // Logging out ends the session the walk goes on with; it reads no field.
        let routes = router.routes.map(\.description).filter { Self.isHTML($0) && $0.hasPrefix("POST ") && $0 != "POST /logout" }
        try await app.run { client in
            // A megabyte in one field, within the body limit.
            let megabyte = try await client.request(
                .post, "/exams", session: try await client.logIn("county"), form: ["title": String(repeating: "x", count: 1_000_000), "action": "save"])
            #expect(megabyte.status == .badRequest)
            for route in routes {
                let template = String(route.dropFirst("POST ".count))
                let uri = template.split(separator: "/", omittingEmptySubsequences: false).map { part in
                    part.hasPrefix("{") ? real[String(part.dropFirst().dropLast())] ?? "1" : String(part)
                }.joined(separator: "/")
                for value in Self.formValues {
                    let session = try await client.logIn(route.hasPrefix("POST /my/") ? "staff" : "county")
                    let form = Dictionary(uniqueKeysWithValues: fields.map { ($0, value) })
                    let response = try await client.request(.post, uri, session: session, form: form)
                    #expect(response.status.code < 500, "POST \(uri) with \(value.prefix(20).debugDescription) answered \(response.status)")
                }
            }
        }
    }
}
