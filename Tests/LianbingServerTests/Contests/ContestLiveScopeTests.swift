import Foundation
import HTTPTypes
@testable import LianbingServer
import Testing

/// The live screens' routes in the every-route scope test: the host's console, the judge's page and the
/// contestant's page of another county's contest are missing for the county, and so is its socket (the upgrade is
/// refused before any socket opens; `ContestLiveTests` opens real ones). The projector's routes are public by token.
enum ContestLiveScopeTests {
    static let unscoped: [String: String] = [
        "GET /board/{token}": "the projector's board: public by its unguessable token, no members, no key (ContestLiveTests)",
        "GET /board/{token}/live": "the projector's socket: public by its unguessable token; a wrong token is refused (ContestLiveTests)",
    ]

    static func probes(_ c: ContestScopeTests.OutsideContest) -> [String: [ScopeTests.Probe]] {
        let uri = "/contests/\(c.contest)"
        return [
            "GET /contests/{contest}/host": [ScopeTests.Probe(method: .get, uri: uri + "/host")],
            "GET /contests/{contest}/judge": [ScopeTests.Probe(method: .get, uri: uri + "/judge")],
            "GET /contests/{contest}/play": [ScopeTests.Probe(method: .get, uri: uri + "/play")],
            "GET /contests/{contest}/live": [ScopeTests.Probe(method: .get, uri: uri + "/live")],
        ]
    }
}
