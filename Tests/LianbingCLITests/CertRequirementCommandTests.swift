import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing cert requirement …` and `lianbing cert compliance`: options are checked before anything runs; the
/// operator sets and removes a post's requirement; the report exports the same tables as the page's downloads.
@Suite struct CertRequirementCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("cert-requirement") }

    @Test func badOptionsAreRefusedBeforeAnythingRuns() {
        let set = ["cert", "requirement", "set", "--post", "接访员", "--qualification", "1"]
        #expect(TrainingFixture.refusal(set + ["--grace-days", "3651"])?.contains("--grace-days") == true)
        #expect(TrainingFixture.refusal(set + ["--grace-days", "-1"]) != nil)
        #expect(TrainingFixture.refusal(set + ["--grace-days", "99999999999999999999"]) != nil)
        #expect(TrainingFixture.refusal(["cert", "requirement", "set", "--post", "接访员", "--grace-days", "30"])?.contains("--qualification") == true)
        #expect(TrainingFixture.refusal(["cert", "compliance", "--table", "people"])?.contains("--table") == true)
        #expect(TrainingFixture.refusal(set + ["--grace-days", "0"]) == nil)
        #expect(TrainingFixture.refusal(["cert", "requirement", "list"]) == nil)
    }

    @Test func theOperatorSetsARequirementAndExportsTheCompliance() async throws {
        try await fixture.prepare()
        try await fixture.run(["cert", "requirement", "set", "--post", "接访员", "--qualification", "1", "--qualification", "2", "--grace-days", "90"])
        try await fixture.run(["cert", "requirement", "set", "--post", "主任（站长）", "--qualification", "1", "--grace-days", "0"])
        try await fixture.run(["cert", "requirement", "list"])
        let database = try fixture.store()
        #expect(try await database.postRequirements().map(\.post) == ["主任（站长）", "接访员"])
        #expect(await fixture.refused(["cert", "requirement", "set", "--post", "司机", "--qualification", "1", "--grace-days", "1"]))
        #expect(await fixture.refused(["cert", "requirement", "set", "--post", "接访员", "--qualification", "99", "--grace-days", "1"]))

        let out = fixture.path("compliance.csv")
        try await fixture.run(["cert", "compliance", "--unit", TrainingFixture.county, "--out", out])
        let (hasBOM, text) = try fixture.csv(out)
        #expect(hasBOM && text.hasPrefix("单位,应持证人数,已持证,宽限期内,逾期未取得,持证率"))
        // GD1 (director), GD2 and GD3 (receptionists, hired years ago): all overdue.
        #expect(text.contains("合计,3,0,0,3,0.0%"))
        let lacking = fixture.path("lacking.csv")
        try await fixture.run(["cert", "compliance", "--out", lacking, "--table", "lacking"])
        let (_, people) = try fixture.csv(lacking)
        #expect(people.contains("GD1,陈一") && people.contains("GD2,李二") && people.contains("GD3,黄三"))
        #expect(await fixture.refused(["cert", "compliance", "--out", out]))
        #expect(await fixture.refused(["cert", "compliance", "--unit", "999999999999"]))

        try await fixture.run(["cert", "requirement", "remove", "--post", "接访员"])
        #expect(try await database.postRequirements().map(\.post) == ["主任（站长）"])
        #expect(await fixture.refused(["cert", "requirement", "remove", "--post", "接访员"]))
    }
}
