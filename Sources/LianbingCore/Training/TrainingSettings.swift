/// The training rules an administrator may change (`lianbing training settings set`), with the source's defaults.
public struct TrainingSettings: Sendable, Hashable, Codable {
    /// Who must hold a business training every half-year (item 19).
    public var obligation: HalfYearObligation
    /// How many days before a half-year ends its warning list starts.
    public var warningDays: Int
    /// The month (1–12) a coverage cycle starts in, and how many months it runs.
    public var cycleStartMonth: Int
    public var cycleMonths: Int
    /// Days after joining before a new member of staff is due.
    public var graceDays: Int
    /// The levels whose staff rolling coverage asks for (item 18's "基层工作人员").
    public var coverageLevels: Set<UnitLevel>
    /// Specialty keywords counted as legal and IT specialists (item 17).
    public var specialistKeywords: [String]

    public init(
        obligation: HalfYearObligation = HalfYearObligation(), warningDays: Int = 30, cycleStartMonth: Int = 1, cycleMonths: Int = 12,
        graceDays: Int = Coverage.defaultGraceDays, coverageLevels: Set<UnitLevel> = [.county, .town, .village],
        specialistKeywords: [String] = StaffComposition.defaultSpecialties
    ) {
        self.obligation = obligation
        self.warningDays = warningDays
        self.cycleStartMonth = cycleStartMonth
        self.cycleMonths = cycleMonths
        self.graceDays = graceDays
        self.coverageLevels = coverageLevels
        self.specialistKeywords = specialistKeywords
    }

    /// The domain of each setting, checked before any is stored: the cycle arithmetic and the warning window use them.
    public static let warningDaysRange = 0...181
    public static let cycleMonthsRange = 1...60
    public static let graceDaysRange = 0...730
    public static let veteranThresholdRange = 0...10_000_000

    public func validated() throws -> TrainingSettings {
        try InputBounds.check(warningDays, in: Self.warningDaysRange, "提前预警天数")
        try InputBounds.check(cycleStartMonth, in: 1...12, "培训周期起始月份")
        try InputBounds.check(cycleMonths, in: Self.cycleMonthsRange, "培训周期月数")
        try InputBounds.check(graceDays, in: Self.graceDaysRange, "新入职宽限天数")
        if let threshold = obligation.veteranThreshold { try InputBounds.check(threshold, in: Self.veteranThresholdRange, "辖区退役军人数阈值") }
        guard !coverageLevels.isEmpty else { throw LianbingError.invalid("全覆盖培训至少要包含一个层级") }
        let keywords = specialistKeywords.filter { !$0.isEmpty }
        guard !keywords.isEmpty, keywords.count <= 10, keywords.allSatisfy({ $0.count <= 16 }) else {
            throw LianbingError.invalid("专业人才关键词须为 1 到 10 个，每个不超过 16 个字")
        }
        var copy = self
        copy.specialistKeywords = keywords
        return copy
    }

    /// The coverage cycle holding `date`: cycles start in `cycleStartMonth` and follow each other without gaps.
    public func cycle(containing date: CivilDate) -> TrainingCycle {
        let monthIndex = (date.year - 2000) * 12 + (date.month - 1) - (cycleStartMonth - 1)
        let months = max(1, cycleMonths)
        let cycleIndex = monthIndex >= 0 ? monthIndex / months : -((-monthIndex + months - 1) / months)
        let start = CivilDate(year: 2000, month: cycleStartMonth, day: 1)!.adding(months: cycleIndex * months)!
        return TrainingCycle(start: start, months: months)!
    }
}
