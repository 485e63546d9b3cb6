import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator sees and handles only the county's ratings: another county's rating, unit, rating address
/// and staff are "not found" through every rating route, and reports and lists leave them out. (`ScopeTests` probes
/// every route with `RatingScopeTests.probes`.)
@Suite struct RatingScopeTests {
    /// A low rating (so with an open follow-up) of a unit of another county, with a comment; its unit's public token.
    struct OutsideRating: Sendable {
        var rating: Int64
        var unit: String
        var token: String
        static let none = OutsideRating(rating: 0, unit: "x", token: "none")
    }

    /// Routes that name no unit, rating or member of staff, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /rate/{token}": "the public rating form: reached by its unguessable token, shows the unit's name and masked names only (RatingPublicTests)",
        "GET /rate/{token}/counter": "the counter tablet's form: the token and the unit's counter key (RatingPublicTests)",
        "POST /rate/{token}": "a public rating: its own double-submit token, limited per device and address (RatingPublicTests)",
    ]

    /// Requests that reach for another county's rating `r`, unit `u` or member of staff `s`.
    static func probes(_ r: OutsideRating, outsideUnit u: String, outsideStaff s: String) -> [String: [ScopeTests.Probe]] {
        [
            "GET /api/v1/ratings/report": [ScopeTests.Probe(method: .get, uri: "/api/v1/ratings/report?unit=\(u)")],
            "GET /api/v1/ratings": [ScopeTests.Probe(method: .get, uri: "/api/v1/ratings?unit=\(u)")],
            "POST /api/v1/ratings": [
                ScopeTests.Probe(
                    method: .post, uri: "/api/v1/ratings", json: #"{"unitCode":"\#(u)","attitude":5,"efficiency":5,"outcome":5,"source":"paper"}"#)
            ],
            "POST /api/v1/ratings/{rating}/hide": [ScopeTests.Probe(method: .post, uri: "/api/v1/ratings/\(r.rating)/hide", json: #"{"reason":"越权"}"#)],
            "GET /api/v1/ratings/follow-ups": [ScopeTests.Probe(method: .get, uri: "/api/v1/ratings/follow-ups?unit=\(u)")],
            "POST /api/v1/ratings/{rating}/follow-up": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/ratings/\(r.rating)/follow-up", json: #"{"outcome":"resolved","note":"越权"}"#)
            ],
            "GET /api/v1/units/{code}/rating-station": [ScopeTests.Probe(method: .get, uri: "/api/v1/units/\(u)/rating-station")],
            "POST /api/v1/units/{code}/rating-station/token": [ScopeTests.Probe(method: .post, uri: "/api/v1/units/\(u)/rating-station/token", json: "{}")],
            "PUT /api/v1/staff/{number}/rating-listing": [
                ScopeTests.Probe(method: .put, uri: "/api/v1/staff/\(s.urlEncoded)/rating-listing", json: #"{"listed":true}"#)
            ],
            "GET /ratings": [ScopeTests.Probe(method: .get, uri: "/ratings?unit=\(u)")],
            "GET /ratings/follow-ups": [ScopeTests.Probe(method: .get, uri: "/ratings/follow-ups?unit=\(u)")],
            "GET /ratings/units/{code}": [ScopeTests.Probe(method: .get, uri: "/ratings/units/\(r.unit)")],
            "GET /ratings/units/{code}/poster": [ScopeTests.Probe(method: .get, uri: "/ratings/units/\(r.unit)/poster")],
            "POST /ratings/units/{code}/token": [ScopeTests.Probe(method: .post, uri: "/ratings/units/\(r.unit)/token", form: [:])],
            "POST /ratings/units/{code}/listing": [
                ScopeTests.Probe(method: .post, uri: "/ratings/units/\(r.unit)/listing", form: ["staff_number": s, "listed": "1"])
            ],
            "POST /ratings/units/{code}/entries": [
                ScopeTests.Probe(
                    method: .post, uri: "/ratings/units/\(r.unit)/entries",
                    form: ["source": "paper", "attitude": "5", "efficiency": "5", "outcome": "5"])
            ],
            "POST /ratings/{rating}/hide": [ScopeTests.Probe(method: .post, uri: "/ratings/\(r.rating)/hide", form: ["reason": "越权"])],
            "POST /ratings/{rating}/follow-up": [
                ScopeTests.Probe(method: .post, uri: "/ratings/\(r.rating)/follow-up", form: ["outcome": "resolved", "note": "越权"])
            ],
        ]
    }

    @Test("Given a rating of another county, then the county administrator gets 404 on every rating route, does not see it in reports or lists, and nothing changes")
    func anotherCountysRatingsAreInvisible() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let outside = try await app.outsideRating(unit: anchors.outsideUnit)
        let inside = try await app.outsideRating(unit: anchors.county, comment: "本县评价")
        let before = try await app.database.ratingTablesSnapshot()
        try await app.run { client in
            let county = try await client.logIn("county")
            for (route, requests) in Self.probes(outside, outsideUnit: anchors.outsideUnit, outsideStaff: anchors.outsideStaff).sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response = try await client.request(probe.method, probe.uri, session: county, json: probe.json, form: probe.form)
                    #expect(response.status == .notFound, "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("外县评价") && !response.text.contains(outside.token))
                }
            }
            let listed = try await client.request(.get, "/api/v1/ratings?per_page=200", session: county).json(PageJSON<SatisfactionRating>.self)
            #expect(listed.items.contains { $0.id == inside.rating } && !listed.items.contains { $0.id == outside.rating })
            let report = try await client.request(.get, "/api/v1/ratings/report", session: county).json(SatisfactionReport.self)
            #expect(report.units.map(\.key) == [inside.unit])
            let followUps = try await client.request(.get, "/api/v1/ratings/follow-ups", session: county).json([SatisfactionRating].self)
            #expect(followUps.map(\.id) == [inside.rating])
            for page in ["/ratings", "/ratings/follow-ups"] {
                #expect(!(try await client.request(.get, page, session: county).text.contains("外县评价")))
            }
            // Staff manage nothing here, not even their own unit's ratings.
            let staff = try await client.logIn("staff")
            for uri in ["/api/v1/ratings", "/api/v1/ratings/report", "/ratings"] {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "\(uri)")
            }
            // The province sees both.
            let admin = try await client.logIn("admin")
            let all = try await client.request(.get, "/api/v1/ratings?per_page=200", session: admin).json(PageJSON<SatisfactionRating>.self)
            #expect(all.items.contains { $0.id == outside.rating })
        }
        #expect(try await app.database.ratingTablesSnapshot() == before, "a refused request changed a rating")
    }
}

extension TestApp {
    /// A rating address of a station under `unit` and a low paper rating of it with a comment, for probes that must be refused.
    func outsideRating(unit: String, comment: String = "外县评价") async throws -> RatingScopeTests.OutsideRating {
        let op = try await database.operatorPrincipal()
        let station = try await database.units(parent: unit, for: op).first?.code ?? unit
        let token = try await database.ratingStation(station, by: op).token
        let rating = try await database.enterRating(
            unitCode: station, draft: RatingDraft(scores: [.attitude: 1, .efficiency: 2, .outcome: 3], comment: comment, source: .paper), by: op)
        return RatingScopeTests.OutsideRating(rating: rating.id, unit: station, token: token)
    }
}

extension AppDatabase {
    /// Every row of the rating tables, to show a refused request changed nothing.
    func ratingTablesSnapshot() async throws -> [String] {
        try await reader.read { db in
            try ["ratingStation", "ratingStaffListing", "satisfactionRating", "ratingFollowUp"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
