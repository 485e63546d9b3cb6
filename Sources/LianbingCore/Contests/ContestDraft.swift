import Foundation

/// What an administrator fills in to create a contest.
public struct ContestDraft: Sendable, Hashable, Codable {
    public var title: String
    public var unitCode: String
    public var format: ContestFormat
    public var heldOn: CivilDate
    /// Points every team starts with (often 100).
    public var basePoints: Int
    public var tieBreakers: [TieBreaker]

    public init(
        title: String, unitCode: String, format: ContestFormat, heldOn: CivilDate, basePoints: Int = 0,
        tieBreakers: [TieBreaker] = [.written, .fewerWrong, .lessTime]
    ) {
        self.title = title
        self.unitCode = unitCode
        self.format = format
        self.heldOn = heldOn
        self.basePoints = basePoints
        self.tieBreakers = tieBreakers
    }

    /// The draft with its title trimmed, or every problem at once.
    public func validated() throws -> ContestDraft {
        var draft = self
        var problems: [String] = []
        draft.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if draft.title.isEmpty { problems.append("比赛名称不能为空") }
        if draft.title.count > 100 { problems.append("比赛名称不能超过 100 个字") }
        if !(2000...2099).contains(heldOn.year) { problems.append("比赛日期须在 2000-01-01 到 2099-12-31 之间") }
        if !ContestBounds.points.contains(basePoints) {
            problems.append("基础分须为 \(ContestBounds.points.lowerBound) 到 \(ContestBounds.points.upperBound) 之间的整数")
        }
        if Set(tieBreakers).count != tieBreakers.count { problems.append("同分比较规则不能重复") }
        guard problems.isEmpty else { throw LianbingError.invalid(problems.joined(separator: "\n")) }
        return draft
    }
}

/// A team to enter: its members by staff number, the captain among them, and the unit it represents (the captain's
/// unit when none is named). An individual contest takes one member and names the team after them.
public struct TeamDraft: Sendable, Hashable, Codable {
    public var name: String
    public var members: [String]
    public var captain: String?
    public var unitCode: String?

    public init(name: String = "", members: [String], captain: String? = nil, unitCode: String? = nil) {
        self.name = name
        self.members = members
        self.captain = captain
        self.unitCode = unitCode
    }

    public func validated(for format: ContestFormat) throws -> TeamDraft {
        var draft = self
        draft.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        draft.members = members.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard Set(draft.members).count == draft.members.count else { throw LianbingError.invalid("队员不能重复") }
        switch format {
        case .individual:
            guard draft.members.count == 1 else { throw LianbingError.invalid("个人赛每名选手单独参赛：须且只能填写一名工作人员") }
            draft.captain = draft.members[0]
        case .team:
            try InputBounds.check(draft.members.count, in: ContestBounds.members, "队员人数", unit: "人")
            guard !draft.name.isEmpty else { throw LianbingError.invalid("团体赛须填写队名") }
            let captain = draft.captain?.trimmingCharacters(in: .whitespaces) ?? draft.members[0]
            guard draft.members.contains(captain) else { throw LianbingError.invalid("队长须是本队队员") }
            draft.captain = captain
        }
        if draft.name.count > 50 { throw LianbingError.invalid("队名不能超过 50 个字") }
        return draft
    }
}

/// A round to add: its style, title and rules, the question list of a live round (bank question ids, in order),
/// or the exam of a written round.
public struct RoundDraft: Sendable, Hashable, Codable {
    public var style: RoundStyle
    public var title: String
    public var rules: RoundRules
    public var questionIds: [String]
    public var examId: Int64?

    public init(style: RoundStyle, title: String = "", rules: RoundRules = RoundRules(), questionIds: [String] = [], examId: Int64? = nil) {
        self.style = style
        self.title = title
        self.rules = rules
        self.questionIds = questionIds
        self.examId = examId
    }

    public func validated() throws -> RoundDraft {
        var draft = self
        draft.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if draft.title.isEmpty { draft.title = style.label }
        draft.rules = try rules.checked(for: style)
        try InputBounds.check(questionIds.count, in: ContestBounds.questions, "题目数量", unit: "道")
        switch style {
        case .written:
            guard examId != nil else { throw LianbingError.invalid("笔试轮须指定一场集中考核") }
            guard questionIds.isEmpty else { throw LianbingError.invalid("笔试轮的题目来自考试试卷，不另设题目") }
        case .judged:
            guard examId == nil else { throw LianbingError.invalid("只有笔试轮关联考试") }
        default:
            guard examId == nil else { throw LianbingError.invalid("只有笔试轮关联考试") }
            guard !questionIds.isEmpty else { throw LianbingError.invalid("\(style.label)轮须预先确定题目") }
        }
        return draft
    }
}
