import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing rating report|poster|follow-up` on a temp-file database.
@Suite struct RatingCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("rating") }

    @Test func reportPosterAndFollowUps() async throws {
        try await fixture.prepare()
        let database = try fixture.store()
        let op = try await database.operatorPrincipal()
        for _ in 0..<3 {
            _ = try await database.enterRating(
                unitCode: "440106001001", draft: RatingDraft(scores: [.attitude: 5, .efficiency: 5, .outcome: 4], staffNumber: "GD3", source: .paper), by: op)
        }
        let low = try await database.enterRating(
            unitCode: "440106002000", draft: RatingDraft(scores: [.attitude: 2, .efficiency: 3, .outcome: 3], comment: "等太久", source: .phone), by: op)

        try await fixture.run(["rating", "report", "--unit", TrainingFixture.county])
        try await fixture.run(["rating", "report", "--staff", "--json"])
        let csv = fixture.path("rating.csv")
        try await fixture.run(["rating", "report", "--out", csv])
        let (hasBOM, text) = try fixture.csv(csv)
        #expect(hasBOM && text.hasPrefix("单位,名次,排名分,平均分,评价数,态度,效率,结果,差评"))
        #expect(text.contains("沙河社区,1,") && text.contains("员村街道,2,"))

        let svg = fixture.path("poster.svg"), html = fixture.path("poster.html")
        try await fixture.run(["rating", "poster", "--unit", "440106001001", "--public-url", "https://lianbing.example.gov.cn", "--out", svg])
        try await fixture.run(["rating", "poster", "--unit", "440106001001", "--public-url", "https://lianbing.example.gov.cn", "--out", html])
        let token = try await fixture.store().ratingStation("440106001001", by: op).token
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("https://lianbing.example.gov.cn/rate/\(token)") && page.contains("<svg") && !page.contains("src="))
        #expect(await fixture.refused(["rating", "poster", "--unit", "440106001001", "--public-url", "ftp://x", "--out", fixture.path("p.svg")]))
        #expect(await fixture.refused(["rating", "poster", "--unit", "440106001001", "--public-url", "https://x.cn", "--out", fixture.path("p.png")]))

        try await fixture.run(["rating", "follow-up", "list"])
        #expect(await fixture.refused(["rating", "follow-up", "close", String(low.id), "--outcome", "maybe"]))
        try await fixture.run(["rating", "follow-up", "close", String(low.id), "--outcome", "explained", "--note", "已电话说明"])
        #expect(await fixture.refused(["rating", "follow-up", "close", String(low.id), "--outcome", "explained"]))
        let closed = try await fixture.store().ratingFollowUps(unit: nil, openOnly: false, by: op)
        #expect(closed.map { $0.followUp?.outcome } == [.explained])
    }
}
