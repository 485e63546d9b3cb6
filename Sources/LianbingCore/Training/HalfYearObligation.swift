/// Which centres and stations must hold a business training every half-year (item 19 asks it of "任务较重的服务中心
/// （站）"). The rule is data an administrator can change: by default every county centre and town station, and a
/// village station only when flagged as 任务较重 or serving at least `veteranThreshold` veterans.
public struct HalfYearObligation: Sendable, Hashable, Codable {
    public var levels: Set<UnitLevel>
    /// `nil`: no village is obliged by its numbers alone, only by the flag.
    public var veteranThreshold: Int?

    public init(levels: Set<UnitLevel> = [.county, .town], veteranThreshold: Int? = nil) {
        self.levels = levels
        self.veteranThreshold = veteranThreshold
    }

    public func isObliged(level: UnitLevel, veteransServed: Int?, flagged: Bool) -> Bool {
        if flagged || levels.contains(level) { return true }
        guard let veteranThreshold, let veteransServed else { return false }
        return veteransServed >= veteranThreshold
    }
}
