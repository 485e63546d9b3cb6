import Foundation
import LianbingCore
import Testing

@Suite("Assembly: papers")
struct AssemblyPaperTests {
    let pool = AssemblyFixture.pool()

    private func papers(_ blueprint: Blueprint, count: Int, seed: UInt64 = 7) throws -> [Paper] {
        var assembler = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: count)
        return try assembler.papers(count, seed: seed)
    }

    private func uses(_ papers: [Paper]) -> [String: Int] {
        var uses: [String: Int] = [:]
        for paper in papers { for item in paper.items { uses[item.questionId, default: 0] += 1 } }
        return uses
    }

    @Test("Given an infeasible blueprint, when an assembler is made, then it is refused with every problem and no paper exists")
    func refusal() {
        var blueprint = AssemblyFixture.blueprint()
        blueprint.cells[1].count = 20
        blueprint.cells[3].count = 30
        blueprint.totalPoints = 2 * 24 + 32
        #expect {
            _ = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: 5)
        } throws: { error in
            guard case LianbingError.invalid(let message) = error else { return false }
            return message.hasPrefix("组卷规则无法满足，共 2 处问题：") && message.contains("知识点 乙 · 单选 · 难度 2–4：需要 20 题，题库只有 12 题")
                && message.contains("知识点 乙 · 判断 · 难度 1–5：需要 30 题，题库只有 20 题")
        }
    }

    @Test("Given a blueprint, when 200 papers are made, then each meets every cell, in section order, with the sections' points")
    func cellsAndSections() throws {
        let blueprint = AssemblyFixture.blueprint()
        for paper in try papers(blueprint, count: 200) {
            #expect(AssemblyFixture.cellCounts(paper, blueprint: blueprint, pool: pool) == blueprint.cells.map(\.count))
            #expect(paper.items.map(\.section) == Array(repeating: 0, count: 7) + Array(repeating: 1, count: 3))
            #expect(paper.items.map(\.points) == Array(repeating: 2, count: 7) + Array(repeating: 1, count: 3))
            #expect(paper.maxScore == blueprint.totalPoints)
            #expect(Set(paper.items.map(\.questionId)).count == paper.items.count)
        }
    }

    @Test("Given a cap, when the planned papers are made, then no question passes it and use is even within each cell")
    func exposureCapAndBalance() throws {
        let blueprint = AssemblyFixture.blueprint(cap: 0.3)
        let made = try papers(blueprint, count: 100)
        let uses = uses(made)
        #expect(uses.values.max()! <= 30)
        for (cell, members) in CellMembership.pools(of: blueprint, in: pool).enumerated() {
            let counts = members.map { uses[pool[$0].id] ?? 0 }
            #expect(counts.max()! - counts.min()! <= 2, "cell \(cell): \(counts)")
        }
    }

    @Test("Given enemy groups within and across cells, when papers are made, then no paper carries two of a group")
    func enemies() throws {
        let groups = [["甲-single-3-1", "甲-single-3-2", "甲-single-4-1"], ["甲-single-2-1", "乙-single-2-1", "甲-truefalse-2-1"]]
        let made = try papers(AssemblyFixture.blueprint(enemies: groups), count: 300)
        for paper in made {
            let ids = Set(paper.items.map(\.questionId))
            for group in groups { #expect(group.filter(ids.contains).count <= 1) }
        }
        // The groups' questions are still used: enemies limit a paper, not the exam.
        let used = uses(made)
        #expect(groups.joined().allSatisfy { (used[$0] ?? 0) > 0 })
    }

    @Test("Given a target far from the pools' mean, when papers are made, then swaps bring every paper within tolerance")
    func repairBySwaps() throws {
        let blueprint = AssemblyFixture.blueprint(target: 2, tolerance: 0.1)
        for paper in try papers(blueprint, count: 200) {
            #expect(abs(paper.meanDifficulty - 2) <= 0.1 + 1e-9)
            #expect(AssemblyFixture.cellCounts(paper, blueprint: blueprint, pool: pool) == blueprint.cells.map(\.count))
        }
        let hard = AssemblyFixture.blueprint(target: 4, tolerance: 0)
        for paper in try papers(hard, count: 50) { #expect(paper.meanDifficulty == 4) }
    }

    @Test("Given choice questions, when papers are made, then option orders are permutations and a shown answer maps back")
    func optionOrders() throws {
        let blueprint = AssemblyFixture.blueprint()
        var orders = Set<[Int]>()
        for paper in try papers(blueprint, count: 100) {
            for item in paper.items {
                let question = pool.first { $0.id == item.questionId }!
                guard question.kind.hasOptions else {
                    #expect(item.optionOrder.isEmpty)
                    continue
                }
                #expect(item.optionOrder.sorted() == Array(0..<question.optionCount))
                orders.insert(item.optionOrder)
                // The key is original option 2; the candidate clicks where it is shown; the stored response is original.
                let shown = item.optionOrder.firstIndex(of: 2)!
                let stored = Response.choices([item.optionOrder[shown]])
                #expect(stored == .choices([2]))
            }
        }
        #expect(orders.count > 12)
    }

    @Test("Given the same inputs and seed, when papers are made twice, then they are identical byte for byte; another seed differs")
    func determinism() throws {
        let blueprint = AssemblyFixture.blueprint(cap: 0.5, target: 2.5, tolerance: 0.2, enemies: [["甲-single-3-1", "乙-single-3-1"]])
        let first = try papers(blueprint, count: 50, seed: 42)
        let second = try papers(blueprint, count: 50, seed: 42)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(first) == encoder.encode(second))
        #expect(try papers(blueprint, count: 50, seed: 43) != first)
    }

    @Test("Given the cap used up, when candidates are added later, then they draw what is left and then are refused, naming the cell")
    func laterCandidates() throws {
        let pool = (1...5).map { AssemblyFixture.question("q\($0)") }
        let blueprint = Blueprint(
            title: "补考", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 2)], totalPoints: 2,
            targetDifficulty: 3, difficultyTolerance: 0, exposureCap: 0.4)
        // 40% of 5 papers: 2 uses a question, 10 in all, 2 a paper: exactly 5 papers.
        var first = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: 5)
        _ = try first.papers(3, seed: 1)
        var later = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: 5, alreadyUsed: first.exposure)
        var generator = SeededGenerator(seed: 2)
        _ = try later.nextPaper(using: &generator)
        _ = try later.nextPaper(using: &generator)
        #expect(later.exposure.values.allSatisfy { $0 == 2 })
        let before = later.exposure
        #expect(throws: LianbingError.conflict("无法再组出试卷：知识点 甲 · 单选 · 难度 1–5 在曝光上限内只剩 0 题可用（每题最多用于 2 份试卷），每份试卷需要 2 题")) {
            _ = try later.nextPaper(using: &generator)
        }
        #expect(later.exposure == before)
    }

    @Test("Given only questions of the wrong difficulty left under the cap, when a paper is asked for, then it is refused")
    func difficultyUnreachableLater() throws {
        let pool = [AssemblyFixture.question("easy", difficulty: 1)] + (1...4).map { AssemblyFixture.question("hard\($0)", difficulty: 5) }
        let blueprint = Blueprint(
            title: "难度", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 1)], totalPoints: 1,
            targetDifficulty: 1, difficultyTolerance: 0, exposureCap: 0.2)
        var assembler = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: 1, alreadyUsed: ["easy": 1])
        var generator = SeededGenerator(seed: 3)
        #expect(throws: LianbingError.conflict("无法使试卷的平均难度落在 1–1 之间：各细目中还能使用的题目（受曝光上限和互斥组限制）难度不足以调整")) {
            _ = try assembler.nextPaper(using: &generator)
        }
        #expect(assembler.exposure == ["easy": 1])
    }

    @Test("Given earlier uses of questions outside the blueprint, when exposure is read, then they are kept")
    func exposureKeepsOthers() throws {
        var assembler = try PaperAssembler(blueprint: AssemblyFixture.blueprint(), pool: pool, plannedPapers: 1, alreadyUsed: ["别的题": 3])
        let paper = try assembler.papers(1, seed: 9)[0]
        var expected = ["别的题": 3]
        for item in paper.items { expected[item.questionId] = 1 }
        #expect(assembler.exposure == expected)
    }
}
