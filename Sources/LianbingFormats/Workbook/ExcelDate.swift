/// Excel's dates: a number of days (the fraction is the time of day) counted from the workbook's epoch, shown as a
/// date only because of the cell's number format. The wall-clock value is what the person typed, so it is read as a
/// China-time date and time without any zone conversion.
enum ExcelDate {
    /// `2021-03-05`, or `2021-03-05 08:30` (with `:ss` when there are seconds), or `nil` for a serial that is no
    /// date: negative, beyond year 9999, or 60 in the 1900 system — the 29 February 1900 Excel counts to stay
    /// compatible with Lotus 1-2-3, which never existed.
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        var day = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        if date1904 {
            day += daysFrom1970To1904
        } else {
            if day == 60 { return nil }
            // Serials up to 59 count from 31 December 1899; past the phantom leap day they are one ahead.
            day += day < 60 ? daysFrom1970To1899_12_31 : daysFrom1970To1899_12_31 - 1
        }
        let (year, month, dayOfMonth) = civil(fromDays: day)
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))"
        guard seconds > 0 else { return date }
        let time = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))"
        return date + " " + (seconds % 60 == 0 ? time : time + ":\(pad(seconds % 60, 2))")
    }

    /// Whether a cell with this number format shows a date or time: Excel's built-in date formats (14–22, 45–47,
    /// and the Chinese locale's 27–36 and 50–58), or a format code with a date or time part (y, m, d, h, s) outside
    /// quoted text, `[…]` sections and escaped characters.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        guard let code else { return (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id) }
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in code.lowercased() {
            if skipNext {
                skipNext = false
                continue
            }
            switch character {
            case "\"": inQuotes.toggle()
            case _ where inQuotes: continue
            case "[": inBrackets = true
            case "]": inBrackets = false
            case _ where inBrackets: continue
            case "\\", "_", "*": skipNext = true
            case "y", "m", "d", "h", "s": return true
            default: continue
            }
        }
        return false
    }

    private static let daysFrom1970To1899_12_31 = -25_568
    private static let daysFrom1970To1904 = -24_107

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date `days` after 1970-01-01.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
