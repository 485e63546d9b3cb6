import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator sees and acts on only the contests organised in the county (and those its people take part
/// in): another county's contest is missing from every contest page. (`ScopeTests` probes every route with
/// `ContestPagesScopeTests.probes`, beside the API's `ContestScopeTests.probes`.)
@Suite struct ContestPagesScopeTests {
    /// The contest pages' routes that name no contest, unit or member of staff, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /contests": "lists only the contests the caller runs (organised in their subtree) or takes part in (ContestPagesScopeTests)"
    ]

    /// Every contest page route with requests that reach for another county's contest `c`, unit `u` or member of
    /// staff `s`, keyed as the router describes its routes.
    static func probes(_ c: ContestScopeTests.OutsideContest, outsideUnit u: String, outsideStaff s: String) -> [String: [ScopeTests.Probe]] {
        let uri = "/contests/\(c.contest)"
        return [
            "POST /contests": [
                ScopeTests.Probe(
                    method: .post, uri: "/contests", form: ["title": "越权", "unit_code": u, "format": "team", "held_on": "2026-05-20", "base_points": "100"])
            ],
            "GET /contests/medals": [ScopeTests.Probe(method: .get, uri: "/contests/medals?unit=\(u)")],
            "GET /contests/{contest}": [ScopeTests.Probe(method: .get, uri: uri)],
            "POST /contests/{contest}/teams": [ScopeTests.Probe(method: .post, uri: uri + "/teams", form: ["name": "越权", "members": s])],
            "POST /contests/{contest}/rounds": [
                ScopeTests.Probe(method: .post, uri: uri + "/rounds", form: ["style": "judged", "title": "越权", "dropped": "0", "max_mark": "10"])
            ],
            "POST /contests/{contest}/substitute": [
                ScopeTests.Probe(method: .post, uri: uri + "/substitute", form: ["out": "\(c.team)|\(c.member)", "incoming": s, "reason": "越权"])
            ],
            "POST /contests/{contest}/advance": [
                ScopeTests.Probe(method: .post, uri: uri + "/advance", form: ["from_contest": "\(c.contest)", "rule": "top", "count": "1"])
            ],
            "POST /contests/{contest}/start": [ScopeTests.Probe(method: .post, uri: uri + "/start", form: [:])],
            "POST /contests/{contest}/finish": [ScopeTests.Probe(method: .post, uri: uri + "/finish", form: [:])],
            "POST /contests/{contest}/freeze": [ScopeTests.Probe(method: .post, uri: uri + "/freeze", form: [:])],
            "POST /contests/{contest}/unfreeze": [ScopeTests.Probe(method: .post, uri: uri + "/unfreeze", form: [:])],
            "POST /contests/{contest}/reveal": [ScopeTests.Probe(method: .post, uri: uri + "/reveal", form: [:])],
            "POST /contests/{contest}/rounds/{round}/written": [ScopeTests.Probe(method: .post, uri: uri + "/rounds/1/written", form: [:])],
            "GET /contests/{contest}/results": [ScopeTests.Probe(method: .get, uri: uri + "/results")],
            "GET /contests/{contest}/results.csv": [ScopeTests.Probe(method: .get, uri: uri + "/results.csv")],
            "GET /contests/{contest}/results.xlsx": [ScopeTests.Probe(method: .get, uri: uri + "/results.xlsx")],
            "GET /contests/{contest}/certificates": [ScopeTests.Probe(method: .get, uri: uri + "/certificates")],
            "GET /contests/{contest}/questions": [ScopeTests.Probe(method: .get, uri: uri + "/questions")],
        ]
    }

    @Test("Given a contest of another county, then the county's administrator gets 404 on each of its pages and forms, and it is listed nowhere")
    func countyGetsNotFoundOnAnotherCountysContest() async throws {
        let fixture = try await ContestPagesFixture.make()
        let app = fixture.app
        let anchors = try await app.anchors()
        let outside = try await app.outsideContest(unit: anchors.outsideUnit, staff: anchors.outsideStaff)
        let own = try await fixture.finished("本区比武", teams: [[fixture.colleagues[0]]], points: [10])
        let before = try await app.database.contestTablesSnapshot()
        try await app.run { client in
            let county = try await client.logIn("county")
            let list = try await client.request(.get, "/contests", session: county).text
            #expect(list.contains("本区比武") && !list.contains("外县比武"))
            for (route, probes) in Self.probes(outside, outsideUnit: anchors.outsideUnit, outsideStaff: anchors.outsideStaff).sorted(by: { $0.key < $1.key }) {
                for probe in probes {
                    let response = try await client.request(probe.method, probe.uri, session: county, form: probe.form)
                    #expect(response.status == .notFound, "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("外县比武") && !response.text.contains(outside.token), "\(route)")
                }
            }
            // The county's own contest answers on the same routes.
            for uri in ["/contests/\(own.id)", "/contests/\(own.id)/results", "/contests/\(own.id)/results.csv", "/contests/\(own.id)/certificates", "/contests/\(own.id)/questions"] {
                #expect(try await client.request(.get, uri, session: county).status == .ok, "\(uri)")
            }
            // The medal table of the county does not count the other county's contest.
            let medals = try await client.request(.get, "/contests/medals?from=2000-01-01&through=2099-12-31", session: county).text
            #expect(medals.contains("<td class=\"num\">1</td>") && !medals.contains(anchors.outsideUnit))
            // The province's administrator runs both.
            let admin = try await client.logIn("admin")
            #expect(try await client.request(.get, "/contests/\(outside.contest)", session: admin).status == .ok)
        }
        #expect(try await app.database.contestTablesSnapshot() == before, "a refused request changed a contest")
    }

    @Test("Given a member of staff, then contests they take no part in are missing, and those they do are read-only")
    func staffSeeOnlyTheirOwnContests() async throws {
        let fixture = try await ContestPagesFixture.make()
        let others = try await fixture.finished("别人的比武", teams: [[fixture.colleagues[0]]], points: [10])
        let mine = try await fixture.finished("我的比武", teams: [[fixture.staffNumber]], points: [10])
        try await fixture.app.run { client in
            let staff = try await client.logIn("staff")
            let list = try await client.request(.get, "/contests", session: staff).text
            #expect(list.contains("我的比武") && !list.contains("别人的比武") && list.contains("我参加"))
            for uri in ["/contests/\(others.id)", "/contests/\(others.id)/results", "/contests/\(others.id)/results.csv"] {
                #expect(try await client.request(.get, uri, session: staff).status == .notFound, "\(uri)")
            }
            #expect(try await client.request(.get, "/contests/\(mine.id)", session: staff).status == .ok)
            for uri in ["/contests/\(mine.id)/certificates", "/contests/\(mine.id)/questions", "/contests/medals"] {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "\(uri)")
            }
            for action in ["teams", "rounds", "start", "finish", "freeze", "unfreeze", "reveal", "substitute", "advance", "rounds/1/written"] {
                #expect(try await client.request(.post, "/contests/\(mine.id)/\(action)", session: staff, form: [:]).status == .forbidden, "\(action)")
            }
        }
    }
}

