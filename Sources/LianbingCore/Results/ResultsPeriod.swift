/// The days the results overview counts exams over (by the China date they open), and the calendar months of its
/// trend line.
public struct ResultsPeriod: Sendable, Codable, Equatable {
    public var from: CivilDate
    public var to: CivilDate

    /// The longest period, in calendar months: five years keep the trend line readable on a phone.
    public static let months = 1...60

    /// `from` to `to`, both included: `from` not after `to`, within 2000–2099, spanning at most `months` months.
    public init(from: CivilDate, to: CivilDate) throws {
        let years = 2000...2099
        guard years.contains(from.year), years.contains(to.year) else {
            throw LianbingError.invalid("统计期间须在 2000-01-01 到 2099-12-31 之间")
        }
        guard from <= to else { throw LianbingError.invalid("统计期间的起始日期（\(from)）不能晚于截止日期（\(to)）") }
        let count = (to.year - from.year) * 12 + to.month - from.month + 1
        guard Self.months.contains(count) else {
            throw LianbingError.invalid("统计期间最长 \(Self.months.upperBound) 个月（\(from) 至 \(to) 跨 \(count) 个月）")
        }
        self.from = from
        self.to = to
    }

    /// The default: the twelve calendar months ending with the one holding `today`, up to `today`.
    public static func twelveMonths(endingOn today: CivilDate) -> ResultsPeriod {
        ResultsPeriod(checked: CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: -11)!, to: today)
    }

    private init(checked from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// `2026-03` for every calendar month the period touches, oldest first.
    public var monthKeys: [String] {
        var keys: [String] = []
        var month = CivilDate(year: from.year, month: from.month, day: 1)!
        while month <= to {
            keys.append(String(month.description.prefix(7)))
            month = month.adding(months: 1)!
        }
        return keys
    }
}
