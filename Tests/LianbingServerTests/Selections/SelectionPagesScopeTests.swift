import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The selection pages keep to the store's scope: another county's selection is missing from every selection page
/// and form of a county administrator. (`ScopeTests` probes every route with `SelectionPagesScopeTests.probes`,
/// beside the API's `SelectionScopeTests.probes`; `SelectionPageTests` covers the read-only province view.)
@Suite struct SelectionPagesScopeTests {
    /// The selection pages' routes that name no selection, unit or member of staff, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /selections": "lists only the caller's subtree's selections and the published ones covering the caller (SelectionPageTests)",
        "GET /selections/new": "the form offers only the caller's own subtree; saving is probed under POST /selections",
    ]

    /// Every selection page route with requests that reach for another county's selection `o`, unit `u` or member of
    /// staff `s`, keyed as the router describes its routes.
    static func probes(_ o: SelectionScopeTests.OutsideSelection, outsideUnit u: String, outsideStaff s: String) -> [String: [ScopeTests.Probe]] {
        let uri = "/selections/\(o.selection)"
        let rules = ruleFields(unit: u)
        return [
            "POST /selections": [ScopeTests.Probe(method: .post, uri: "/selections", form: rules)],
            "GET /selections/{selection}": [ScopeTests.Probe(method: .get, uri: uri)],
            "GET /selections/{selection}/edit": [ScopeTests.Probe(method: .get, uri: uri + "/edit")],
            "POST /selections/{selection}/edit": [ScopeTests.Probe(method: .post, uri: uri + "/edit", form: rules)],
            "POST /selections/{selection}/compute": [ScopeTests.Probe(method: .post, uri: uri + "/compute", form: [:])],
            "POST /selections/{selection}/adjustments": [
                ScopeTests.Probe(method: .post, uri: uri + "/adjustments", form: ["action": "add", "staff_number": s, "reason": "越权调整"])
            ],
            "POST /selections/{selection}/publish": [ScopeTests.Probe(method: .post, uri: uri + "/publish", form: ["working_days": "5"])],
            "POST /selections/{selection}/objections": [ScopeTests.Probe(method: .post, uri: uri + "/objections", form: ["text": "越权异议"])],
            "POST /selections/{selection}/objections/{objection}/answer": [
                ScopeTests.Probe(method: .post, uri: uri + "/objections/\(o.objection)/answer", form: ["answer": "越权答复"])
            ],
            "POST /selections/{selection}/finalise": [ScopeTests.Probe(method: .post, uri: uri + "/finalise", form: [:])],
            "GET /selections/{selection}/candidates/{number}": [ScopeTests.Probe(method: .get, uri: uri + "/candidates/\(s.urlEncoded)")],
            "GET /selections/{selection}/result.csv": [ScopeTests.Probe(method: .get, uri: uri + "/result.csv")],
            "GET /selections/{selection}/result.xlsx": [ScopeTests.Probe(method: .get, uri: uri + "/result.xlsx")],
            "GET /selections/{selection}/list.csv": [ScopeTests.Probe(method: .get, uri: uri + "/list.csv")],
            "GET /selections/{selection}/list.xlsx": [ScopeTests.Probe(method: .get, uri: uri + "/list.xlsx")],
            "GET /selections/{selection}/print": [ScopeTests.Probe(method: .get, uri: uri + "/print")],
            "GET /selections/{selection}/certificates": [ScopeTests.Probe(method: .get, uri: uri + "/certificates")],
        ]
    }

    /// The rules form filled in for `unit`: its directors over the last year, by training hours and certificate.
    static func ruleFields(unit: String, title: String = "越权", places: String = "3") -> [String: String] {
        let today = ChinaTime.civilDate(of: Date())
        return [
            "title": title, "unit_code": unit, "award": "优秀主任（站长）", "from": today.adding(days: -365)!.description,
            "through": today.description, "use_training-hours": "1", "weight_training-hours": "60", "use_certificate": "1",
            "weight_certificate": "40", "normalisation": "min-max", "missing": "rescale", "minimum_ratings": "0", "places": places,
            "sharing": "total", "method": "sainte-lague",
        ]
    }

    @Test("Given another county's published selection, then the county administrator gets 404 on each selection page and form, and it is listed nowhere")
    func countyGetsNotFoundOnAnotherCountysSelection() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let outside = try await app.outsideSelection(unit: anchors.outsideUnit)
        let before = try await app.database.selectionTablesSnapshot()
        try await app.run { client in
            let county = try await client.logIn("county")
            #expect(!(try await client.request(.get, "/selections", session: county).text.contains("外县遴选")))
            for (route, probes) in Self.probes(outside, outsideUnit: anchors.outsideUnit, outsideStaff: anchors.outsideStaff).sorted(by: { $0.key < $1.key }) {
                for probe in probes {
                    let response = try await client.request(probe.method, probe.uri, session: county, form: probe.form)
                    #expect(response.status == .notFound, "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("外县遴选"), "\(route)")
                }
            }
        }
        #expect(try await app.database.selectionTablesSnapshot() == before, "a refused request changed a selection")
    }
}
