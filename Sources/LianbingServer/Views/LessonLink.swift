import LianbingStore

/// A link from a wrong answer or a weak point to the lessons that teach it (以考促学).
struct LessonLink: Sendable, Encodable, Equatable {
    var href: String
    var label: String

    /// A point with more lessons than this links to the catalogue filtered to it, not to each lesson.
    static let perLessonAtMost = 2

    /// One link per lesson while a point has few, else one to `/school?point=…`; a lesson on two of the points is
    /// linked once. Lesson ids are `Question.isValidID`, safe in a path as they are.
    static func links(_ points: [PointLessons]) -> [LessonLink] {
        var seen = Set<String>()
        return points.flatMap { point -> [LessonLink] in
            if point.lessons.count > perLessonAtMost {
                return [LessonLink(href: "/school?point=\(point.knowledgePoint.urlEncoded)", label: "「\(point.knowledgePoint)」的 \(point.lessons.count) 节微课")]
            }
            return point.lessons.filter { seen.insert($0.id).inserted }.map { LessonLink(href: "/school/lessons/\($0.id)", label: "微课：\($0.title)") }
        }
    }
}
