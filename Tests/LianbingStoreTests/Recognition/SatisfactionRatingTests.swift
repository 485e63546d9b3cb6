import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// 满意度评定 in the service layer: rating addresses, one rating per device per unit per day, low ratings opening
/// follow-ups, hidden comments kept and logged, the Bayesian ranking, and administrators kept to their subtree.
@Suite("Satisfaction ratings")
struct SatisfactionRatingTests {
    static let good: [RatingAspect: Int] = [.attitude: 5, .efficiency: 5, .outcome: 5]

    @Test("Given a rating address, when one device rates twice in a day, then the second is refused; the next day it may rate again")
    func oneRatingPerDevicePerDay() async throws {
        let fixture = try await Fixture.make()
        let station = try await fixture.db.ratingStation(Code.shipai, by: try await fixture.countyAdmin())
        #expect(station.token.count >= 40 && !station.token.contains(Code.shipai))
        let device = try #require(try await fixture.db.verifiedRatingDevice(try await fixture.db.newRatingDevice()))
        try await fixture.db.submitPublicRating(token: station.token, scores: Self.good, comment: "", staffChoice: nil, source: .poster, device: device)
        await expectError(.conflict) {
            try await fixture.db.submitPublicRating(token: station.token, scores: Self.good, comment: "", staffChoice: nil, source: .poster, device: device)
        }
        // Another unit is another count.
        let other = try await fixture.db.ratingStation(Code.wushan, by: try await fixture.countyAdmin())
        try await fixture.db.submitPublicRating(token: other.token, scores: Self.good, comment: "", staffChoice: nil, source: .poster, device: device)
        fixture.clock.advance(by: 86_400)
        try await fixture.db.submitPublicRating(token: station.token, scores: Self.good, comment: "", staffChoice: nil, source: .poster, device: device)
        // Without a device, a poster rating is refused; a replaced token is not found.
        await expectError(.forbidden) {
            try await fixture.db.submitPublicRating(token: station.token, scores: Self.good, comment: "", staffChoice: nil, source: .poster, device: nil)
        }
        _ = try await fixture.db.replaceRatingToken(Code.shipai, by: try await fixture.countyAdmin())
        await expectError(.notFound) {
            try await fixture.db.submitPublicRating(token: station.token, scores: Self.good, comment: "", staffChoice: nil, source: .counter, device: nil)
        }
    }

    @Test("Given signed cookies, then a tampered device cookie and a wrong counter key are rejected")
    func signedCookies() async throws {
        let fixture = try await Fixture.make()
        let cookie = try await fixture.db.newRatingDevice()
        #expect(try await fixture.db.verifiedRatingDevice(cookie) != nil)
        // Another first character, whatever the random one was.
        #expect(try await fixture.db.verifiedRatingDevice((cookie.hasPrefix("x") ? "y" : "x") + cookie.dropFirst()) == nil)
        #expect(try await fixture.db.verifiedRatingDevice(String(cookie.dropLast()) + "0") == nil || cookie.hasSuffix("0"))
        let station = try await fixture.db.ratingStation(Code.shipai, by: try await fixture.countyAdmin())
        #expect(try await fixture.db.isRatingCounterKey(station.counterKey, token: station.token))
        #expect(try await fixture.db.isRatingCounterKey(String(repeating: "0", count: 32), token: station.token) == false)
    }

    @Test("Given a rating with an aspect at 2, then a follow-up opens; closing it records the outcome once and is logged")
    func lowRatingOpensFollowUp() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let low = try await fixture.db.enterRating(
            unitCode: Code.shipai, draft: RatingDraft(scores: [.attitude: 4, .efficiency: 2, .outcome: 4], comment: "等太久", source: .phone), by: county)
        let fine = try await fixture.db.enterRating(unitCode: Code.shipai, draft: RatingDraft(scores: Self.good, source: .paper), by: county)
        #expect(low.followUp?.isOpen == true && fine.followUp == nil && low.enteredBy == "county" && low.source == .phone)
        #expect(try await fixture.db.ratingFollowUps(unit: nil, openOnly: true, by: county).map(\.id) == [low.id])
        let closed = try await fixture.db.closeRatingFollowUp(low.id, outcome: .resolved, note: "已致电道歉并加快办理", by: county)
        #expect(closed.followUp?.outcome == .resolved && closed.followUp?.closedBy == "county")
        await expectError(.conflict) { try await fixture.db.closeRatingFollowUp(low.id, outcome: .resolved, note: "", by: county) }
        await expectError(.notFound) { try await fixture.db.closeRatingFollowUp(fine.id, outcome: .resolved, note: "", by: county) }
        #expect(try await fixture.db.auditEntries().last?.action == "rating.follow-up")
    }

    @Test("Given an abusive comment, when hidden, then the comment is withheld but kept, the scores still count, and the hiding is logged")
    func hiddenCommentIsKept() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let rating = try await fixture.db.enterRating(unitCode: Code.shipai, draft: RatingDraft(scores: Self.good, comment: "脏话", source: .paper), by: county)
        let hidden = try await fixture.db.hideRatingComment(rating.id, reason: "侮辱性语言", by: county)
        #expect(hidden.hidden && hidden.comment.isEmpty && hidden.hiddenReason == "侮辱性语言")
        let kept = try await fixture.db.reader.read { db in try String.fetchOne(db, sql: "SELECT comment FROM satisfactionRating WHERE id = ?", arguments: [rating.id]) }
        #expect(kept == "脏话")
        #expect(try await fixture.db.satisfactionReport(by: county).ratings == 1)
        #expect(try await fixture.db.auditEntries().last?.action == "rating.hide")
        await expectError(.invalid) { try await fixture.db.hideRatingComment(rating.id, reason: " ", by: county) }
    }

    @Test("Given 5.0 from two ratings and 4.8 from two hundred in a county averaging 4.2, then the Bayesian ranking puts 4.8 first; the plain means stay as they are")
    func bayesianRanking() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        for _ in 0..<2 { _ = try await fixture.db.enterRating(unitCode: Code.huashi, draft: RatingDraft(scores: Self.good, source: .paper), by: op) }
        for index in 0..<200 {
            let scores: [RatingAspect: Int] = index % 5 == 0 ? [.attitude: 4, .efficiency: 4, .outcome: 4] : Self.good
            _ = try await fixture.db.enterRating(unitCode: Code.shipai, draft: RatingDraft(scores: scores, source: .paper), by: op)
        }
        for _ in 0..<100 {
            _ = try await fixture.db.enterRating(unitCode: Code.wushan, draft: RatingDraft(scores: [.attitude: 3, .efficiency: 3, .outcome: 3], source: .phone), by: op)
        }
        let report = try await fixture.db.satisfactionReport(unit: Code.tianhe, by: try await fixture.countyAdmin())
        // Prior (960 + 10 + 300) / 302 ≈ 4.205: 石牌 (10·4.205 + 960) / 210 ≈ 4.77 ranks above 华师 (10·4.205 + 10) / 12 ≈ 4.34.
        #expect(report.units.map(\.key) == [Code.shipai, Code.huashi, Code.wushan])
        #expect(report.units.map(\.mean) == [4.8, 5.0, 3.0])
        #expect(report.weight == 10 && abs((report.prior ?? 0) - 1270.0 / 302.0) < 1e-9)
        #expect(report.ratings == 302 && report.trend.last?.count == 302)
        // The other county sees none of it.
        #expect(try await fixture.db.satisfactionReport(by: try await fixture.otherCountyAdmin()).units.isEmpty)
        await expectError(.notFound) { try await fixture.db.satisfactionReport(unit: Code.tianhe, by: try await fixture.otherCountyAdmin()) }
    }

    @Test("Given another county's rating, then its administrator cannot list, hide, follow up or enter there, and staff manage nothing")
    func scope() async throws {
        let fixture = try await Fixture.make()
        let rating = try await fixture.db.enterRating(
            unitCode: Code.xihe, draft: RatingDraft(scores: [.attitude: 1, .efficiency: 1, .outcome: 1], source: .paper), by: try await fixture.op())
        let county = try await fixture.countyAdmin()
        #expect(try await fixture.db.ratings(RatingFilter(), page: PageRequest(page: 1, perPage: 50), by: county).items.isEmpty)
        await expectError(.notFound) { try await fixture.db.hideRatingComment(rating.id, reason: "越权", by: county) }
        await expectError(.notFound) { try await fixture.db.closeRatingFollowUp(rating.id, outcome: .resolved, note: "", by: county) }
        await expectError(.notFound) { try await fixture.db.ratingStation(Code.xihe, by: county) }
        await expectError(.notFound) { try await fixture.db.setRatingListing(Roster.xiheWorker.number, listed: true, by: county) }
        await expectError(.notFound) {
            try await fixture.db.enterRating(unitCode: Code.xihe, draft: RatingDraft(scores: Self.good, source: .paper), by: county)
        }
        await expectError(.forbidden) { try await fixture.db.ratings(RatingFilter(), page: PageRequest(page: 1, perPage: 5), by: try await fixture.staffUser()) }
        // A member of staff may list themselves.
        try await fixture.db.setRatingListing(Roster.huashiInformant.number, listed: true, by: try await fixture.staffUser())
        let station = try await fixture.db.ratingStation(Code.huashi, by: county)
        #expect(try await fixture.db.publicRatingStation(token: station.token).staff.map(\.maskedName) == ["王*"])
    }
}
