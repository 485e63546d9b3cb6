import LianbingCore
import Testing

/// Which lessons a person is recommended, and in what order.
@Suite("推荐学习")
struct StudyRecommendationTests {
    static func lesson(_ id: String, _ points: [String], posts: [String] = [], levels: [UnitLevel] = [], status: QuestionStatus = .active) -> Lesson {
        Lesson(
            id: id, title: "微课 \(id)", knowledgePoints: points, minutes: 5, posts: posts, levels: levels, source: "粤退役军人发〔2023〕22号",
            status: status, body: "")
    }

    static let weak = [
        WeakPoint(knowledgePoint: "权益维护/法律援助", source: .selfTest, accuracy: 0.6, answered: 5),
        WeakPoint(knowledgePoint: "队伍建设/常态化培训", source: .assessment, accuracy: 0.2, answered: 5),
    ]

    static func recommend(_ lessons: [Lesson], completed: Set<String> = [], post: String = "接访员", level: UnitLevel = .village) -> [StudyRecommendation] {
        StudyRecommendation.recommend(weakPoints: weak, lessons: lessons, completed: completed, post: post, level: level)
    }

    @Test("Given lessons on weak points, then they follow the weakest point they teach, not their ids")
    func weakestPointFirst() {
        let list = Self.recommend([Self.lesson("A", ["权益维护/法律援助"]), Self.lesson("B", ["队伍建设/常态化培训"])])
        #expect(list.map(\.lessonId) == ["B", "A"])
        #expect(list[0].points.map(\.reason) == ["集中考核中该知识点得分率 20%（答 5 题）"])
    }

    @Test("Given two lessons on the same weakest point, then lesson id decides, whichever order they come in")
    func lessonIdBreaksTies() {
        let a = Self.lesson("WK-2", ["队伍建设/常态化培训"]), b = Self.lesson("WK-1", ["队伍建设/常态化培训"])
        #expect(Self.recommend([a, b]).map(\.lessonId) == ["WK-1", "WK-2"])
        #expect(Self.recommend([b, a]).map(\.lessonId) == ["WK-1", "WK-2"])
    }

    @Test("Given a lesson on two weak points, then it is listed once, with both reasons weakest first")
    func severalPointsOnce() {
        let list = Self.recommend([Self.lesson("A", ["权益维护/法律援助", "队伍建设/常态化培训"])])
        #expect(list.count == 1)
        #expect(list[0].points.map(\.knowledgePoint) == ["队伍建设/常态化培训", "权益维护/法律援助"])
        #expect(StudyRecommendation.selfTestPoints(list) == ["队伍建设/常态化培训", "权益维护/法律援助"])
    }

    @Test("Given completed, retired, other-audience and unrelated lessons, then they are left out")
    func leftOut() {
        let list = Self.recommend(
            [
                Self.lesson("DONE", ["队伍建设/常态化培训"]), Self.lesson("OLD", ["队伍建设/常态化培训"], status: .retired),
                Self.lesson("POST", ["队伍建设/常态化培训"], posts: ["站长"]), Self.lesson("LEVEL", ["队伍建设/常态化培训"], levels: [.county]),
                Self.lesson("FOR-ME", ["队伍建设/常态化培训"], posts: ["接访员"], levels: [.village]), Self.lesson("ELSE", ["党建引领/红色文化阵地"]),
                Self.lesson("BELOW", ["权益维护/法律援助/细则"]),
            ], completed: ["DONE"])
        #expect(list.map(\.lessonId) == ["FOR-ME", "BELOW"])
    }

    @Test("Given no weak points, then nothing is recommended")
    func nothingWeak() {
        #expect(StudyRecommendation.recommend(weakPoints: [], lessons: [Self.lesson("A", ["甲"])], completed: [], post: "", level: .town).isEmpty)
    }
}
