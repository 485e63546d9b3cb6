@testable import LianbingServer

/// The 以考促学 routes in the scope check: the caller's own recommendations need no probe; a unit's weak points and
/// comparison must refuse another county.
enum RecommendationScopeTests {
    static let unscoped: [String: String] = [
        "GET /api/v1/my/recommendations": "the caller's own marks and lesson progress (RecommendationPagesTests)",
        "GET /school/recommended": "the caller's own marks and lesson progress (RecommendationPagesTests)",
    ]

    static func probes(outsideUnit u: String) -> [String: [ScopeTests.Probe]] {
        [
            "GET /api/v1/units/{code}/weak-points": [ScopeTests.Probe(method: .get, uri: "/api/v1/units/\(u)/weak-points")],
            "GET /school/weak-points": [ScopeTests.Probe(method: .get, uri: "/school/weak-points?unit=\(u)")],
            "GET /school/comparison": [ScopeTests.Probe(method: .get, uri: "/school/comparison?unit=\(u)")],
        ]
    }
}
