/// What the half-year rule needs to know about a unit beyond its place in the tree (see `HalfYearObligation`):
/// how many veterans it serves and whether it is flagged 任务较重.
public struct UnitAttributes: Sendable, Hashable, Codable {
    /// 辖区退役军人数; `nil` when unknown.
    public var veteransServed: Int?
    /// 任务较重
    public var heavyDuty: Bool

    public init(veteransServed: Int? = nil, heavyDuty: Bool = false) {
        self.veteransServed = veteransServed
        self.heavyDuty = heavyDuty
    }
}
