import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing select …` on a temp-file database: a selection created, computed, explained, adjusted, published,
/// objected to and exported; bad rules refused before anything runs, and no finalising during the notice period.
@Suite struct SelectCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("select") }

    static let title = "2026年度优秀工作者遴选"

    /// Province-wide, places shared by city: GD1–GD5 are in 广州, GD6 in 东莞. Training hours (GD1 and GD2 attended 6
    /// hours each) weigh 60, the certificate (nobody holds one) 40.
    static let create = [
        "select", "create", "--unit", "440000000000", "--title", title, "--award", "优秀工作者", "--post", "接访员", "--post", "工作人员",
        "--post", "主任（站长）", "--from", "2026-01-01", "--through", "2026-12-31", "--criterion", "training-hours=60", "--criterion",
        "certificate=40", "--normalisation", "min-max", "--missing", "zero", "--places", "2", "--sharing", "city", "--method", "dhondt",
    ]

    func selection(_ id: Int64) async throws -> Selection {
        let database = try fixture.store()
        return try await database.selection(id, by: try await database.operatorPrincipal())
    }

    func created() async throws -> Int64 {
        let database = try fixture.store()
        return try #require(try await database.selections(by: try await database.operatorPrincipal()).first { $0.title == Self.title }).id
    }

    @Test func badOptionsAreRefusedBeforeAnythingRunsWithTheAcceptedValues() {
        func refusal(_ option: String, _ value: String) -> String? {
            var arguments = Self.create
            if let index = arguments.firstIndex(of: option) { arguments[index + 1] = value } else { arguments += [option, value] }
            return TrainingFixture.refusal(arguments)
        }
        #expect(TrainingFixture.refusal(Self.create) == nil)
        #expect(refusal("--criterion", "speed=10")?.contains("training-hours") == true)
        #expect(refusal("--criterion", "assessment")?.contains("assessment=30") == true)
        #expect(refusal("--criterion", "assessment=many")?.contains("权重") == true)
        // Bounds are the rules' own, in the store's words.
        #expect(refusal("--criterion", "training-hours=101")?.contains("权重") == true)
        #expect(refusal("--normalisation", "rank")?.contains("z-score") == true)
        #expect(refusal("--missing", "mean")?.contains("rescale") == true)
        #expect(refusal("--sharing", "town")?.contains("county") == true)
        #expect(refusal("--method", "hare")?.contains("dhondt") == true)
        #expect(refusal("--level", "队")?.contains("县") == true)
        #expect(refusal("--from", "2026-13-01")?.contains("--from") == true)
        #expect(refusal("--from", "2027-01-01")?.contains("开始日期") == true)
        #expect(refusal("--places", "0")?.contains("名额") == true)
        #expect(refusal("--min-ratings", "1001")?.contains("评价") == true)
        #expect(refusal("--title", " ")?.contains("--title") == true)
        // Chinese labels are accepted as well as the English values.
        #expect(refusal("--sharing", "按市分配名额") == nil)
        #expect(TrainingFixture.refusal(["select", "publish", "1", "--days", "31"])?.contains("--days") == true)
        #expect(TrainingFixture.refusal(["select", "adjust", "1", "--reason", "理由充分"])?.contains("--add") == true)
        #expect(TrainingFixture.refusal(["select", "adjust", "1", "--add", "GD1", "--remove", "GD2", "--reason", "理由充分"]) != nil)
        #expect(TrainingFixture.refusal(["select", "adjust", "1", "--add", "GD1"]) != nil)
        #expect(TrainingFixture.refusal(["select", "answer", "1", "--text", "已核查"]) != nil)
    }

    @Test func aSelectionIsComputedAdjustedPublishedAndExported() async throws {
        try await fixture.prepare()
        _ = try await fixture.heldSession()
        // The unit's level is the store's check: a county cannot share places by county.
        #expect(await fixture.refused(Self.create.map { $0 == "440000000000" ? TrainingFixture.county : $0 }.map { $0 == "city" ? "county" : $0 }))
        #expect(await fixture.refused(Self.create + ["--post", "厨师"]))
        try await fixture.run(Self.create)
        let id = try await created()
        var current = try await selection(id)
        #expect(current.status == .draft && current.rules.quota == SelectionQuota(places: 2, sharing: .city, method: .dHondt))
        #expect(current.rules.criteria == [WeightedCriterion(.trainingHours, weight: 60), WeightedCriterion(.certificate, weight: 40)])
        #expect(current.rules.normalisation == .minMax && current.rules.missing == .zero && current.rules.posts.count == 3)
        try await fixture.run(["select", "show", "\(id)"])
        #expect(await fixture.refused(["select", "show", "\(id)", "--candidate", "GD1"]), "nothing to explain before computing")
        #expect(await fixture.refused(["select", "publish", "\(id)"]))

        try await fixture.run(["select", "compute", "\(id)"])
        current = try await selection(id)
        let outcome = try #require(current.outcome)
        #expect(current.status == .computed && outcome.lines.count == 6)
        // 广州 has five eligible candidates to 东莞's one: under d'Hondt both places go to 广州, to its two trained.
        #expect(outcome.shares.map(\.places) == [2, 0] && outcome.shares.map(\.unitName) == ["广州市", "东莞市"])
        #expect(current.nominees.map(\.number) == ["GD1", "GD2"])
        try await fixture.run(["select", "show", "\(id)"])
        try await fixture.run(["select", "show", "\(id)", "--candidate", "GD3"])
        try await fixture.run(["select", "list"])
        #expect(await fixture.refused(["select", "show", "\(id)", "--candidate", "GD9"]))

        try await fixture.run(["select", "adjust", "\(id)", "--remove", "GD2", "--reason", "经核查存在违纪情形"])
        try await fixture.run(["select", "adjust", "\(id)", "--add", "GD3", "--reason", "年度内表现突出"])
        #expect(await fixture.refused(["select", "adjust", "\(id)", "--add", "GD1", "--reason", "重复增列"]))
        #expect(await fixture.refused(["select", "adjust", "\(id)", "--add", "GD9", "--reason", "不是候选人"]))
        #expect(await fixture.refused(["select", "adjust", "\(id)", "--add", "GD4", "--reason", "短"]))
        current = try await selection(id)
        #expect(current.nominees.map(\.number) == ["GD1", "GD3"] && current.nominees.last?.added == true)
        #expect(current.adjustments.map(\.reason) == ["经核查存在违纪情形", "年度内表现突出"])

        let results = fixture.path("results.csv")
        try await fixture.run(["select", "export", "\(id)", "--out", results])
        let (hasBOM, text) = try fixture.csv(results)
        #expect(hasBOM && text.hasPrefix("名次,工号,姓名,单位,名额单位,培训学时（原始）,培训学时（标准化）,培训学时（计入权重%）,持有效证书（原始）"))
        #expect(text.contains("综合得分,是否入选,未排名原因") && text.components(separatedBy: ",入选,").count == 3)
        #expect(await fixture.refused(["select", "export", "\(id)", "--out", results]))
        let list = fixture.path("list.csv")
        try await fixture.run(["select", "export", "\(id)", "--out", list, "--list"])
        #expect(try fixture.csv(list).text.hasPrefix("序号,姓名,单位,综合得分,名次,备注"))
        let workbook = fixture.path("results.xlsx")
        try await fixture.run(["select", "export", "\(id)", "--out", workbook])
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)).starts(with: [0x50, 0x4B, 0x03, 0x04]), "an .xlsx is a zip file")

        try await fixture.run(["select", "publish", "\(id)", "--days", "3"])
        current = try await selection(id)
        #expect(current.status == .published && current.noticeEndsOn != nil)
        #expect(await fixture.refused(["select", "adjust", "\(id)", "--add", "GD4", "--reason", "公示后不能调整"]))
        #expect(await fixture.refused(["select", "compute", "\(id)"]))
        try await fixture.run(["select", "object", "\(id)", "--nominee", "GD3", "--text", "该同志年度内曾被投诉"])
        #expect(await fixture.refused(["select", "object", "\(id)", "--nominee", "GD2", "--text", "已撤下的人不在公示名单中"]))
        let objection = try #require(try await selection(id).objections.first).id
        // The notice period has not ended (it starts today), and an objection is open.
        #expect(await fixture.refused(["select", "finalise", "\(id)"]))
        try await fixture.run(["select", "answer", "\(id)", "--objection", "\(objection)", "--text", "经核查投诉不属实"])
        #expect(await fixture.refused(["select", "answer", "\(id)", "--objection", "\(objection)", "--text", "再次答复"]))
        current = try await selection(id)
        #expect(current.openObjections == 0 && current.objections.first?.answer == "经核查投诉不属实")
        #expect(await fixture.refused(["select", "finalise", "\(id)"]), "still within the notice period")
        #expect(try await selection(id).status == .published)
    }

    /// What reaches the terminal, through the built binary.
    @Test(.enabled(if: TrainingFixture.binaryBuilt))
    func showPrintsTheRulesTheSharesTheRankingAndOneCandidatesExplanation() async throws {
        try await fixture.prepare()
        _ = try await fixture.heldSession()
        let created = try fixture.binary(Self.create)
        #expect(created.status == 0 && created.stdout.contains("已新建遴选") && created.stdout.contains("培训学时（training-hours）60 分"))
        let id = try await self.created()
        try await fixture.run(["select", "compute", "\(id)"])
        try await fixture.run(["select", "adjust", "\(id)", "--remove", "GD2", "--reason", "经核查存在违纪情形"])

        let show = try fixture.binary(["select", "show", "\(id)"])
        #expect(show.status == 0)
        for text in ["名额分配", "广州市", "东莞市", "排名（6 人）", "撤下", "经核查存在违纪情形", "极差标准化", "按市分配名额"] {
            #expect(show.stdout.contains(text), "missing \(text):\n\(show.stdout)")
        }
        let kept = try fixture.binary(["select", "show", "\(id)", "--candidate", "GD1"])
        #expect(kept.stdout.contains("结论：按排名入选") && kept.stdout.contains("培训学时") && kept.stdout.contains("名次：第 1 名"))
        let removed = try fixture.binary(["select", "show", "\(id)", "--candidate", "GD2"])
        #expect(removed.stdout.contains("已被管理员") && removed.stdout.contains("不在拟入选名单中"))
        let out = try fixture.binary(["select", "show", "\(id)", "--candidate", "GD6"])
        #expect(out.stdout.contains("东莞市分得 0 个名额") && out.stdout.contains("结论：未按排名入选"), "\(out.stdout)")
        let missing = try fixture.binary(["select", "show", "\(id)", "--candidate", "GD9"])
        #expect(missing.status != 0 && missing.stderr.contains("GD9"))
        let bad = try fixture.binary(["select", "create", "--unit", "440000000000", "--title", "x", "--award", "y", "--post", "接访员", "--from", "2026-01-01", "--through", "2026-12-31", "--criterion", "speed=1", "--places", "1"])
        #expect(bad.status != 0 && bad.stderr.contains("assessment（集中考核平均得分率）"))
    }
}
