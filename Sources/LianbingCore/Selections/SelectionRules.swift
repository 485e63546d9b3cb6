/// Everything that decides a selection's winners, fixed when the selection is created and never changed once it has
/// been computed: each choice (a weight, the normalisation, what missing data counts as) can change the winner, so
/// none may be made after the scores are known.
public struct SelectionRules: Sendable, Hashable, Codable {
    /// 优秀主任（站长）, 优秀接访员, 优秀工作者, or another award's name.
    public var award: String
    /// The posts whose holders are eligible (at least one).
    public var posts: [String]
    /// The unit levels whose staff are eligible; empty: every level of the selection's subtree.
    public var levels: [UnitLevel]
    public var from: CivilDate
    public var through: CivilDate
    public var criteria: [WeightedCriterion]
    public var normalisation: Normalisation
    public var missing: MissingCriterion
    public var minimums: SelectionMinimums
    public var quota: SelectionQuota

    public init(
        award: String, posts: [String], levels: [UnitLevel] = [], from: CivilDate, through: CivilDate, criteria: [WeightedCriterion],
        normalisation: Normalisation = .zScore, missing: MissingCriterion = .rescale, minimums: SelectionMinimums = SelectionMinimums(),
        quota: SelectionQuota
    ) {
        self.award = award
        self.posts = posts
        self.levels = levels
        self.from = from
        self.through = through
        self.criteria = criteria
        self.normalisation = normalisation
        self.missing = missing
        self.minimums = minimums
        self.quota = quota
    }

    /// The awards item 20 of the source names; any other name may be given.
    public static let namedAwards = ["优秀主任（站长）", "优秀接访员", "优秀工作者"]
    public static let awardLength = 1...30
    public static let longestPeriodDays = 3 * 366

    /// The rules cleaned (names trimmed, repeats dropped) and checked, as every door must give them before they are
    /// stored. `selectionLevel` is the level of the unit holding the selection: places can only be shared between
    /// units below it.
    public func validated(selectionLevel: UnitLevel) throws -> SelectionRules {
        var rules = self
        rules.award = award.trimmingCharacters(in: .whitespaces)
        guard Self.awardLength.contains(rules.award.count) else { throw LianbingError.invalid("奖项名称须为 1 到 30 个字") }
        var seen = Set<String>()
        rules.posts = posts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !rules.posts.isEmpty else { throw LianbingError.invalid("请至少选择一个参评岗位") }
        rules.levels = Array(Set(levels)).sorted()
        if let above = rules.levels.first(where: { $0 < selectionLevel }) {
            throw LianbingError.invalid("参评单位层级“\(above.displayName)”高于遴选单位")
        }
        guard from <= through else { throw LianbingError.invalid("评选期间的开始日期不能晚于结束日期") }
        guard through - from < Self.longestPeriodDays else { throw LianbingError.invalid("评选期间最长 3 年") }
        guard !criteria.isEmpty else { throw LianbingError.invalid("请至少选择一项评选指标") }
        guard Set(criteria.map(\.criterion)).count == criteria.count else { throw LianbingError.invalid("同一指标列出了两次") }
        for item in criteria {
            try InputBounds.check(item.weight, in: WeightedCriterion.weights, "“\(item.criterion.label)”的权重", unit: "分")
        }
        try InputBounds.check(minimums.minimumRatings, in: SelectionMinimums.ratingCounts, "最少评价条数", unit: "条")
        try InputBounds.check(quota.places, in: SelectionQuota.placeRange, "名额", unit: "个")
        if let level = quota.sharing.level, level <= selectionLevel {
            throw LianbingError.invalid("\(quota.sharing.label)须在遴选单位的下级单位之间进行")
        }
        return rules
    }
}
