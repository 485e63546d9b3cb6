import Foundation
@testable import LianbingServer
import LianbingCore
import Testing

/// 持证上岗 per post: the requirements are province-wide (read by everyone, set only by the root unit's
/// administrators), so a county administrator is refused setting or removing one; the compliance report of another
/// county is "not found". (`ScopeTests` probes every route with these.)
enum CertificateComplianceScopeTests {
    static let director = "/" + (Post.director.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")

    static let unscoped: [String: String] = [
        "GET /api/v1/post-requirements": "post requirements are province-wide, read by everyone; setting them is probed under PUT",
        "GET /post-requirements": "post requirements are province-wide, read by everyone; setting them is probed under POST",
    ]

    static func probes(outsideUnit u: String) -> [String: [ScopeTests.Probe]] {
        [
            "PUT /api/v1/post-requirements/{post}": [
                ScopeTests.Probe(method: .put, uri: "/api/v1/post-requirements\(director)", json: #"{"qualificationIds":[1],"graceDays":30}"#)
            ],
            "DELETE /api/v1/post-requirements/{post}": [ScopeTests.Probe(method: .delete, uri: "/api/v1/post-requirements\(director)", json: "{}")],
            "POST /post-requirements": [
                ScopeTests.Probe(method: .post, uri: "/post-requirements", form: ["post": Post.director, "q1": "1", "grace_days": "30"])
            ],
            "POST /post-requirements/remove": [ScopeTests.Probe(method: .post, uri: "/post-requirements/remove", form: ["post": Post.director])],
            "GET /api/v1/certification-compliance": [ScopeTests.Probe(method: .get, uri: "/api/v1/certification-compliance?unit=\(u)")],
            "GET /certification-compliance": [ScopeTests.Probe(method: .get, uri: "/certification-compliance?unit=\(u)")],
            "GET /certification-compliance.csv": [
                ScopeTests.Probe(method: .get, uri: "/certification-compliance.csv?unit=\(u)"),
                ScopeTests.Probe(method: .get, uri: "/certification-compliance.csv?unit=\(u)&table=lacking"),
            ],
            "GET /certification-compliance.xlsx": [
                ScopeTests.Probe(method: .get, uri: "/certification-compliance.xlsx?unit=\(u)"),
                ScopeTests.Probe(method: .get, uri: "/certification-compliance.xlsx?unit=\(u)&table=lacking"),
            ],
        ]
    }
}
