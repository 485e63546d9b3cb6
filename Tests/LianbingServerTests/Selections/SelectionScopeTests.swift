import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator manages only the selections of the county: another county's is "not found" on every
/// selection route, published or not; a published province selection covering the county is readable as the list
/// alone, and refuses management. (`ScopeTests` probes every route with `SelectionScopeTests.probes`.)
@Suite struct SelectionScopeTests {
    /// A published selection of another county with an objection on it; ids default to ones that exist nowhere.
    struct OutsideSelection: Sendable {
        var selection: Int64
        var objection: Int64
        static let none = OutsideSelection(selection: 0, objection: 0)
    }

    /// Routes that name no selection, unit or member of staff outside the caller's reach, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /api/v1/selections": "lists only the caller's subtree's selections and the published ones covering the caller (SelectionScopeTests)"
    ]

    /// Requests that reach for another county's selection `o`, unit `u` or member of staff `s`.
    static func probes(_ o: OutsideSelection, outsideUnit u: String, outsideStaff s: String) -> [String: [ScopeTests.Probe]] {
        let id = o.selection
        return [
            "POST /api/v1/selections": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/selections", json: #"{"unitCode":"\#(u)","title":"越权","rules":\#(rulesJSON())}"#)
            ],
            "GET /api/v1/selections/{selection}": [ScopeTests.Probe(method: .get, uri: "/api/v1/selections/\(id)")],
            "PUT /api/v1/selections/{selection}/rules": [
                ScopeTests.Probe(method: .put, uri: "/api/v1/selections/\(id)/rules", json: #"{"title":"越权","rules":\#(rulesJSON())}"#)
            ],
            "POST /api/v1/selections/{selection}/compute": [ScopeTests.Probe(method: .post, uri: "/api/v1/selections/\(id)/compute", json: "{}")],
            "POST /api/v1/selections/{selection}/adjustments": [
                ScopeTests.Probe(
                    method: .post, uri: "/api/v1/selections/\(id)/adjustments", json: #"{"staffNumber":"\#(s)","action":"remove","reason":"越权调整"}"#)
            ],
            "POST /api/v1/selections/{selection}/publish": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/selections/\(id)/publish", json: #"{"workingDays":5}"#)
            ],
            "POST /api/v1/selections/{selection}/objections": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/selections/\(id)/objections", json: #"{"text":"越权异议"}"#)
            ],
            "POST /api/v1/selections/{selection}/objections/{objection}/answer": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/selections/\(id)/objections/\(o.objection)/answer", json: #"{"answer":"越权答复"}"#)
            ],
            "POST /api/v1/selections/{selection}/finalise": [ScopeTests.Probe(method: .post, uri: "/api/v1/selections/\(id)/finalise", json: "{}")],
            "GET /api/v1/staff/{number}/awards": [ScopeTests.Probe(method: .get, uri: "/api/v1/staff/\(s.urlEncoded)/awards")],
        ]
    }

    /// Rules any demo unit can hold: its directors over the last year, by training hours.
    static func rulesJSON(places: Int = 3) -> String {
        let today = ChinaTime.civilDate(of: Date())
        return #"{"award":"优秀主任（站长）","posts":["主任（站长）"],"levels":[],"from":"\#(today.adding(days: -365)!)","through":"\#(today)","criteria":[{"criterion":"training-hours","weight":60},{"criterion":"certificate","weight":40}],"normalisation":"min-max","missing":"rescale","minimums":{"validCertificate":false,"trainingCovered":false,"minimumRatings":0},"quota":{"places":\#(places),"sharing":"total","method":"sainte-lague"}}"#
    }

    @Test("Given another county's published selection, then the county administrator gets 404 on every selection route, does not list it, and nothing changes")
    func anotherCountysSelectionIsInvisible() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let outside = try await app.outsideSelection(unit: anchors.outsideUnit)
        let before = try await app.database.selectionTablesSnapshot()
        try await app.run { client in
            let county = try await client.logIn("county")
            for (route, requests) in Self.probes(outside, outsideUnit: anchors.outsideUnit, outsideStaff: anchors.outsideStaff).sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response = try await client.request(probe.method, probe.uri, session: county, json: probe.json)
                    #expect(response.status == .notFound, "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("外县遴选"))
                }
            }
            let listed = try await client.request(.get, "/api/v1/selections", session: county).json([SelectionSummaryJSON].self)
            #expect(!listed.contains { $0.id == outside.selection })
            // Nor does the county's member of staff reach it.
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/api/v1/selections/\(outside.selection)", session: staff).status == .notFound)
        }
        #expect(try await app.database.selectionTablesSnapshot() == before, "a refused request changed a selection")
    }

    @Test("Given a published province selection, then a county administrator reads its list only (no outcome, not manageable) and is refused every managing route")
    func countyAdministratorReadsAPublishedProvinceSelection() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let province = try await app.database.account("admin", for: op).account.unitCode
        let published = try await app.publishedSelection(unit: province, title: "省级遴选")
        let draft = try await app.database.createSelection(
            unitCode: province, title: "省级草稿", rules: try JSONDecoder().decode(SelectionRules.self, from: Data(Self.rulesJSON().utf8)), by: op)
        let before = try await app.database.selectionTablesSnapshot()
        try await app.run { client in
            let county = try await client.logIn("county")
            let view = try await client.request(.get, "/api/v1/selections/\(published.selection)", session: county)
            #expect(view.status == .ok)
            let selection = try view.json(SelectionJSON.self)
            #expect(selection.outcome == nil && !selection.manageable && selection.adjustments.isEmpty)
            #expect(!view.text.contains("\"outcome\"") && !view.text.contains("\"raw\""))
            #expect(selection.status == .published && !selection.nominees.isEmpty)
            // The other selection's objection is not the county's to read.
            #expect(selection.objections.isEmpty)
            let listed = try await client.request(.get, "/api/v1/selections", session: county).json([SelectionSummaryJSON].self)
            #expect(listed.contains { $0.id == published.selection && !$0.manageable })
            #expect(!listed.contains { $0.id == draft.id })
            #expect(try await client.request(.get, "/api/v1/selections/\(draft.id)", session: county).status == .notFound)
            let managing = Self.probes(published, outsideUnit: province, outsideStaff: anchors.outsideStaff)
                .filter { $0.key.hasPrefix("POST /api/v1/selections/") || $0.key.hasPrefix("PUT ") }
                .filter { $0.key != "POST /api/v1/selections/{selection}/objections" }
            #expect(managing.count == 6)
            for (route, requests) in managing.sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response = try await client.request(probe.method, probe.uri, session: county, json: probe.json)
                    #expect([.forbidden, .notFound].contains(response.status), "\(route): \(probe.uri) answered \(response.status)")
                }
            }
            // Creating one at the province is refused too.
            let create = try await client.request(
                .post, "/api/v1/selections", session: county, json: #"{"unitCode":"\#(province)","title":"越级","rules":\#(Self.rulesJSON())}"#)
            #expect([.forbidden, .notFound].contains(create.status))
        }
        #expect(try await app.database.selectionTablesSnapshot() == before, "a refused request changed a selection")
    }
}

extension TestApp {
    /// A published selection of `unit`'s directors, with the operator's objection to the whole list.
    func publishedSelection(unit: String, title: String) async throws -> SelectionScopeTests.OutsideSelection {
        let op = try await database.operatorPrincipal()
        let rules = try JSONDecoder().decode(SelectionRules.self, from: Data(SelectionScopeTests.rulesJSON().utf8))
        let created = try await database.createSelection(unitCode: unit, title: title, rules: rules, by: op)
        _ = try await database.computeSelection(created.id, by: op)
        _ = try await database.publishSelection(created.id, by: op)
        let objected = try await database.objectToSelection(created.id, staffNumber: nil, text: "\(title)：名单有误", by: op)
        return SelectionScopeTests.OutsideSelection(selection: created.id, objection: try #require(objected.objections.last).id)
    }

    /// Another county's published selection, for probes that must be refused.
    func outsideSelection(unit: String) async throws -> SelectionScopeTests.OutsideSelection {
        try await publishedSelection(unit: unit, title: "外县遴选")
    }
}

extension AppDatabase {
    /// Every row of the selection tables, to show a refused request changed nothing.
    func selectionTablesSnapshot() async throws -> [String] {
        try await reader.read { db in
            try ["selection", "selectionAdjustment", "selectionObjection", "selectionWinner"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
