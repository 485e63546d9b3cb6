import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A selection through the JSON API from its rules to the awards on the winners' records, and what bad input gets.
@Suite struct SelectionAPITests {
    /// A clock the test moves past the notice period; whole seconds, so stored dates round-trip exactly.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        func read() -> Date { lock.withLock { now } }
        func advance(days: Int) { lock.withLock { now += TimeInterval(days) * 86_400 } }
    }

    /// Rules for `post` over the last year, on training hours and certificates, with `places` places.
    static func rules(post: String, today: CivilDate, places: Int = 3, weight: Int = 60, criterion: String = "training-hours") -> String {
        #"{"award":"优秀接访员","posts":["\#(post)"],"levels":[],"from":"\#(today.adding(days: -365)!)","through":"\#(today)","criteria":[{"criterion":"\#(criterion)","weight":\#(weight)},{"criterion":"certificate","weight":40}],"normalisation":"min-max","missing":"rescale","minimums":{"validCertificate":false,"trainingCovered":false,"minimumRatings":0},"quota":{"places":\#(places),"sharing":"total","method":"sainte-lague"}}"#
    }

    @Test("Create, compute, adjust, publish, object, answer, finalise after the notice period: the award is on the winner's record")
    func lifecycleThroughTheAPI() async throws {
        let clock = Clock()
        let app = try await TestApp.demo(database: try AppDatabase.inMemory(clock: clock.read))
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let number = try #require(try await app.database.account("staff", for: op).account.staffNumber)
        let post = try await app.database.staffMember(number, for: op).staff.post
        let today = ChinaTime.civilDate(of: clock.read())
        try await app.run { client in
            var county = try await client.logIn("county")
            let staff = try await client.logIn("staff")

            let created = try await client.request(
                .post, "/api/v1/selections", session: county,
                json: #"{"unitCode":"\#(anchors.county)","title":"年度优秀接访员","rules":\#(Self.rules(post: post, today: today))}"#)
            #expect(created.status == .created, "\(created.text)")
            let draft = try created.json(SelectionJSON.self)
            #expect(draft.status == .draft && draft.manageable && draft.outcome == nil && draft.rules.quota.places == 3)
            let id = draft.id
            let renamed = try await client.request(
                .put, "/api/v1/selections/\(id)/rules", session: county,
                json: #"{"title":"年度优秀接访员遴选","rules":\#(Self.rules(post: post, today: today, places: 2))}"#)
            #expect(renamed.status == .ok)
            #expect(try renamed.json(SelectionJSON.self).title == "年度优秀接访员遴选")
            // Not published: the member of staff does not see it.
            #expect(try await client.request(.get, "/api/v1/selections/\(id)", session: staff).status == .notFound)

            let computed = try await client.request(.post, "/api/v1/selections/\(id)/compute", session: county)
            #expect(computed.status == .ok, "\(computed.text)")
            let shown = try await client.request(.get, "/api/v1/selections/\(id)", session: county).json(SelectionJSON.self)
            let outcome = try #require(shown.outcome)
            #expect(shown.status == .computed && shown.statusLabel == "已计算")
            #expect(outcome.lines.contains { $0.candidate.number == number })
            #expect(outcome.lines.allSatisfy { $0.normalised.count == 2 && $0.candidate.raw.count == 2 })
            #expect(!shown.nominees.isEmpty && shown.nominees.count <= 2)
            // The rules are locked once computed.
            let locked = try await client.request(
                .put, "/api/v1/selections/\(id)/rules", session: county, json: #"{"title":"改","rules":\#(Self.rules(post: post, today: today))}"#)
            #expect(locked.status == .conflict)

            // The member of staff goes on the list; someone else comes off it.
            var adjusted = shown
            if !shown.nominees.contains(where: { $0.number == number }) {
                let add = try await client.request(
                    .post, "/api/v1/selections/\(id)/adjustments", session: county,
                    json: #"{"staffNumber":"\#(number)","action":"add","reason":"群众评价突出"}"#)
                #expect(add.status == .ok, "\(add.text)")
                adjusted = try add.json(SelectionJSON.self)
            }
            if let other = adjusted.nominees.first(where: { $0.number != number }) {
                let remove = try await client.request(
                    .post, "/api/v1/selections/\(id)/adjustments", session: county,
                    json: #"{"staffNumber":"\#(other.number)","action":"remove","reason":"本年度受过投诉"}"#)
                #expect(remove.status == .ok, "\(remove.text)")
                adjusted = try remove.json(SelectionJSON.self)
            }
            #expect(adjusted.nominees.contains { $0.number == number })
            #expect(!adjusted.adjustments.isEmpty)
            let stranger = try await client.request(
                .post, "/api/v1/selections/\(id)/adjustments", session: county,
                json: #"{"staffNumber":"\#(anchors.outsideStaff)","action":"add","reason":"不是候选人"}"#)
            #expect(stranger.status == .badRequest)

            let published = try await client.request(.post, "/api/v1/selections/\(id)/publish", session: county, json: #"{"workingDays":5}"#)
            #expect(published.status == .ok, "\(published.text)")
            let notice = try #require(try published.json(SelectionJSON.self).noticeEndsOn)
            #expect(notice > today)

            // Staff of the county read the list only, and object.
            let view = try await client.request(.get, "/api/v1/selections/\(id)", session: staff)
            #expect(view.status == .ok)
            let readOnly = try view.json(SelectionJSON.self)
            #expect(readOnly.outcome == nil && !readOnly.manageable && readOnly.nominees.contains { $0.number == number })
            let listed = try await client.request(.get, "/api/v1/selections", session: staff).json([SelectionSummaryJSON].self)
            #expect(listed.contains { $0.id == id && !$0.manageable && $0.status == .published })
            #expect(try await client.request(.post, "/api/v1/selections/\(id)/finalise", session: staff).status == .forbidden)
            let objected = try await client.request(
                .post, "/api/v1/selections/\(id)/objections", session: staff, json: #"{"staffNumber":"\#(number)","text":"请核实本人培训学时"}"#)
            #expect(objected.status == .created, "\(objected.text)")
            let objection = try #require(try objected.json(SelectionJSON.self).objections.first)
            #expect(objection.answer == nil)

            let waiting = try await client.request(.get, "/api/v1/selections/\(id)", session: county).json(SelectionJSON.self)
            #expect(waiting.openObjections == 1)
            let early = try await client.request(.post, "/api/v1/selections/\(id)/finalise", session: county)
            #expect(early.status == .conflict)
            let answered = try await client.request(
                .post, "/api/v1/selections/\(id)/objections/\(objection.id)/answer", session: county, json: #"{"answer":"经核实，学时无误"}"#)
            #expect(answered.status == .ok, "\(answered.text)")
            #expect(try answered.json(SelectionJSON.self).openObjections == 0)
            let twice = try await client.request(
                .post, "/api/v1/selections/\(id)/objections/\(objection.id)/answer", session: county, json: #"{"answer":"再次答复"}"#)
            #expect(twice.status == .notFound)
            // Answered, but the notice period is not over.
            #expect(try await client.request(.post, "/api/v1/selections/\(id)/finalise", session: county).status == .conflict)

            clock.advance(days: 15)
            county = try await client.logIn("county")
            let final = try await client.request(.post, "/api/v1/selections/\(id)/finalise", session: county)
            #expect(final.status == .ok, "\(final.text)")
            let finished = try final.json(SelectionJSON.self)
            #expect(finished.status == .final && finished.finalisedAt != nil)
            let late = try await client.logIn("staff")
            let closed = try await client.request(.post, "/api/v1/selections/\(id)/objections", session: late, json: #"{"text":"定稿后的异议"}"#)
            #expect(closed.status == .conflict)

            for session in [late, county] {
                let awards = try await client.request(.get, "/api/v1/staff/\(number)/awards", session: session)
                #expect(awards.status == .ok)
                let list = try awards.json([SelectionAward].self)
                #expect(list.map(\.selectionId) == [id] && list.first?.award == "优秀接访员")
            }
            let removed = finished.adjustments.first { $0.action == .remove }
            if let removed {
                let none = try await client.request(.get, "/api/v1/staff/\(removed.staffNumber)/awards", session: county).json([SelectionAward].self)
                #expect(none.isEmpty)
            }
        }
    }

    @Test("Bad rules, bodies and ids get 400 or 404 with a Chinese message, never 500, and store nothing")
    func badInputIsRefused() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let today = ChinaTime.civilDate(of: Date())
        let good = Self.rules(post: "接访员", today: today)
        let county = anchors.county
        @Sendable func create(_ rules: String, title: String = "遴选") -> String {
            #"{"unitCode":"\#(county)","title":"\#(title)","rules":\#(rules)}"#
        }
        let before = try await app.database.selectionTablesSnapshot()
        try await app.run { client in
            let admin = try await client.logIn("county")
            let bodies = [
                create(Self.rules(post: "接访员", today: today, weight: 0)),
                create(Self.rules(post: "接访员", today: today, weight: 101)),
                create(Self.rules(post: "接访员", today: today, weight: Int.max)),
                create(Self.rules(post: "接访员", today: today, places: 0)),
                create(Self.rules(post: "接访员", today: today, places: 1_001)),
                create(Self.rules(post: "接访员", today: today, places: Int.min)),
                create(Self.rules(post: "接访员", today: today, criterion: "popularity")),
                create(Self.rules(post: "接访员", today: today, criterion: "certificate")),
                create(Self.rules(post: "没有这个岗位", today: today)),
                create(good.replacingOccurrences(of: #""levels":[]"#, with: #""levels":[9]"#)),
                create(good.replacingOccurrences(of: #""levels":[]"#, with: #""levels":[1]"#)),
                create(good.replacingOccurrences(of: #""from":"\#(today.adding(days: -365)!)""#, with: #""from":"2999-01-01""#)),
                create(good.replacingOccurrences(of: #""through":"\#(today)""#, with: #""through":"2000-02-30""#)),
                create(good.replacingOccurrences(of: #""sharing":"total""#, with: #""sharing":"county""#)),
                create(good.replacingOccurrences(of: #""minimumRatings":0"#, with: #""minimumRatings":-1"#)),
                create(good.replacingOccurrences(of: #""award":"优秀接访员""#, with: #""award":"""#)),
                create(good, title: ""),
                create(good, title: String(repeating: "长", count: 61)),
                #"{"unitCode":"\#(anchors.county)","title":"缺规则"}"#,
                "{",
            ]
            for body in bodies {
                let response = try await client.request(.post, "/api/v1/selections", session: admin, json: body)
                #expect(response.status == .badRequest, "\(body.prefix(200)) answered \(response.status)")
                #expect(Self.isChinese(response), "\(response.text)")
            }

            let draft = try await client.request(.post, "/api/v1/selections", session: admin, json: create(good)).json(SelectionJSON.self)
            let id = draft.id
            for body in [#"{"workingDays":0}"#, #"{"workingDays":31}"#, #"{"workingDays":9223372036854775807}"#, #"{"workingDays":"五"}"#] {
                let response = try await client.request(.post, "/api/v1/selections/\(id)/publish", session: admin, json: body)
                #expect(response.status == .badRequest, "\(body) answered \(response.status)")
                #expect(Self.isChinese(response))
            }
            // A draft is neither adjusted nor published before it is computed.
            let adjust = try await client.request(
                .post, "/api/v1/selections/\(id)/adjustments", session: admin, json: #"{"staffNumber":"\#(anchors.insideStaff)","action":"add","reason":"好"}"#)
            #expect(adjust.status == .badRequest, "reason of one character")
            let action = try await client.request(
                .post, "/api/v1/selections/\(id)/adjustments", session: admin, json: #"{"staffNumber":"x","action":"promote","reason":"理由充分"}"#)
            #expect(action.status == .badRequest)
            #expect(try await client.request(.post, "/api/v1/selections/\(id)/publish", session: admin, json: "{}").status == .conflict)
            for path in ["abc", "0", "-1", "99999999999999999999", "\(Int64.max)"] {
                let response = try await client.request(.get, "/api/v1/selections/\(path)", session: admin)
                #expect(response.status == .notFound, "\(path) answered \(response.status)")
                #expect(Self.isChinese(response))
            }
            let objection = try await client.request(
                .post, "/api/v1/selections/\(id)/objections/abc/answer", session: admin, json: #"{"answer":"答复内容"}"#)
            #expect(objection.status == .notFound)
            let unsent = try await client.request(.post, "/api/v1/selections", session: admin, form: ["title": "表单"])
            #expect(unsent.status == .unsupportedMediaType || unsent.status == .forbidden)
            // Staff create nothing.
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.post, "/api/v1/selections", session: staff, json: create(good)).status == .forbidden)
            _ = try await client.request(.delete, "/api/v1/session", session: staff)
            #expect(try await client.request(.get, "/api/v1/selections").status == .unauthorized)
        }
        let after = try await app.database.selectionTablesSnapshot()
        #expect(after.count == before.count + 1, "only the one good draft is stored")
    }

    /// The error envelope's message holds Chinese text.
    static func isChinese(_ response: TestResponse) -> Bool {
        struct Envelope: Decodable { struct Inner: Decodable { var message: String }; var error: Inner }
        guard let message = try? response.json(Envelope.self).error.message else { return false }
        return message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
