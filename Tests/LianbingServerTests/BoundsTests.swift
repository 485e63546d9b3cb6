import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// Numbers from outside that once trapped the process (and so stopped every candidate's exam) now answer 4xx, by
/// the API and the HTML forms alike, and the values the forms refuse the API refuses too.
@Suite struct BoundsTests {
    static let huge = "9223372036854775807"

    /// A 4xx that is not a crash: the test process would not reach the expectation if the server trapped.
    static func refused(_ response: TestResponse, _ what: String) {
        #expect((400..<500).contains(response.status.code), "\(what) answered \(response.status)")
    }

    @Test("Given a staff member's own attempt and self-test, when a position of Int64.max is answered, then 404, not a trap")
    func hugePositionsAsStaff() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let attempt = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}").json(AttemptView.self)
            for position in [Self.huge, "-1", "10000", "-9223372036854775808"] {
                let save = try await client.request(
                    .put, "/api/v1/my/attempts/\(attempt.id)/answers/\(position)", session: staff, json: #"{"response":{"trueFalse":true}}"#)
                #expect(save.status == .notFound, "save at \(position): \(save.status)")
            }
            let practice = try await client.request(.post, "/api/v1/my/self-tests", session: staff, json: #"{"knowledgePoints":[],"length":5}"#)
            #expect(practice.status == .created || practice.status == .ok)
            let selfTest = try practice.json(AttemptView.self)
            let answer = try await client.request(
                .post, "/api/v1/my/self-tests/\(selfTest.id)/answers/\(Self.huge)", session: staff, json: #"{"response":{"trueFalse":true}}"#)
            #expect(answer.status == .notFound)
            for length in ["0", "101", Self.huge] {
                Self.refused(
                    try await client.request(.post, "/api/v1/my/self-tests", session: staff, json: #"{"knowledgePoints":[],"length":\#(length)}"#),
                    "self-test length \(length)")
                Self.refused(
                    try await client.request(.post, "/api/v1/my/self-tests", session: staff, json: #"{"wrongQuestions":true,"length":\#(length)}"#),
                    "wrong-question self-test length \(length)")
            }
            Self.refused(
                try await client.request(.post, "/api/v1/my/attempts/\(attempt.id)/hidden", session: staff, json: #"{"seconds":1e308}"#),
                "hidden 1e308")
        }
    }

    @Test("Given a trainer, when marking at position Int64.max by API, form or score review, then 404, not a trap")
    func hugePositionsAsTrainer() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let attempts = try await app.database.reader.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM attempt WHERE examId IS NOT NULL ORDER BY id")
            }
            let attempt = try #require(attempts.first)
            let reviews = try await app.database.scoreReviews(by: op)
            for position in [Self.huge, "-1", "10000"] {
                Self.refused(
                    try await client.request(.post, "/api/v1/marking/\(attempt)/\(position)", session: trainer, json: #"{"score":1}"#),
                    "API mark at \(position)")
                Self.refused(
                    try await client.request(.post, "/marking/\(attempt)/\(position)", session: trainer, form: ["score": "1"]), "form mark at \(position)")
                if let review = reviews.first {
                    Self.refused(
                        try await client.request(.post, "/score-reviews/\(review.id)/mark/\(position)", session: trainer, form: ["score": "1"]),
                        "review mark at \(position)")
                }
            }
        }
    }

    @Test("Given exam settings out of their domain, then the API refuses them as the form does, and nothing is stored")
    func examSettingsBounds() async throws {
        let app = try await TestApp.demoWithExams()
        let (_, text) = try TestApp.shippedBlueprint()
        let blueprint = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        let county = try await app.anchors().county
        let before = try await app.database.examTablesSnapshot()
        @Sendable func body(_ overrides: [String: String]) -> String {
            var fields = [
                "title": #""越界""#, "blueprint": blueprint, "unitCode": #""\#(county)""#, "opensAt": #""2030-01-01T01:00:00Z""#,
                "closesAt": #""2030-01-01T03:00:00Z""#, "durationMinutes": "60", "passMark": "60",
            ]
            fields.merge(overrides) { $1 }
            return "{" + fields.map { #""\#($0.key)":\#($0.value)"# }.joined(separator: ",") + "}"
        }
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let cases: [[String: String]] = [
                ["durationMinutes": "153722867280912931"], ["durationMinutes": "153722867280912930"], ["durationMinutes": "1000000000000"],
                ["durationMinutes": "0"], ["durationMinutes": "1441"], ["reviewRequestDays": "1000000000000000"], ["reviewRequestDays": "-1"],
                ["reviewRequestDays": "366"], ["opensAt": #""0001-01-01T00:00:00Z""#], ["closesAt": #""2100-01-01T00:00:00Z""#],
                ["passMark": "1e300"], ["passMark": "-1"], ["partialShare": "1e300"],
            ]
            for overrides in cases {
                let created = try await client.request(.post, "/api/v1/exams", session: trainer, json: body(overrides))
                #expect(created.status == .badRequest, "\(overrides) answered \(created.status)")
            }
            let check = try await client.request(
                .post, "/api/v1/blueprints/check", session: trainer, json: #"{"blueprint":\#(blueprint),"candidates":\#(Self.huge)}"#)
            #expect(check.status == .badRequest)
            for candidates in ["0", "-5", "1000001"] {
                Self.refused(
                    try await client.request(
                        .post, "/api/v1/blueprints/check", session: trainer, json: #"{"blueprint":\#(blueprint),"candidates":\#(candidates)}"#),
                    "candidates \(candidates)")
            }
            // Blueprint values that reach arithmetic: a huge total and huge cell counts are reported, not trapped on.
            for hostile in [
                text.replacingOccurrences(of: "总分: 100", with: "总分: 1e20"),
                text + "\n[细目]\n体系建设 | 单选 | 1-3 | 9223372036854775807\n",
            ] {
                let response = try await client.request(
                    .post, "/api/v1/blueprints/check", session: trainer,
                    json: #"{"blueprint":\#(String(decoding: try JSONEncoder().encode(hostile), as: UTF8.self))}"#)
                #expect(response.status == .ok)
                #expect(try response.json(ExamsController.BlueprintCheckJSON.self).feasible == false)
            }
            let form = try await client.request(
                .post, "/exams", session: trainer,
                form: [
                    "action": "save", "title": "越界", "unit_code": county, "opens_at": "2030-01-01 09:00", "closes_at": "2030-01-01 11:00",
                    "duration_minutes": Self.huge, "pass_mark": "60", "review_request_days": "7", "blueprint_text": text,
                ])
            #expect(form.status == .badRequest && form.text.contains("答题时长须为 1 到 1440 分钟之间的整数"))
            let api = try await client.request(.post, "/api/v1/exams", session: trainer, json: body(["durationMinutes": "1441"]))
            #expect(api.text.contains("答题时长须为 1 到 1440 分钟之间的整数"), "the API says what the form says")
        }
        #expect(try await app.database.examTablesSnapshot() == before)
    }

    @Test("Given an administrator, when an override is empty or out of range, then 400 and nothing is audited")
    func overrideBounds() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let candidate = try #require(try await app.database.progress(ofExam: exam.id, by: op).first?.staffNumber)
        let entries = { try await app.database.auditLogExport(AuditFilter(action: "exam.override"), by: op).count }
        let before = try await entries()
        try await app.run { client in
            let county = try await client.logIn("county")
            let uri = "/api/v1/exams/\(exam.id)/candidates/\(candidate)"
            for json in [
                "{}", #"{"extraMinutes":-1}"#, #"{"extraMinutes":1441}"#, #"{"extraMinutes":\#(Self.huge)}"#,
                #"{"closesAt":"0001-01-01T00:00:00Z"}"#,
            ] {
                #expect(try await client.request(.post, uri + "/override", session: county, json: json).status == .badRequest, "\(json)")
            }
            for minutes in ["0", "1441", Self.huge] {
                Self.refused(
                    try await client.request(.post, uri + "/reopen", session: county, json: #"{"minutes":\#(minutes)}"#), "reopen \(minutes)")
            }
            #expect(try await client.request(.post, "/exams/\(exam.id)/candidates/\(candidate)/override", session: county, form: ["extra_minutes": Self.huge]).status == .badRequest)
        }
        #expect(try await entries() == before)
    }

    @Test("Given a county administrator, when an out-of-scope attempt is marked, then the answer reads exactly as for a missing one")
    func neutralMissingAttempt() async throws {
        let app = try await TestApp.demoWithExams()
        let outside = try await app.outsideExam(unit: try await app.anchors().outsideUnit)
        try await app.run { client in
            let county = try await client.logIn("county")
            let hidden = try await client.request(.post, "/api/v1/marking/\(outside.attempt)/0", session: county, json: #"{"score":1}"#)
            let missing = try await client.request(.post, "/api/v1/marking/99999/0", session: county, json: #"{"score":1}"#)
            #expect(hidden.status == .notFound && missing.status == .notFound)
            struct Envelope: Decodable, Equatable { struct Inner: Decodable, Equatable { var code: String; var message: String }; var error: Inner }
            let neutral = { (response: TestResponse, id: String) in
                try response.json(Envelope.self).error.message.replacingOccurrences(of: id, with: "N")
            }
            #expect(try neutral(hidden, "\(outside.attempt)") == neutral(missing, "99999"))
        }
    }
}
