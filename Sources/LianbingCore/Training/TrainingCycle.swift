/// A rolling full-coverage cycle (item 18, "定期'滚动式'全覆盖培训"): from `start` for `months`, by default one
/// calendar year. Every grassroots member of staff due in the cycle must attend one business training in it.
public struct TrainingCycle: Sendable, Hashable, Codable {
    public var start: CivilDate
    public var months: Int

    public init?(start: CivilDate, months: Int) {
        guard (1...60).contains(months), start.adding(months: months) != nil else { return nil }
        self.start = start
        self.months = months
    }

    public static func calendarYear(_ year: Int) -> TrainingCycle? {
        CivilDate(year: year, month: 1, day: 1).flatMap { TrainingCycle(start: $0, months: 12) }
    }

    /// The first day after the cycle.
    public var end: CivilDate { start.adding(months: months)! }

    public var lastDay: CivilDate { end.adding(days: -1)! }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date < end }
}
