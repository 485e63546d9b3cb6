import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// What the rating tests share: a demo server with one rating address in the demo county, and a visitor's browser
/// (its device cookie and the form's double-submit token).
struct RatingFixture {
    var app: TestApp
    /// A station (town or village) of the demo county, with a rating address.
    var unit: String
    var token: String
    /// An active member of its staff, listed on the public form.
    var listed: String
    var listedName: String

    static func make(publicURL: String? = nil) async throws -> RatingFixture {
        var app = try await TestApp.demo()
        if let publicURL { app.settings.publicURL = try PublicURL(publicURL) }
        let op = try await app.database.operatorPrincipal()
        let anchors = try await app.anchors()
        let staff = try await app.database.staff(query: nil, unit: anchors.county, page: PageRequest(page: 1, perPage: 200), for: op).items
        let member = try #require(staff.first { $0.staff.isActive && $0.staff.unitCode != anchors.county })
        let station = try await app.database.ratingStation(member.staff.unitCode, by: op)
        try await app.database.setRatingListing(member.staff.number, listed: true, by: op)
        return RatingFixture(app: app, unit: station.unitCode, token: station.token, listed: member.staff.number, listedName: member.staff.name)
    }

    func ratingCount(unit: String? = nil) async throws -> Int {
        try await app.database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM satisfactionRating WHERE unitCode = ?", arguments: [unit ?? self.unit]) ?? 0
        }
    }
}

/// A visitor's phone: the device cookie from the form, posted back with the same value in `_rate`.
struct RatingVisitor {
    var cookie: String
    var counter: String?

    var cookieHeader: String { "\(RatingPublicController.deviceCookie)=\(cookie)" + (counter.map { "; \(RatingPublicController.counterCookie)=\($0)" } ?? "") }

    /// Opens the form and keeps the device cookie it sets.
    static func open(_ client: Client, token: String) async throws -> RatingVisitor {
        let response = try await client.request(.get, "/rate/\(token)")
        #expect(response.status == .ok)
        let cookie = try #require(Self.cookie(RatingPublicController.deviceCookie, in: response))
        return RatingVisitor(cookie: cookie)
    }

    static func cookie(_ name: String, in response: TestResponse) -> String? {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0]
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// Posts a rating; `token: false` leaves the double-submit field out, as a forged form would.
    func rate(
        _ client: Client, token: String, scores: [Int] = [5, 4, 5], comment: String = "", staff: String? = nil, mode: String = "poster",
        withToken: Bool = true
    ) async throws -> TestResponse {
        var form = ["attitude": String(scores[0]), "efficiency": String(scores[1]), "outcome": String(scores[2]), "comment": comment, "mode": mode]
        if withToken { form[RatingPublicController.formField] = cookie }
        if let staff { form["staff"] = staff }
        return try await client.request(.post, "/rate/\(token)", form: form, headers: [.cookie: cookieHeader])
    }
}
