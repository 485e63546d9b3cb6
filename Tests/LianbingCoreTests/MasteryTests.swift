import LianbingCore
import Testing

@Suite("Mastery")
struct MasteryTests {
    @Test("Given marks on knowledge points, when added, then accuracy is score over points with counts")
    func accuracy() {
        var mastery = Mastery()
        mastery.add(ItemMark(score: 2, points: 2), knowledgePoints: ["培训"])
        mastery.add(ItemMark(score: 0.5, points: 1), knowledgePoints: ["培训"])
        mastery.add(ItemMark(score: 0, points: 5), knowledgePoints: ["考核"])
        #expect(mastery.accuracy(of: "培训") == 2.5 / 3)
        #expect(mastery.byKnowledgePoint["培训"] == Mastery.Point(score: 2.5, points: 3, answered: 2, correct: 1))
        #expect(mastery.accuracy(of: "考核") == 0)
        #expect(mastery.accuracy(of: "接访") == nil)
    }

    @Test("Given a question on two knowledge points, when added, then it counts under each, once")
    func severalPoints() {
        var mastery = Mastery()
        mastery.add(ItemMark(score: 1, points: 1), knowledgePoints: ["培训", "考核", "培训"])
        #expect(mastery.byKnowledgePoint["培训"]?.answered == 1)
        #expect(mastery.byKnowledgePoint["考核"]?.correct == 1)
    }

    @Test("Given a pending short answer, when added, then it is not counted")
    func pending() {
        var mastery = Mastery()
        mastery.add(ItemMark(score: nil, points: 10), knowledgePoints: ["培训"])
        #expect(mastery.byKnowledgePoint.isEmpty)
    }

    @Test("Given members' mastery, when merged, then the unit's is the sum whichever way round")
    func merge() {
        var a = Mastery()
        a.add(ItemMark(score: 1, points: 2), knowledgePoints: ["培训"])
        var b = Mastery()
        b.add(ItemMark(score: 2, points: 2), knowledgePoints: ["培训", "考核"])
        let unit = a.merging(b)
        #expect(unit == b.merging(a))
        #expect(unit.byKnowledgePoint["培训"] == Mastery.Point(score: 3, points: 4, answered: 2, correct: 1))
        #expect(unit.accuracy(of: "考核") == 1)
        #expect(Mastery().merging(a) == a)
    }
}
