import Foundation

/// The domain of every number that arrives from outside — a path, JSON, a form, a file cell, a CLI option — in one
/// place per kind of number. Service methods check here before arithmetic touches a value: Swift traps on overflow
/// and on failed conversions, and one trapped request stops every candidate's exam. The API, the HTML forms and
/// the command line reach the same service methods, so they accept exactly the same values.
public enum InputBounds {
    /// Durations, extra time and reopenings, in minutes: up to a day.
    public static let minutes = 1...1_440
    /// Extra time may also be taken back to none.
    public static let extraMinutes = 0...1_440
    /// Days after release during which a score review may be asked for.
    public static let reviewDays = 0...365
    /// Candidates a blueprint is checked for: far beyond the province's 50,000 staff.
    public static let candidates = 1...1_000_000
    /// Questions on one paper, and so in one cell of a blueprint.
    public static let questionsPerPaper = 1...10_000
    /// A question's place on a paper, counted from 0. No paper holds more questions, so a position past it names
    /// nothing, and `position + 1` in a message cannot overflow.
    public static let position = 0...(questionsPerPaper.upperBound - 1)
    /// Parallel forms of a paper sitting, lettered A to Z.
    public static let forms = 1...26
    /// Seconds one hidden spell of an exam page may last.
    public static let hiddenSeconds = 0...86_400
    /// Points a trainer may give one short answer, and pass marks: no paper is worth more.
    public static let points = 0.0...100_000.0

    /// Exam times: 2000-01-01 00:00 to 2099-12-31 23:59 China time.
    public static let dates: ClosedRange<Date> = {
        let first = ChinaTime.parse("2000-01-01 00:00")!
        let last = ChinaTime.parse("2099-12-31 23:59:59")!
        return first...last
    }()

    /// `value` if it lies in `range`; else a refusal naming the field and the range, as every door shows it.
    @discardableResult public static func check(_ value: Int, in range: ClosedRange<Int>, _ field: String, unit: String = "") throws -> Int {
        guard range.contains(value) else {
            throw LianbingError.invalid("\(field)须为 \(range.lowerBound) 到 \(range.upperBound)\(unit.isEmpty ? "" : " " + unit)之间的整数")
        }
        return value
    }

    /// A finite number of points within `range` (a question's points, a paper's total).
    @discardableResult public static func check(points value: Double, in range: ClosedRange<Double>, _ field: String) throws -> Double {
        guard value.isFinite, range.contains(value) else {
            throw LianbingError.invalid("\(field)须在 \(MessageNumber.text(range.lowerBound)) 到 \(MessageNumber.text(range.upperBound)) 之间")
        }
        return value
    }

    /// A time within `dates`.
    @discardableResult public static func check(date: Date, _ field: String) throws -> Date {
        guard dates.contains(date) else { throw LianbingError.invalid("\(field)须在 2000-01-01 到 2099-12-31 之间") }
        return date
    }

    /// A position within a paper of `count` questions. Out of range is "no such question", as for a missing one.
    @discardableResult public static func check(position: Int, count: Int? = nil) throws -> Int {
        guard self.position.contains(position), count.map({ position < $0 }) ?? true else {
            throw LianbingError.notFound("试卷上没有该题")
        }
        return position
    }
}
