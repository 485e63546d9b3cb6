import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator must get 403 or 404 for anything outside their county, through every route.
@Suite struct ScopeTests {
    /// One request that reaches outside the caller's county through a route.
    struct Probe: Sendable {
        var method: HTTPRequest.Method
        var uri: String
        var json: String? = nil
        var form: [String: String]? = nil
    }

    /// Routes that name no unit, staff member or account, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /healthz": "public liveness check",
        "GET /login": "public login form",
        "POST /login": "public login",
        "POST /logout": "own session",
        "GET /password": "own password",
        "POST /password": "own password",
        "POST /api/v1/session": "public login",
        "DELETE /api/v1/session": "own session",
        "GET /api/v1/me": "own account",
        "POST /api/v1/me/password": "own password",
        "GET /": "the caller's own unit only (PageTests.homeShowsEachRoleItsOwnUnit)",
        "GET /units": "tree rooted at the caller's own unit",
        "GET /bank": "the bank is province-wide; trainers and administrators only (BankPageTests)",
        "GET /bank/{id}": "the bank is province-wide; trainers and administrators only (BankPageTests)",
    ]

    /// Every scoped route with requests that point outside the county. Keyed by the router's own description,
    /// so a route added without a probe fails `everyRouteIsProbedOrExplained`.
    static func probes(outsideUnit u: String, outsideStaff s: String) -> [String: [Probe]] {
        [
            "GET /api/v1/units": [Probe(method: .get, uri: "/api/v1/units?parent=\(u)")],
            "GET /api/v1/units/{code}": [Probe(method: .get, uri: "/api/v1/units/\(u)")],
            "GET /units/{code}": [Probe(method: .get, uri: "/units/\(u)")],
            "GET /api/v1/staff": [Probe(method: .get, uri: "/api/v1/staff?unit=\(u)")],
            "GET /api/v1/staff/{number}": [Probe(method: .get, uri: "/api/v1/staff/\(s)")],
            "GET /staff": [Probe(method: .get, uri: "/staff?unit=\(u)")],
            "GET /staff/{number}": [Probe(method: .get, uri: "/staff/\(s)")],
            "GET /api/v1/accounts": [Probe(method: .get, uri: "/api/v1/accounts?unit=\(u)")],
            "POST /api/v1/accounts": [
                Probe(method: .post, uri: "/api/v1/accounts", json: #"{"username":"intruder","role":"admin","unitCode":"\#(u)"}"#),
                Probe(method: .post, uri: "/api/v1/accounts", json: #"{"username":"intruder","role":"staff","unitCode":"440000000000"}"#),
            ],
            "POST /api/v1/accounts/bulk": [Probe(method: .post, uri: "/api/v1/accounts/bulk", json: #"{"unitCode":"\#(u)"}"#)],
            "GET /api/v1/accounts/{username}": [Probe(method: .get, uri: "/api/v1/accounts/admin"), Probe(method: .get, uri: "/api/v1/accounts/trainer")],
            "POST /api/v1/accounts/{username}/reset-password": [Probe(method: .post, uri: "/api/v1/accounts/admin/reset-password", json: "{}")],
            "POST /api/v1/accounts/{username}/disable": [Probe(method: .post, uri: "/api/v1/accounts/trainer/disable", json: "{}")],
            "POST /api/v1/accounts/{username}/enable": [Probe(method: .post, uri: "/api/v1/accounts/trainer/enable", json: "{}")],
            "GET /accounts": [Probe(method: .get, uri: "/accounts?unit=\(u)")],
            "POST /accounts": [Probe(method: .post, uri: "/accounts", form: ["username": "intruder", "role": "admin", "unit_code": u])],
            "POST /accounts/bulk": [Probe(method: .post, uri: "/accounts/bulk", form: ["unit_code": u])],
            "POST /accounts/{username}/reset-password": [Probe(method: .post, uri: "/accounts/admin/reset-password", form: [:])],
            "POST /accounts/{username}/disable": [Probe(method: .post, uri: "/accounts/admin/disable", form: [:])],
            "POST /accounts/{username}/enable": [Probe(method: .post, uri: "/accounts/admin/enable", form: [:])],
        ]
    }

    @Test func everyRouteIsProbedOrExplained() async throws {
        let app = try await TestApp.demo()
        let router = try await buildRouter(database: app.database, settings: app.settings)
        let known = Set(Self.unscoped.keys).union(Self.probes(outsideUnit: "x", outsideStaff: "y").keys)
        let routes = Set(router.routes.map(\.description))
        #expect(routes.subtracting(known).isEmpty, "routes without a scope probe: \(routes.subtracting(known).sorted())")
        #expect(known.subtracting(routes).isEmpty, "probes for routes that no longer exist: \(known.subtracting(routes).sorted())")
    }

    @Test func countyAdministratorIsRefusedOutsideTheCountyOnEveryRoute() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let probes = Self.probes(outsideUnit: anchors.outsideUnit, outsideStaff: anchors.outsideStaff)
        let accountsBefore = try await app.database.accounts(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 200), for: try await app.database.operatorPrincipal())
        try await app.run { client in
            let county = try await client.logIn("county")
            for (route, requests) in probes.sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response = try await client.request(probe.method, probe.uri, session: county, json: probe.json, form: probe.form)
                    #expect([.forbidden, .notFound].contains(response.status), "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("lianbing-demo"))
                }
            }
            // The search form shows only in-scope accounts: the province admin is not among them.
            let page = try await client.request(.get, "/accounts?q=admin", session: county)
            #expect(!page.text.contains(">admin<"))
        }
        let accountsAfter = try await app.database.accounts(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 200), for: try await app.database.operatorPrincipal())
        #expect(accountsAfter == accountsBefore, "a refused request changed accounts")
    }

    @Test func listsShowOnlyTheCallersSubtree() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            let units = try await client.request(.get, "/api/v1/units", session: county).json([UnitJSON].self)
            #expect(units.first?.code == anchors.county)
            #expect(units.allSatisfy { $0.code.hasPrefix(String(anchors.county.prefix(6))) })
            let staff = try await client.request(.get, "/api/v1/staff?per_page=200", session: county).json(PageJSON<StaffJSON>.self)
            #expect(staff.total > 0)
            #expect(staff.items.allSatisfy { $0.unitCode.hasPrefix(String(anchors.county.prefix(6))) })
            #expect(!staff.items.contains { $0.number == anchors.outsideStaff })
            let accounts = try await client.request(.get, "/api/v1/accounts", session: county).json(PageJSON<AccountJSON>.self)
            #expect(Set(accounts.items.map(\.username)) == ["county", "staff"])
        }
    }

    @Test func staffRoleCannotManageOrBrowseTheRoster() async throws {
        try await TestApp.demo().run { client in
            let staff = try await client.logIn("staff")
            for uri in ["/api/v1/staff", "/api/v1/accounts", "/staff", "/accounts"] {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "\(uri)")
            }
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/api/v1/staff", session: trainer).status == .ok)
            #expect(try await client.request(.get, "/api/v1/accounts", session: trainer).status == .forbidden)
        }
    }

    @Test func anonymousCallersAreSentToLoginOrRefused() async throws {
        try await TestApp.demo().run { client in
            let page = try await client.request(.get, "/staff?q=1")
            #expect(page.status == .found)
            #expect(page.headers[.location]?.hasPrefix("/login?next=") == true)
            #expect(try await client.request(.get, "/api/v1/units").status == .unauthorized)
        }
    }
}
