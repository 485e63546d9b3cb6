import Foundation

/// Times are stored in UTC and entered and shown in China time (Asia/Shanghai, UTC+8, no daylight saving).
public enum ChinaTime {
    public static let zone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// `2026-11-25 22:47` in China time.
    public static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// Parses `YYYY-MM-DD HH:MM` (or with `T`, optional `:SS`) as China time.
    public static func parse(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let day = CivilDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard (2...3).contains(clock.count), (0..<24).contains(clock[0]), (0..<60).contains(clock[1]),
            clock.count == 2 || (0..<60).contains(clock[2])
        else { return nil }
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: clock[0], minute: clock[1], second: clock.count == 3 ? clock[2] : 0)
        return calendar.date(from: components)
    }

    /// The calendar date in China at an instant.
    public static func civilDate(of date: Date) -> CivilDate {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
