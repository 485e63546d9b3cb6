import Foundation
import LianbingCore
import Testing

@Suite("Input bounds, enemy groups by quote, and when keys show")
struct InputBoundsTests {
    @Test("Given numbers at and past each domain's edges, then the edges pass and everything past them is refused without trapping")
    func edges() throws {
        #expect(try InputBounds.check(1, in: InputBounds.minutes, "答题时长", unit: "分钟") == 1)
        #expect(try InputBounds.check(1_440, in: InputBounds.minutes, "答题时长", unit: "分钟") == 1_440)
        for value in [0, 1_441, Int.max, Int.min] {
            #expect(throws: LianbingError.invalid("答题时长须为 1 到 1440 分钟之间的整数")) {
                try InputBounds.check(value, in: InputBounds.minutes, "答题时长", unit: "分钟")
            }
        }
        #expect(try InputBounds.check(position: 9_999) == 9_999)
        for position in [-1, 10_000, Int.max, Int.min] { #expect(throws: LianbingError.self) { try InputBounds.check(position: position) } }
        #expect(throws: LianbingError.self) { try InputBounds.check(position: 5, count: 5) }
        for points in [Double.nan, .infinity, -1, 1e300] {
            #expect(throws: LianbingError.self) { try InputBounds.check(points: points, in: 0...100, "合格分数") }
        }
        let dates = InputBounds.dates
        #expect(try InputBounds.check(date: dates.lowerBound, "开考时间") == dates.lowerBound)
        #expect(throws: LianbingError.self) { try InputBounds.check(date: dates.lowerBound.addingTimeInterval(-1), "开考时间") }
        #expect(throws: LianbingError.self) { try InputBounds.check(date: .distantFuture, "开考时间") }
        #expect(ChinaTime.format(dates.lowerBound) == "2000-01-01 00:00" && ChinaTime.format(dates.upperBound) == "2099-12-31 23:59")
        #expect(MessageNumber.text(1e20) == "1e+20" && MessageNumber.text(64.5) == "64.5")
    }

    @Test("Given a hand-built blueprint asking for more than a paper can hold, then feasibility says so instead of overflowing")
    func hugeCounts() {
        let cells = (0..<3).map { BlueprintCell(knowledgePoint: "甲\($0)", kind: .singleChoice, difficulty: 1...5, count: Int.max) }
        let blueprint = Blueprint(
            title: "巨大", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)], cells: cells, totalPoints: 1e20,
            targetDifficulty: 3, difficultyTolerance: 1)
        let problems = Feasibility.check(blueprint, pool: [AssemblyFixture.question("a")], candidates: 1_000_000).map(\.message)
        #expect(problems.contains("一份试卷最多 10000 题：请减少细目的题数"))
    }

    private static func quoting(_ id: String, _ quote: String) -> PoolQuestion {
        var question = AssemblyFixture.question(id)
        question.quote = quote
        return question
    }

    @Test("Given questions quoting one sentence, then no paper holds two of them and feasibility counts them as one group")
    func sameQuoteIsAnEnemyGroup() throws {
        let pool = [Self.quoting("a1", "同一句"), Self.quoting("a2", "同一句"), Self.quoting("b1", "另一句"), Self.quoting("c1", "")]
        var blueprint = Blueprint(
            title: "原文", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 3)], totalPoints: 3,
            targetDifficulty: 3, difficultyTolerance: 2)
        var assembler = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: 50)
        for paper in try assembler.papers(50, seed: 9) {
            let ids = Set(paper.items.map(\.questionId))
            #expect(!(ids.contains("a1") && ids.contains("a2")))
        }
        blueprint.cells[0].count = 4
        blueprint.totalPoints = 4
        let problems = Feasibility.check(blueprint, pool: pool, candidates: 1).map(\.message)
        #expect(problems.count == 1 && problems[0].contains("引用同一原文的题"))
        // A blueprint stored before the rule keeps drawing as it did, so its papers regenerate.
        blueprint.separatesSameQuote = false
        #expect(Feasibility.check(blueprint, pool: pool, candidates: 1).isEmpty)
        // A question quoting the sentence of a listed group's member joins that group.
        blueprint.separatesSameQuote = true
        blueprint.enemyGroups = [["a1", "b1"]]
        blueprint.cells[0].count = 2
        blueprint.totalPoints = 2
        var grouped = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: 30)
        for paper in try grouped.papers(30, seed: 3) {
            #expect(paper.items.filter { ["a1", "a2", "b1"].contains($0.questionId) }.count == 1)
        }
    }

    @Test("Given each timing, then keys wait for the last window and the rest follows the timing")
    func keysWaitForTheLastWindow() {
        for timing in ReviewPolicy.Timing.allCases {
            let policy = ReviewPolicy(content: .keys, timing: timing)
            #expect(policy.visible(submitted: false, lastWindowEnded: true, released: true) == nil)
            #expect(policy.visible(submitted: true, lastWindowEnded: true, released: true) == .keys)
            #expect(policy.visible(submitted: true, lastWindowEnded: false, released: true) != .keys)
        }
        #expect(ReviewPolicy(content: .keys, timing: .immediately).visible(submitted: true, lastWindowEnded: false, released: false) == .answers)
        #expect(ReviewPolicy(content: .keys, timing: .afterClose).visible(submitted: true, lastWindowEnded: false, released: false) == nil)
        #expect(ReviewPolicy(content: .score, timing: .immediately).visible(submitted: true, lastWindowEnded: false, released: false) == .score)
    }

    @Test("Given a blueprint stored as JSON before the new options, then it decodes with the old rules")
    func storedBlueprintsKeepTheirRules() throws {
        var blueprint = AssemblyFixture.blueprint()
        let json = try JSONEncoder().encode(blueprint)
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        object["separatesSameQuote"] = nil
        object["excludesRevealed"] = nil
        let old = try JSONDecoder().decode(Blueprint.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(!old.separatesSameQuote && !old.excludesRevealed)
        blueprint.excludesRevealed = true
        #expect(try JSONDecoder().decode(Blueprint.self, from: try JSONEncoder().encode(blueprint)) == blueprint)
    }
}
