import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator runs only the county's contests: another county's contest is "not found" through every
/// contest route, and lists leave it out; a member of staff takes part but manages nothing. (`ScopeTests` probes every
/// route with `ContestScopeTests.probes`.)
@Suite struct ContestScopeTests {
    /// A running contest of another county, with one team, a judged round, an opened performance and a judge's
    /// mark; ids default to ones that exist nowhere.
    struct OutsideContest: Sendable {
        var contest: Int64
        var team: Int64
        /// A member of its team.
        var member: String
        var token: String
        static let none = OutsideContest(contest: 0, team: 0, member: "x", token: "none")
    }

    /// Routes that name no contest, unit or member of staff, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /api/v1/contests": "lists only contests organised in the caller's subtree or taken part in (ContestScopeTests)",
        "GET /api/v1/boards/{token}": "the projector's board: public by its unguessable token, no members, no key (ContestAPITests)",
    ]

    /// Requests that reach for another county's contest `c`, unit `u` or member of staff `s`, keyed as the router
    /// describes its routes.
    static func probes(_ c: OutsideContest, outsideUnit u: String, outsideStaff s: String) -> [String: [ScopeTests.Probe]] {
        let uri = "/api/v1/contests/\(c.contest)"
        return [
            "POST /api/v1/contests": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/contests", json: #"{"title":"越权","unitCode":"\#(u)","format":"team","heldOn":"2026-06-01"}"#)
            ],
            "GET /api/v1/contests/{contest}": [ScopeTests.Probe(method: .get, uri: uri)],
            "POST /api/v1/contests/{contest}/status": [ScopeTests.Probe(method: .post, uri: "\(uri)/status", json: #"{"status":"finished"}"#)],
            "POST /api/v1/contests/{contest}/teams": [
                ScopeTests.Probe(method: .post, uri: "\(uri)/teams", json: #"{"name":"越权","members":["\#(s)"]}"#)
            ],
            "GET /api/v1/contests/{contest}/substitutions": [ScopeTests.Probe(method: .get, uri: "\(uri)/substitutions")],
            "POST /api/v1/contest-teams/{team}/substitutions": [
                ScopeTests.Probe(
                    method: .post, uri: "/api/v1/contest-teams/\(c.team)/substitutions", json: #"{"out":"\#(c.member)","in":"\#(s)","reason":"越权"}"#)
            ],
            "POST /api/v1/contests/{contest}/rounds": [ScopeTests.Probe(method: .post, uri: "\(uri)/rounds", json: #"{"style":"judged"}"#)],
            "GET /api/v1/contests/{contest}/events": [ScopeTests.Probe(method: .get, uri: "\(uri)/events")],
            "POST /api/v1/contests/{contest}/events": [
                ScopeTests.Probe(method: .post, uri: "\(uri)/events", json: #"{"round":1,"action":"mark","team":\#(c.team),"mark":5}"#),
                ScopeTests.Probe(method: .post, uri: "\(uri)/events", json: #"{"round":1,"action":"correct","sequence":1,"reason":"越权"}"#),
            ],
            "GET /api/v1/contests/{contest}/board": [ScopeTests.Probe(method: .get, uri: "\(uri)/board")],
            "POST /api/v1/contests/{contest}/freeze": [ScopeTests.Probe(method: .post, uri: "\(uri)/freeze", json: #"{"frozen":true}"#)],
            "POST /api/v1/contests/{contest}/reveal": [ScopeTests.Probe(method: .post, uri: "\(uri)/reveal", json: "{}")],
            "POST /api/v1/contests/{contest}/written": [ScopeTests.Probe(method: .post, uri: "\(uri)/written", json: #"{"round":1}"#)],
            "POST /api/v1/contests/{contest}/advance": [ScopeTests.Probe(method: .post, uri: "\(uri)/advance", json: #"{"from":\#(c.contest),"top":1}"#)],
            "GET /api/v1/contests/{contest}/rounds/{round}/questions/{question}": [ScopeTests.Probe(method: .get, uri: "\(uri)/rounds/1/questions/1")],
            "GET /api/v1/contests/{contest}/results": [ScopeTests.Probe(method: .get, uri: "\(uri)/results")],
            "GET /api/v1/contest-medals": [ScopeTests.Probe(method: .get, uri: "/api/v1/contest-medals?unit=\(u)")],
            "GET /api/v1/staff/{number}/contest-percentile": [ScopeTests.Probe(method: .get, uri: "/api/v1/staff/\(s.urlEncoded)/contest-percentile")],
        ]
    }

    @Test("Given a contest of another county, then the county administrator gets 404 on every contest route and does not list it, and nothing changes")
    func anotherCountysContestIsMissingEverywhere() async throws {
        let fixture = try await TrainingFixture.make()
        let app = fixture.app
        let anchors = try await app.anchors()
        let outside = try await app.outsideContest(unit: fixture.outsideUnit, staff: anchors.outsideStaff)
        let before = try await app.database.contestTablesSnapshot()
        let probes = Self.probes(outside, outsideUnit: fixture.outsideUnit, outsideStaff: anchors.outsideStaff)
        try await app.run { client in
            let county = try await client.logIn("county")
            for (route, requests) in probes.sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response = try await client.request(probe.method, probe.uri, session: county, json: probe.json)
                    #expect(response.status == .notFound, "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains(outside.token) && !response.text.contains("外县比武"))
                }
            }
            let listed = try await client.request(.get, "/api/v1/contests", session: county).json([ContestJSON].self)
            #expect(!listed.contains { $0.id == outside.contest })
            // The province sees it, and the projector link works for anyone who has it.
            let admin = try await client.logIn("admin")
            #expect(try await client.request(.get, "/api/v1/contests", session: admin).json([ContestJSON].self).contains { $0.id == outside.contest })
            #expect(try await client.request(.get, "/api/v1/contests/\(outside.contest)/events", session: admin).status == .ok)
            #expect(try await client.request(.get, "/api/v1/boards/\(outside.token)").status == .ok)
        }
        #expect(try await app.database.contestTablesSnapshot() == before, "a refused request changed a contest")
    }

    @Test("Given a member of staff on a team, then every management route answers 403 or 404, for their own contest and another county's")
    func staffManageNothing() async throws {
        let fixture = try await TrainingFixture.make()
        let app = fixture.app
        let anchors = try await app.anchors()
        let outside = try await app.outsideContest(unit: fixture.outsideUnit, staff: anchors.outsideStaff)
        let own = try await app.outsideContest(unit: fixture.county, staff: fixture.staffNumber, title: "本区比武")
        let before = try await app.database.contestTablesSnapshot()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/api/v1/contests/\(own.contest)", session: staff).status == .ok)
            #expect(try await client.request(.get, "/api/v1/contests/\(outside.contest)", session: staff).status == .notFound)
            for contest in [own, outside] {
                let management = Self.probes(contest, outsideUnit: fixture.county, outsideStaff: anchors.outsideStaff).filter { route, _ in
                    // What a contestant may read of their own contest, and their own placing, are not management.
                    !["GET /api/v1/contests/{contest}", "GET /api/v1/contests/{contest}/board", "GET /api/v1/contests/{contest}/results",
                      "GET /api/v1/contests/{contest}/substitutions", "GET /api/v1/contests/{contest}/rounds/{round}/questions/{question}"].contains(route)
                }
                for (route, requests) in management.sorted(by: { $0.key < $1.key }) {
                    for probe in requests {
                        let response = try await client.request(probe.method, probe.uri, session: staff, json: probe.json)
                        #expect([.forbidden, .notFound].contains(response.status), "\(route): \(probe.uri) answered \(response.status)")
                    }
                }
            }
            let listed = try await client.request(.get, "/api/v1/contests", session: staff).json([ContestJSON].self)
            #expect(listed.map(\.id) == [own.contest] && listed.allSatisfy { !$0.isManaged && $0.boardToken == nil })
        }
        #expect(try await app.database.contestTablesSnapshot() == before, "a refused request changed a contest")
    }
}

extension TestApp {
    /// A running team contest of `unit` with `staff` on its one team, a judged round whose performance is opened and
    /// marked once, for probes that must be refused.
    func outsideContest(unit: String, staff: String, title: String = "外县比武") async throws -> ContestScopeTests.OutsideContest {
        let op = try await database.operatorPrincipal()
        let day = ChinaTime.civilDate(of: database.clock())
        let contest = try await database.createContest(ContestDraft(title: title, unitCode: unit, format: .team, heldOn: day, basePoints: 100), by: op)
        let team = try await database.addContestTeam(contest.id, TeamDraft(name: "\(title)队", members: [staff]), by: op)
        _ = try await database.addContestRound(contest.id, RoundDraft(style: .judged, title: "情景模拟"), by: op)
        _ = try await database.setContestStatus(contest.id, .running, by: op)
        _ = try await database.recordContestAction(contest.id, round: 1, .open(question: 1), by: op)
        _ = try await database.recordContestAction(contest.id, round: 1, .mark(team: team.id, question: 1, mark: 80), by: op)
        let token = try #require(try await database.contest(contest.id, by: op).boardToken)
        return ContestScopeTests.OutsideContest(contest: contest.id, team: team.id, member: staff, token: token)
    }
}

extension AppDatabase {
    /// Every row of the contest tables, to show a refused request changed nothing.
    func contestTablesSnapshot() async throws -> [String] {
        try await reader.read { db in
            try ["contest", "contestRound", "contestQuestion", "contestTeam", "contestMember", "contestSubstitution", "contestEvent"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
