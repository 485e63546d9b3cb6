import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The public rating form at `/rate/<token>`: no login, its own double-submit token, one rating per device per unit
/// per day, a limit per client address, and the counter tablet's mode.
@Suite struct RatingPublicTests {
    @Test("Given the poster's address, when a phone rates, then it is stored once; the same device is refused the rest of the day")
    func oneRatingPerDevicePerDay() async throws {
        let fixture = try await RatingFixture.make()
        try await fixture.app.run { client in
            let phone = try await RatingVisitor.open(client, token: fixture.token)
            let first = try await phone.rate(client, token: fixture.token, comment: "办事很快")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/rate/\(fixture.token)?thanks=1")
            let again = try await phone.rate(client, token: fixture.token)
            #expect(again.status == .conflict)
            #expect(again.text.contains("今天已评价过"))
            // The form itself says so instead of asking again.
            let form = try await client.request(.get, "/rate/\(fixture.token)", headers: [.cookie: phone.cookieHeader])
            #expect(form.text.contains("今天已评价过") && !form.text.contains("<form method=\"post\" action=\"/rate/"))
            // Another phone may rate.
            let other = try await RatingVisitor.open(client, token: fixture.token)
            #expect(try await other.rate(client, token: fixture.token, scores: [4, 4, 4]).status == .seeOther)
        }
        #expect(try await fixture.ratingCount() == 2)
    }

    @Test("Given a forged form (no token, a token not matching the cookie, or an unsigned cookie), then it is refused and nothing is stored")
    func forgedFormIsRefused() async throws {
        let fixture = try await RatingFixture.make()
        try await fixture.app.run { client in
            let phone = try await RatingVisitor.open(client, token: fixture.token)
            #expect(try await phone.rate(client, token: fixture.token, withToken: false).status == .forbidden)
            // No cookie at all: a cross-site form carries none (SameSite=Lax) and cannot read one.
            let bare = try await client.request(
                .post, "/rate/\(fixture.token)", form: ["attitude": "1", "efficiency": "1", "outcome": "1", "_rate": phone.cookie])
            #expect(bare.status == .forbidden)
            // A cookie planted with a made-up id is not signed.
            let planted = RatingVisitor(cookie: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.00000000000000000000000000000000")
            #expect(try await planted.rate(client, token: fixture.token).status == .forbidden)
            // An unknown address is not found; a signed-in session's CSRF token does not stand in for the form's.
            #expect(try await phone.rate(client, token: "nosuchtoken").status == .notFound)
        }
        #expect(try await fixture.ratingCount() == 0)
    }

    @Test("Given posts from one address with a fresh device each time, then only 20 per window are stored and the rest get 429 with Retry-After")
    func postsAreLimitedPerAddress() async throws {
        let fixture = try await RatingFixture.make()
        try await fixture.app.run { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<25 {
                let phone = try await RatingVisitor.open(client, token: fixture.token)
                let response = try await phone.rate(client, token: fixture.token)
                statuses.append(response.status)
                if response.status == .tooManyRequests { #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0) }
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == .seeOther })
            #expect(statuses.dropFirst(20).allSatisfy { $0 == .tooManyRequests })
        }
        #expect(try await fixture.ratingCount() == 20)
    }

    @Test("Given one address's budget spent, then another address still rates (the throttle counts per address)")
    func throttleCountsPerAddress() async throws {
        let now = Date()
        let throttle = RatingThrottle(limits: RatingThrottle.Limits(perAddress: 2, perCounter: 3, window: 600), clock: { now })
        #expect(await throttle.admit(address: "10.0.0.1", counterUnit: nil) == nil)
        #expect(await throttle.admit(address: "10.0.0.1", counterUnit: nil) == nil)
        #expect(await throttle.admit(address: "10.0.0.1", counterUnit: nil) == 600)
        #expect(await throttle.admit(address: "10.0.0.2", counterUnit: nil) == nil)
        // The counter tablet has its own budget, not its hall's address's.
        #expect(await throttle.admit(address: "10.0.0.1", counterUnit: "4401") == nil)
    }

    @Test("A rating form posted 1,000 times from one address within a minute stores only what the limits allow and never answers 5xx")
    func thousandPostsFromOneAddress() async throws {
        let fixture = try await RatingFixture.make()
        // What a script gets by opening the form again and again: a signed device cookie each time.
        var devices: [String] = []
        for _ in 0..<1_000 { devices.append(try await fixture.app.database.newRatingDevice()) }
        let started = Date()
        try await fixture.app.run { [devices] client in
            var counts: [UInt: Int] = [:]
            for (index, cookie) in devices.enumerated() {
                let visitor = RatingVisitor(cookie: index % 2 == 0 ? cookie : devices[0])
                // Valid forms, forged ones, out-of-range scores and overlong comments, mixed.
                let response: TestResponse
                switch index % 5 {
                case 0: response = try await visitor.rate(client, token: fixture.token, withToken: false)
                case 1: response = try await visitor.rate(client, token: fixture.token, scores: [9, -1, 99999999999])
                case 2: response = try await visitor.rate(client, token: fixture.token, comment: String(repeating: "骂", count: 5_000))
                default: response = try await visitor.rate(client, token: fixture.token, scores: [1 + index % 5, 5, 3])
                }
                counts[UInt(response.status.code), default: 0] += 1
                #expect(response.status.code < 500, "post \(index) answered \(response.status)")
            }
            #expect(counts[429, default: 0] >= 980)
        }
        #expect(Date().timeIntervalSince(started) < 60)
        let stored = try await fixture.ratingCount()
        #expect(stored >= 1 && stored <= RatingThrottle.Limits().perAddress)
    }

    @Test("Given the counter key, when the tablet rates twice, then both are stored as counter ratings and the form comes back empty")
    func counterModeRatesRepeatedlyAndResets() async throws {
        let fixture = try await RatingFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let key = try await fixture.app.database.ratingStation(fixture.unit, by: op).counterKey
        try await fixture.app.run { client in
            #expect(try await client.request(.get, "/rate/\(fixture.token)/counter").status == .forbidden)
            #expect(try await client.request(.get, "/rate/\(fixture.token)/counter?key=wrong").status == .forbidden)
            let unlock = try await client.request(.get, "/rate/\(fixture.token)/counter?key=\(key)")
            #expect(unlock.status == .seeOther)
            var tablet = try await RatingVisitor.open(client, token: fixture.token)
            tablet.counter = try #require(RatingVisitor.cookie(RatingPublicController.counterCookie, in: unlock))
            let form = try await client.request(.get, "/rate/\(fixture.token)/counter", headers: [.cookie: tablet.cookieHeader])
            #expect(form.status == .ok && form.text.contains(#"name="mode" value="counter""#))
            for _ in 0..<2 {
                let response = try await tablet.rate(client, token: fixture.token, mode: "counter")
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/rate/\(fixture.token)/counter?thanks=1")
            }
            let thanks = try await client.request(.get, "/rate/\(fixture.token)/counter?thanks=1", headers: [.cookie: tablet.cookieHeader])
            #expect(thanks.text.contains(#"data-reset="/rate/\#(fixture.token)/counter""#))
            // Without the counter cookie, "counter" in the form is refused.
            let phone = try await RatingVisitor.open(client, token: fixture.token)
            #expect(try await phone.rate(client, token: fixture.token, mode: "counter").status == .forbidden)
        }
        let sources = try await fixture.app.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT source FROM satisfactionRating WHERE unitCode = ?", arguments: [fixture.unit])
        }
        #expect(sources == ["counter", "counter"])
    }

    @Test("Given a listed member of staff, then the form shows the masked name and no staff number, and the choice is stored; a comment is shown escaped")
    func staffChoiceAndEscapedComment() async throws {
        let fixture = try await RatingFixture.make()
        let masked = HolderNameMask.mask(fixture.listedName)
        try await fixture.app.run { client in
            let page = try await client.request(.get, "/rate/\(fixture.token)")
            #expect(page.text.contains(masked))
            #expect(!page.text.contains(fixture.listed) && (fixture.listedName.count < 3 || !page.text.contains(fixture.listedName)))
            let choice = try #require(page.text.components(separatedBy: "<option value=\"").dropFirst(2).first?.split(separator: "\"").first.map(String.init))
            let phone = RatingVisitor(cookie: try #require(RatingVisitor.cookie(RatingPublicController.deviceCookie, in: page)))
            let response = try await phone.rate(client, token: fixture.token, scores: [2, 3, 3], comment: "<script>alert(1)</script>", staff: choice)
            #expect(response.status == .seeOther)
            let admin = try await client.logIn("admin")
            let unitPage = try await client.request(.get, "/ratings/units/\(fixture.unit)", session: admin)
            #expect(unitPage.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !unitPage.text.contains("<script>alert(1)"))
            #expect(unitPage.text.contains("待回访"))
        }
        let stored = try await fixture.app.database.reader.read { db in
            try String.fetchOne(db, sql: "SELECT staffNumber FROM satisfactionRating WHERE unitCode = ?", arguments: [fixture.unit])
        }
        #expect(stored == fixture.listed)
    }

    @Test("Given a public address, then the poster's QR code decodes to exactly the rating address; without one the poster warns instead")
    func posterQRCodeDecodesToTheAddress() async throws {
        let fixture = try await RatingFixture.make(publicURL: "https://lianbing.example.gov.cn/")
        try await fixture.app.run { client in
            let admin = try await client.logIn("admin")
            let poster = try await client.request(.get, "/ratings/units/\(fixture.unit)/poster", session: admin)
            #expect(poster.status == .ok)
            // Nothing loaded from elsewhere: the only absolute address is the code's own, printed beneath it.
            #expect(!poster.text.contains("src=\"http") && !poster.text.contains("href=\"http") && !poster.text.contains("<script"))
            let svg = try #require(poster.text.range(of: "<svg").map { String(poster.text[$0.lowerBound...]) })
            #expect(try RatingQRScan.scan(svg: svg) == "https://lianbing.example.gov.cn/rate/\(fixture.token)")
        }
        let plain = try await RatingFixture.make()
        try await plain.app.run { client in
            let admin = try await client.logIn("admin")
            let poster = try await client.request(.get, "/ratings/units/\(plain.unit)/poster", session: admin)
            #expect(poster.text.contains("--public-url") && !poster.text.contains("<svg"))
        }
    }
}

/// Reads a QR code back from the SVG the server drew (`QRCode.svg`: one `M x y h n v1 h-n z` per run of dark modules),
/// as pixels in a PGM, with zbarimg.
enum RatingQRScan {
    static let zbarimg = "/usr/bin/zbarimg"

    static func scan(svg: String) throws -> String {
        try #require(FileManager.default.isExecutableFile(atPath: zbarimg), "zbarimg is not installed (Debian's zbar-tools)")
        let viewBox = try #require(svg.range(of: #"viewBox="0 0 (\d+) \d+""#, options: .regularExpression).map { String(svg[$0]) })
        let side = try #require(Int(viewBox.split(separator: " ")[3].split(separator: "\"")[0]))
        let d = try #require(svg.range(of: #" d="[^"]*""#, options: .regularExpression).map { String(svg[$0]).dropFirst(4).dropLast() })
        var dark = Array(repeating: Array(repeating: false, count: side), count: side)
        let numbers = /M(\d+) (\d+)h(\d+)v1h-\d+z/
        for match in d.matches(of: numbers) {
            let (x, y, run) = (Int(match.1)!, Int(match.2)!, Int(match.3)!)
            for column in x..<(x + run) { dark[y][column] = true }
        }
        let scale = 8
        var image = Data("P5\n\(side * scale) \(side * scale)\n255\n".utf8)
        for y in 0..<(side * scale) {
            for x in 0..<(side * scale) { image.append(dark[y / scale][x / scale] ? 0 : 255) }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-rating-\(UUID().uuidString).pgm")
        try image.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
