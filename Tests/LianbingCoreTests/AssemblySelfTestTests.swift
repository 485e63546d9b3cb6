import LianbingCore
import Testing

@Suite("Assembly: self-test picker")
struct AssemblySelfTestTests {
    let pool: [PoolQuestion] = [
        AssemblyFixture.question("p1", .shortAnswer, points: ["培训/常态化培训"], usage: .practice),
        AssemblyFixture.question("p2", .singleChoice, points: ["考核", "培训"], usage: .both),
        AssemblyFixture.question("p3", .trueFalse, points: ["培训"], usage: .both),
        AssemblyFixture.question("p4", .multipleChoice, points: ["培训班"], usage: .practice),
        AssemblyFixture.question("p5", .singleChoice, points: ["培训"], usage: .exam),
        AssemblyFixture.question("p6", .singleChoice, points: ["接访"], usage: .practice),
        AssemblyFixture.question("p7", .fillBlank, points: ["培训"], usage: .practice),
        AssemblyFixture.question("p8", .singleChoice, points: ["培训/以会代训"], usage: .both),
    ]

    @Test("Given chosen knowledge points, when a self-test is drawn, then only practice and general questions under any of them appear")
    func eligibility() {
        var generator = SeededGenerator(seed: 1)
        let paper = SelfTestPicker.paper(pool: pool, knowledgePoints: ["培训"], length: 50, generator: &generator)
        #expect(Set(paper.items.map(\.questionId)) == ["p1", "p2", "p3", "p7", "p8"])
        let everything = SelfTestPicker.paper(pool: pool, knowledgePoints: [], length: 50, generator: &generator)
        #expect(Set(everything.items.map(\.questionId)) == ["p1", "p2", "p3", "p4", "p6", "p7", "p8"])
    }

    @Test("Given a length, when drawn, then that many questions come, ordered by type and worth 1 point each")
    func lengthOrderAndPoints() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<50 {
            let paper = SelfTestPicker.paper(pool: pool, knowledgePoints: [], length: 4, generator: &generator)
            #expect(paper.items.count == 4)
            #expect(paper.items.map(\.section) == paper.items.map(\.section).sorted())
            for item in paper.items {
                let question = pool.first { $0.id == item.questionId }!
                #expect(item.section == QuestionKind.allCases.firstIndex(of: question.kind))
                #expect(item.points == 1)
                #expect(item.optionOrder.sorted() == Array(0..<question.optionCount))
            }
        }
        let none = SelfTestPicker.paper(pool: pool, knowledgePoints: ["法律援助"], length: 10, generator: &generator)
        #expect(none.items.isEmpty)
    }

    @Test("Given many draws, when shuffled within a type, then questions of one type appear in different orders")
    func shuffledWithinKind() {
        var generator = SeededGenerator(seed: 3)
        var firsts = Set<String>()
        for _ in 0..<40 {
            firsts.insert(SelfTestPicker.paper(pool: pool, knowledgePoints: ["培训"], length: 5, generator: &generator).items[0].questionId)
        }
        #expect(firsts == ["p2", "p8"])
    }

    @Test("Given the wrong-question book's questions, when a paper is made of them, then it holds exactly those, by type")
    func chosenQuestions() {
        var generator = SeededGenerator(seed: 4)
        let chosen = [pool[6], pool[0], pool[5], pool[2]]
        let paper = SelfTestPicker.paper(questions: chosen, generator: &generator)
        #expect(paper.items.map(\.questionId) == ["p6", "p3", "p7", "p1"])
        #expect(paper.items.map(\.section) == [0, 2, 3, 4])
    }

    @Test("Given the same seed, when drawn twice, then the self-tests are identical")
    func determinism() {
        var first = SeededGenerator(seed: 5)
        var second = SeededGenerator(seed: 5)
        #expect(
            SelfTestPicker.paper(pool: pool, knowledgePoints: [], length: 5, generator: &first)
                == SelfTestPicker.paper(pool: pool, knowledgePoints: [], length: 5, generator: &second))
    }
}
