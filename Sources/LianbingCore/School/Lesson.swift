/// A micro-lesson (微课) of the online school, as its file in `Courseware/` gives it: the header's fields and the
/// Markdown body. Lessons are content like questions: they cite their source and follow the bank's knowledge points,
/// which is how results lead to them and how their checks are drawn.
public struct Lesson: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var knowledgePoints: [String]
    /// Reading time in minutes: how long the page must have been in view for the lesson to count.
    public var minutes: Int
    /// Posts it is meant for; empty: everyone.
    public var posts: [String]
    /// Unit levels it is meant for; empty: every level.
    public var levels: [UnitLevel]
    /// 出处, as the bank cites it.
    public var source: String
    public var status: QuestionStatus
    /// The lesson in Markdown (CommonMark with GitHub's tables).
    public var body: String

    public init(
        id: String, title: String, knowledgePoints: [String], minutes: Int, posts: [String] = [], levels: [UnitLevel] = [], source: String,
        status: QuestionStatus = .active, body: String
    ) {
        self.id = id
        self.title = title
        self.knowledgePoints = knowledgePoints
        self.minutes = minutes
        self.posts = posts
        self.levels = levels
        self.source = source
        self.status = status
        self.body = body
    }

    public static let titleLength = 1...60
    public static let minuteRange = 3...30
    /// The body's sections, in this order: what the source asks, a worked case, what the staff member must do.
    public static let sections = ["讲解", "情景", "工作要求"]
    /// A lesson's check draws from the bank's practice and common questions on each of its knowledge points.
    public static let checkQuestionsPerPoint = 3

    /// What is wrong with the lesson on its own (not its files or its quotes), as reasons.
    public var problems: [String] {
        var problems: [String] = []
        if !Question.isValidID(id) { problems.append("编号无效：只能使用英文字母、数字、- 和 _，最多 32 个字符") }
        if !Self.titleLength.contains(title.count) { problems.append("标题须为 1 到 60 个字") }
        if knowledgePoints.isEmpty { problems.append("缺少知识点") }
        if !Self.minuteRange.contains(minutes) { problems.append("时长须为 3 到 30 分钟") }
        if source.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("缺少出处：每节微课都要写明出处（文件章节或法律条款）") }
        let headings = body.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("## ") ? line.dropFirst(3).trimmingCharacters(in: .whitespaces) : nil
        }
        let present = Self.sections.filter(headings.contains)
        if present != Self.sections || headings.filter(Self.sections.contains) != Self.sections {
            problems.append("正文须依次包含“## 讲解”“## 情景”“## 工作要求”三节")
        }
        return problems
    }
}
