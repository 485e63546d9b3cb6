import LianbingCore
import Testing

@Suite("Assembly: feasibility")
struct AssemblyFeasibilityTests {
    let pool = AssemblyFixture.pool()

    private func messages(_ blueprint: Blueprint, pool: [PoolQuestion]? = nil, candidates: Int = 100) -> [String] {
        Feasibility.check(blueprint, pool: pool ?? self.pool, candidates: candidates).map(\.message)
    }

    @Test("Given the fixture blueprint, when checked, then there is no problem")
    func feasible() {
        #expect(messages(AssemblyFixture.blueprint()) == [])
        #expect(messages(AssemblyFixture.blueprint(cap: 0.5)) == [])
    }

    @Test("Given a cell asking more than its pool holds, when checked, then the cell and both numbers are named")
    func poolTooSmall() {
        var blueprint = AssemblyFixture.blueprint()
        blueprint.cells[1] = BlueprintCell(knowledgePoint: "乙", kind: .singleChoice, difficulty: 4...5, count: 9)
        blueprint.totalPoints += 12
        let problems = Feasibility.check(blueprint, pool: pool, candidates: 10)
        #expect(problems.map(\.message) == ["知识点 乙 · 单选 · 难度 4–5：需要 9 题，题库只有 8 题"])
        #expect(problems.first?.cell == 1)
    }

    @Test("Given questions the purpose excludes, when a pool is too small, then the message says how many were left out")
    func excludedByUsage() {
        let pool = (1...3).map { AssemblyFixture.question("p\($0)", usage: .practice) } + [AssemblyFixture.question("e1", usage: .exam)]
        let blueprint = Blueprint(
            title: "用途", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 2)], totalPoints: 2,
            targetDifficulty: 3, difficultyTolerance: 1)
        #expect(messages(blueprint, pool: pool) == ["知识点 甲 · 单选 · 难度 1–5：需要 2 题，题库只有 1 题（另有 3 题的用途不允许用于集中考核）"])
    }

    @Test("Given sections and cells that do not match, when checked, then every mismatch is reported")
    func sectionsAndCells() {
        var blueprint = AssemblyFixture.blueprint()
        blueprint.sections.append(BlueprintSection(kind: .singleChoice, pointsPerQuestion: 2))
        blueprint.sections.append(BlueprintSection(kind: .fillBlank, pointsPerQuestion: 3))
        blueprint.cells.append(BlueprintCell(knowledgePoint: "甲", kind: .shortAnswer, difficulty: 1...5, count: 1))
        let found = messages(blueprint)
        #expect(found.contains("题型“单选”出现了 2 次：每种题型只能有一个部分"))
        #expect(found.contains("题型“填空”没有任何细目：请为它添加细目，或删去这一题型"))
        #expect(found.contains("知识点 甲 · 简答 · 难度 1–5：题型“简答”没有分值，请在 [题型] 中加上它"))
    }

    @Test("Given points that do not add up, when checked, then both numbers are said")
    func points() {
        var blueprint = AssemblyFixture.blueprint()
        blueprint.totalPoints = 100
        #expect(messages(blueprint) == ["各题型分值合计 17 分（单选 7 题 × 2 分 + 判断 3 题 × 1 分），与总分 100 分不一致"])
    }

    @Test("Given a target the cells cannot reach, when checked, then the lowest and highest achievable means are said")
    func difficultyOutOfReach() {
        let blueprint = AssemblyFixture.blueprint(target: 4.9, tolerance: 0.1)
        // Hardest paper: 甲 single 5,5,5,5; 乙 single 4,4,4; 甲 TF 5,5; 乙 TF 5 = 47 → 4.7. Easiest: 4 + 6 + 2 + 1 = 13 → 1.3.
        #expect(messages(blueprint) == ["目标难度 4.9 ± 0.1 无法达到：按题库中各细目的题，一份试卷的平均难度最低 1.3、最高 4.7"])
    }

    @Test("Given a zero tolerance no integer sum can meet, when checked, then the blueprint is refused")
    func noIntegerSum() {
        let blueprint = AssemblyFixture.blueprint(target: 3.05, tolerance: 0)
        #expect(messages(blueprint) == ["目标难度 3.05 ± 0 无法达到：10 题的平均难度只能是 1/10 的整数倍，请放宽允许偏差"])
    }

    @Test("Given a cap the pools cannot honour, when checked, then each short cell is named with its numbers")
    func exposure() {
        // 20% of 100 papers is 20 uses a question; 乙 single 2–4 has 12 questions = 240 uses for 300 needed.
        let problems = Feasibility.check(AssemblyFixture.blueprint(cap: 0.2), pool: pool, candidates: 100)
        #expect(problems.map(\.message) == [
            "知识点 乙 · 单选 · 难度 2–4：曝光上限 20% 下每题最多用于 20 份试卷，100 份试卷需要 3 × 100 = 300 题次，本细目的 12 题最多只能提供 240 题次（至少需要 15 题）"
        ])
        #expect(problems.map(\.cell) == [1])
    }

    @Test("Given a cap that rounds down, when checked, then maxUses is floor(cap × candidates) and at least 1")
    func capRounding() {
        // 0.3 × 10 is 2.9999999999999996 in binary: still 3 uses, so 20 questions give 60 ≥ 4 × 10.
        #expect(messages(AssemblyFixture.blueprint(cap: 0.3), candidates: 10) == [])
        // 1% of 10 papers rounds to 0, which would forbid every question: one use each remains.
        let found = messages(AssemblyFixture.blueprint(cap: 0.01), candidates: 10)
        #expect(found.contains { $0.contains("乙 · 单选 · 难度 2–4：曝光上限 1% 下每题最多用于 1 份试卷") })
    }

    @Test("Given a cap that forces hard questions into use, when checked, then the achievable range over all papers is said")
    func cappedDifficulty() {
        // One cell of 1 question a paper from difficulties 1,5,5,5,5; 20% of 100 papers = 20 uses each: the mean over
        // all papers is at least (20 × 1 + 80 × 5) / 100 = 4.2, though a single paper could be 1.
        let pool = [AssemblyFixture.question("easy", difficulty: 1)] + (1...4).map { AssemblyFixture.question("hard\($0)", difficulty: 5) }
        let blueprint = Blueprint(
            title: "曝光", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 1)], totalPoints: 1,
            targetDifficulty: 2, difficultyTolerance: 1, exposureCap: 0.2)
        #expect(messages(blueprint, pool: pool) == ["目标难度 2 ± 1 无法达到：曝光上限 20% 下每题最多用于 20 份试卷，100 份试卷的平均难度只能在 4.2–4.2 之间"])
    }

    @Test("Given enemy groups that leave a cell too few distinct questions, when checked, then the cell and groups are named")
    func enemiesWithinACell() {
        let pool = (1...4).map { AssemblyFixture.question("q\($0)") }
        let blueprint = Blueprint(
            title: "互斥", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 3)], totalPoints: 3,
            targetDifficulty: 3, difficultyTolerance: 1, enemyGroups: [["q1", "q2"], ["q3", "q4"]])
        #expect(messages(blueprint, pool: pool) == ["知识点 甲 · 单选 · 难度 1–5：需要 3 题，题库有 4 题，但其中有题目互斥（第 1 组、第 2 组），同一份试卷最多只能抽 2 题"])
    }

    @Test("Given enemy groups spanning two cells, when together they cannot be filled, then both cells are named")
    func enemiesAcrossCells() {
        let pool = [
            AssemblyFixture.question("a1"), AssemblyFixture.question("a2"),
            AssemblyFixture.question("b1", points: ["乙"]), AssemblyFixture.question("b2", points: ["乙"]),
            AssemblyFixture.question("c1", points: ["丙"]),
        ]
        let blueprint = Blueprint(
            title: "互斥", sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 1)],
            cells: [
                BlueprintCell(knowledgePoint: "甲", kind: .singleChoice, difficulty: 1...5, count: 2),
                BlueprintCell(knowledgePoint: "乙", kind: .singleChoice, difficulty: 1...5, count: 1),
                BlueprintCell(knowledgePoint: "丙", kind: .singleChoice, difficulty: 1...5, count: 1),
            ],
            totalPoints: 4, targetDifficulty: 3, difficultyTolerance: 1, enemyGroups: [["a1", "b1"], ["a2", "b2"]])
        #expect(messages(blueprint, pool: pool) == [
            "互斥组使这些细目无法同时抽满：知识点 甲 · 单选 · 难度 1–5；知识点 乙 · 单选 · 难度 1–5。它们共需 3 题，但题目只分属 2 个互斥组，同一份试卷每组只能有一题"
        ])
    }

    @Test("Given a malformed enemy list, when checked, then lonely groups and ids in two groups are reported")
    func enemyListMistakes() {
        let found = messages(AssemblyFixture.blueprint(enemies: [["甲-single-1-1"], ["甲-single-2-1", "甲-single-3-1"], ["甲-single-3-1", "乙-single-3-1"]]))
        #expect(found == [
            "第 1 个互斥组只有 1 道题：互斥组至少要列出两道不同的题",
            "题目 甲-single-3-1 同时列在第 2 和第 3 个互斥组中：请把这两个组合并为一个",
        ])
    }

    @Test("Given nonsensical values, when checked, then every one is reported in one pass")
    func nonsensicalValues() {
        var blueprint = AssemblyFixture.blueprint(cap: 1.5, tolerance: -0.1)
        blueprint.cells[0].count = 0
        blueprint.cells[2].difficulty = 0...6
        blueprint.totalPoints = 9
        #expect(messages(blueprint, candidates: 0) == [
            "知识点 甲 · 单选 · 难度 1–5：题数必须大于 0（现为 0）",
            "知识点 甲 · 判断 · 难度 0–6：难度范围必须在 1–5 之内",
            "难度允许偏差不能为负数（现为 -0.1）",
            "曝光上限必须大于 0% 且不超过 100%（现为 150%）",
            "试卷份数必须至少为 1（现为 0）",
        ])
    }

    @Test("Given an empty blueprint, when checked, then the missing sections and cells are both reported")
    func empty() {
        let blueprint = Blueprint(title: "空", sections: [], cells: [], totalPoints: 0, targetDifficulty: 3, difficultyTolerance: 0.5)
        #expect(messages(blueprint) == ["组卷规则没有任何题型：请在 [题型] 中列出各题型及每题分值", "组卷规则没有任何细目：请在 [细目] 中列出各知识点的题数"])
    }

    @Test("Given several independent problems, when checked, then all are reported, not just the first")
    func everyProblem() {
        var blueprint = AssemblyFixture.blueprint(cap: 0.2)
        blueprint.cells[3].count = 40
        blueprint.totalPoints = 17 + 39
        let found = messages(blueprint)
        #expect(found.count == 2)
        #expect(found.contains { $0.hasPrefix("知识点 乙 · 判断 · 难度 1–5：需要 40 题，题库只有 20 题") })
        #expect(found.contains { $0.hasPrefix("知识点 乙 · 单选 · 难度 2–4：曝光上限 20%") })
    }
}
