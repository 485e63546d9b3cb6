/// Points on a contest board, held in hundredths so that sums are exact: a judged round's trimmed mean and a team's
/// mean written score are rounded to a hundredth once, when the event that carries them is recorded, and every total
/// after that is integer arithmetic (the board of a log is the sum of its events, to the hundredth).
public struct ContestPoints: Sendable, Hashable, Comparable, Codable {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }
    public init(points: Int) { self.hundredths = points * 100 }

    /// `value` rounded half away from zero to a hundredth; callers have bounded it (`ContestBounds.points`).
    public init(rounding value: Double) { self.hundredths = Int((value * 100).rounded()) }

    public static let zero = ContestPoints(hundredths: 0)
    public static func < (a: ContestPoints, b: ContestPoints) -> Bool { a.hundredths < b.hundredths }
    public static func + (a: ContestPoints, b: ContestPoints) -> ContestPoints { .init(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: ContestPoints, b: ContestPoints) -> ContestPoints { .init(hundredths: a.hundredths - b.hundredths) }
    public static prefix func - (a: ContestPoints) -> ContestPoints { .init(hundredths: -a.hundredths) }
    public static func += (a: inout ContestPoints, b: ContestPoints) { a.hundredths += b.hundredths }

    /// "12", "12.5", "-3.25": as a board shows it.
    public var text: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var value: Double { Double(hundredths) / 100 }
}
