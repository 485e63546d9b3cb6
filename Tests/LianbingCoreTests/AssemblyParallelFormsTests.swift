import LianbingCore
import Testing

@Suite("Assembly: parallel forms")
struct AssemblyParallelFormsTests {
    let pool = AssemblyFixture.pool()

    @Test("Given four forms without sharing, when made, then each meets every cell, none shares a question, and difficulty is level")
    func disjointForms() throws {
        let blueprint = AssemblyFixture.blueprint(target: 3, tolerance: 0.2, enemies: [["甲-single-3-1", "甲-single-3-2"]])
        let forms = try ParallelForms.make(blueprint, pool: pool, count: 4, allowShared: false, seed: 11)
        #expect(forms.count == 4)
        for form in forms {
            #expect(AssemblyFixture.cellCounts(form, blueprint: blueprint, pool: pool) == blueprint.cells.map(\.count))
            #expect(abs(form.meanDifficulty - 3) <= 0.2 + 1e-9)
            let ids = Set(form.items.map(\.questionId))
            #expect(!(ids.contains("甲-single-3-1") && ids.contains("甲-single-3-2")))
        }
        let all = forms.flatMap { $0.items.map(\.questionId) }
        #expect(Set(all).count == all.count)
        let means = forms.map(\.meanDifficulty)
        #expect(means.max()! - means.min()! <= 0.2 + 1e-9)
        #expect(try ParallelForms.make(blueprint, pool: pool, count: 4, allowShared: false, seed: 11) == forms)
    }

    @Test("Given too few questions for disjoint forms, when made, then every short cell is named; sharing makes them possible")
    func tooFewForDisjointForms() throws {
        let blueprint = AssemblyFixture.blueprint()
        #expect {
            _ = try ParallelForms.make(blueprint, pool: pool, count: 7, allowShared: false, seed: 1)
        } throws: { error in
            guard case LianbingError.invalid(let message) = error else { return false }
            return message.contains("知识点 甲 · 单选 · 难度 1–5：7 套卷型互不重复共需 4 × 7 = 28 题，题库只能提供 20 题")
                && message.contains("知识点 乙 · 单选 · 难度 2–4：7 套卷型互不重复共需 3 × 7 = 21 题，题库只能提供 12 题")
                && !message.contains("判断")
        }
        let shared = try ParallelForms.make(blueprint, pool: pool, count: 7, allowShared: true, seed: 1)
        #expect(shared.count == 7)
        let means = shared.map(\.meanDifficulty)
        #expect(means.max()! - means.min()! <= 0.5 + 1e-9)
    }

    @Test("Given an infeasible blueprint, when forms are asked for, then the blueprint's problems are reported")
    func infeasibleBlueprint() {
        var blueprint = AssemblyFixture.blueprint()
        blueprint.totalPoints = 50
        #expect(throws: LianbingError.self) { try ParallelForms.make(blueprint, pool: pool, count: 2, allowShared: true, seed: 1) }
        #expect(throws: LianbingError.self) { try ParallelForms.make(AssemblyFixture.blueprint(), pool: pool, count: 0, allowShared: true, seed: 1) }
    }

    @Test("Given form indexes, when lettered, then they run A…Z, AA, AB…")
    func letters() {
        #expect((0..<4).map(ParallelForms.letter) == ["A", "B", "C", "D"])
        #expect(ParallelForms.letter(25) == "Z")
        #expect(ParallelForms.letter(26) == "AA")
        #expect(ParallelForms.letter(27) == "AB")
        #expect(ParallelForms.letter(26 * 27) == "AAA")
    }
}
