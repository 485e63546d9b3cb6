import Foundation

/// H1 (1 January – 30 June) or H2 (1 July – 31 December) of a year, in China time: the period of item 19's
/// "每半年至少组织一次工作人员业务培训".
public struct HalfYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    /// 1 or 2.
    public var half: Int

    public init?(year: Int, half: Int) {
        guard (1900...2200).contains(year), half == 1 || half == 2 else { return nil }
        self.year = year
        self.half = half
    }

    /// The half-year holding a calendar date.
    public init(containing date: CivilDate) {
        year = date.year
        half = date.month <= 6 ? 1 : 2
    }

    /// The half-year holding an instant, by its date in China (23:30 on 30 June China time is still H1).
    public init(containing instant: Date) { self.init(containing: ChinaTime.civilDate(of: instant)) }

    public var firstDay: CivilDate { CivilDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var lastDay: CivilDate { CivilDate(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }

    public func contains(_ date: CivilDate) -> Bool { HalfYear(containing: date) == self }

    public var next: HalfYear { half == 1 ? HalfYear(year: year, half: 2)! : HalfYear(year: year + 1, half: 1)! }

    /// `2026年上半年`.
    public var label: String { "\(year)年\(half == 1 ? "上" : "下")半年" }

    /// `2026-H1`.
    public var description: String { "\(year)-H\(half)" }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool { (lhs.year, lhs.half) < (rhs.year, rhs.half) }
}
