/// A lesson recommended to one person (推荐学习), with the weak points that put it there.
public struct StudyRecommendation: Sendable, Codable, Hashable {
    public var lessonId: String
    public var title: String
    public var minutes: Int
    /// The person's weak points the lesson teaches, weakest first (`WeakPoint.weakerFirst`): why it is recommended.
    public var points: [WeakPoint]

    public init(lessonId: String, title: String, minutes: Int, points: [WeakPoint]) {
        self.lessonId = lessonId
        self.title = title
        self.minutes = minutes
        self.points = points
    }

    /// The lessons for a person's weak points (`WeakPoint.weakest(assessment:selfTest:)`), in a total order: by the
    /// weakest point each teaches, in `WeakPoint.weakerFirst`'s order; lessons whose weakest point is the same one by
    /// lesson id. A lesson on several weak points is listed once, with all of them.
    ///
    /// Left out: lessons the person has completed (`completed`), since their marks from before studying would keep
    /// them at the top for good; the next step after a lesson is the targeted self-test, whose marks then move the
    /// point. Left out too: retired lessons, and lessons whose audience (posts, unit levels) does not hold the person.
    public static func recommend(
        weakPoints: [WeakPoint], lessons: [Lesson], completed: Set<String>, post: String, level: UnitLevel
    ) -> [StudyRecommendation] {
        let open = lessons.filter { $0.status == .active && !completed.contains($0.id) && $0.isMeant(forPost: post, level: level) }
        let ordered = weakPoints.sorted(by: WeakPoint.weakerFirst)
        var places: [(rank: Int, recommendation: StudyRecommendation)] = []
        for lesson in open {
            let taught = ordered.enumerated().filter { lesson.teaches($0.element.knowledgePoint) }
            guard let rank = taught.first?.offset else { continue }
            places.append((rank, StudyRecommendation(lessonId: lesson.id, title: lesson.title, minutes: lesson.minutes, points: taught.map(\.element))))
        }
        return places.sorted { ($0.rank, $0.recommendation.lessonId) < ($1.rank, $1.recommendation.lessonId) }.map(\.recommendation)
    }

    /// The knowledge points a targeted self-test after studying draws from: every weak point the list names, in its
    /// order, once.
    public static func selfTestPoints(_ recommendations: [StudyRecommendation]) -> [String] {
        var seen = Set<String>()
        return recommendations.flatMap(\.points).map(\.knowledgePoint).filter { seen.insert($0).inserted }
    }
}
