import LianbingCore
import Testing

/// The weakness order is total and each tie-break decides in both directions.
@Suite("Weak knowledge points")
struct WeakPointOrderTests {
    static func point(_ name: String, _ accuracy: Double, _ answered: Int, _ source: MarkSource = .assessment) -> WeakPoint {
        WeakPoint(knowledgePoint: name, source: source, accuracy: accuracy, answered: answered)
    }

    @Test("Given two points, then lower accuracy comes first, whichever way round they are asked")
    func accuracyFirst() {
        let (weak, strong) = (Self.point("乙", 0.4, 2), Self.point("甲", 0.6, 50))
        #expect(WeakPoint.weakerFirst(weak, strong))
        #expect(!WeakPoint.weakerFirst(strong, weak))
    }

    @Test("Given equal accuracy, then more answered comes first, in both directions")
    func moreAnsweredBreaksTies() {
        let (firm, thin) = (Self.point("乙", 0.5, 10), Self.point("甲", 0.5, 4))
        #expect(WeakPoint.weakerFirst(firm, thin))
        #expect(!WeakPoint.weakerFirst(thin, firm))
    }

    @Test("Given equal accuracy and answers, then the knowledge point name decides, in both directions")
    func nameBreaksTies() {
        let (a, b) = (Self.point("队伍建设/人员配备", 0.5, 4), Self.point("队伍建设/考核激励", 0.5, 4))
        #expect(a.knowledgePoint < b.knowledgePoint)
        #expect(WeakPoint.weakerFirst(a, b))
        #expect(!WeakPoint.weakerFirst(b, a))
    }

    @Test("Given the same figures from both sources, then assessment comes first, and nothing is before itself")
    func sourceBreaksTheLastTie() {
        let (assessment, selfTest) = (Self.point("甲", 0.5, 4), Self.point("甲", 0.5, 4, .selfTest))
        #expect(WeakPoint.weakerFirst(assessment, selfTest))
        #expect(!WeakPoint.weakerFirst(selfTest, assessment))
        #expect(!WeakPoint.weakerFirst(assessment, assessment))
    }

    @Test("Given marks, then a point needs two of them and accuracy under 80% to be weak, and the reason says why")
    func evidenceAndThreshold() {
        var mastery = Mastery()
        mastery.add(ItemMark(score: 0, points: 1), knowledgePoints: ["一次失手"])
        for score in [1.0, 1, 1, 1, 0] { mastery.add(ItemMark(score: score, points: 1), knowledgePoints: ["八成"]) }
        for score in [1.0, 1, 0, 0, 0] { mastery.add(ItemMark(score: score, points: 1), knowledgePoints: ["四成"]) }
        for score in [0.0, 0] { mastery.add(ItemMark(score: score, points: 1), knowledgePoints: ["两题全错"]) }
        let weak = WeakPoint.weakest(mastery, source: .assessment)
        #expect(weak.map(\.knowledgePoint) == ["两题全错", "四成"])
        #expect(weak[1].reason == "集中考核中该知识点得分率 40%（答 5 题）")
        #expect(WeakPoint.weakest(mastery, source: .selfTest)[1].reason == "自我测试中该知识点得分率 40%（答 5 题）")
    }

    @Test("Given both sources on one point, then a person's point takes the weaker figure, once")
    func personTakesTheWeakerSource() {
        var assessment = Mastery()
        var selfTest = Mastery()
        for score in [1.0, 0, 0, 0] { assessment.add(ItemMark(score: score, points: 1), knowledgePoints: ["甲"]) }
        for score in [1.0, 0] { selfTest.add(ItemMark(score: score, points: 1), knowledgePoints: ["甲"]) }
        for score in [0.0, 0, 1] { selfTest.add(ItemMark(score: score, points: 1), knowledgePoints: ["乙"]) }
        let weak = WeakPoint.weakest(assessment: assessment, selfTest: selfTest)
        #expect(weak.map(\.knowledgePoint) == ["甲", "乙"])
        #expect(weak[0].source == .assessment && weak[0].accuracy == 0.25)
        #expect(weak[1].source == .selfTest)
    }
}
