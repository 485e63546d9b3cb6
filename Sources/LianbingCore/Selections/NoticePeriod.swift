/// The public notice period (公示) of a selection's result, counted in working days.
public enum NoticePeriod {
    public static let defaultWorkingDays = 5
    public static let workingDays = 1...30

    /// The last day of a notice of `days` working days starting on `start` (itself counted when a working day).
    /// Saturdays and Sundays are skipped; public holidays and their make-up working days are not known here, so an
    /// administrator publishing over a holiday gives more days.
    public static func lastDay(from start: CivilDate, workingDays days: Int) -> CivilDate {
        var day = start
        var counted = isWorkingDay(day) ? 1 : 0
        while counted < days {
            guard let next = day.adding(days: 1) else { break }
            day = next
            if isWorkingDay(day) { counted += 1 }
        }
        return day
    }

    /// Monday to Friday. 1970-01-01, day 0, was a Thursday.
    public static func isWorkingDay(_ date: CivilDate) -> Bool {
        let weekday = ((date.dayNumber % 7) + 7 + 3) % 7  // 0 Monday … 6 Sunday
        return weekday < 5
    }
}
