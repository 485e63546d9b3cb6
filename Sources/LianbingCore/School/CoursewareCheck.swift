/// Checks a set of lessons against each other and the bank: what a single file cannot know.
public enum CoursewareCheck {
    /// A lesson as read, with where its header starts (for reporting) and the files beside it that it refers to.
    public struct Located: Sendable {
        public var lesson: Lesson
        public var file: String
        public var line: Int
        public var files: [LessonFile]

        public init(lesson: Lesson, file: String, line: Int = 1, files: [LessonFile] = []) {
            self.lesson = lesson
            self.file = file
            self.line = line
            self.files = files
        }
    }

    /// Lesson ids are unique; every knowledge point of an active lesson is one of the bank's, with at least
    /// `Lesson.checkQuestionsPerPoint` active practice or common questions for its check; posts are known.
    public static func issues(_ lessons: [Located], bank: [Question], posts: [String]? = nil) -> [ImportIssue] {
        var issues: [ImportIssue] = []
        var seen: [String: String] = [:]
        for located in lessons {
            if let first = seen[located.lesson.id] {
                issues.append(ImportIssue(file: located.file, line: located.line, reason: "编号 \(located.lesson.id) 重复（另见 \(first)）"))
            } else {
                seen[located.lesson.id] = located.file
            }
        }
        var practice: [String: Int] = [:]
        for question in bank {
            for point in question.knowledgePoints {
                let usable = question.status == .active && question.usage != .exam
                practice[point, default: 0] += usable ? 1 : 0
            }
        }
        for located in lessons where located.lesson.status == .active {
            for point in located.lesson.knowledgePoints {
                guard let count = practice[point] else {
                    issues.append(ImportIssue(file: located.file, line: located.line, reason: "知识点“\(point)”不在题库中"))
                    continue
                }
                if count < Lesson.checkQuestionsPerPoint {
                    issues.append(ImportIssue(
                        file: located.file, line: located.line,
                        reason: "知识点“\(point)”只有 \(count) 道启用的练习或通用题，小测至少需要 \(Lesson.checkQuestionsPerPoint) 道"))
                }
            }
            if let posts {
                for post in located.lesson.posts where !posts.contains(post) {
                    issues.append(ImportIssue(file: located.file, line: located.line, reason: "岗位“\(post)”不存在"))
                }
            }
        }
        return issues.sorted()
    }
}
