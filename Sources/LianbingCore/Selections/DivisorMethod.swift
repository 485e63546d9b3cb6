/// A highest-averages (divisor) method for sharing a selection's places between units in proportion to their eligible
/// candidates. Each next place goes to the unit whose size divided by the method's divisor for the places it already
/// holds is highest.
///
/// Only divisor methods are offered: they are house-monotone (a larger total never takes a place from a unit), which
/// largest-remainder (Hamilton) is not (the Alabama paradox).
public enum DivisorMethod: String, Sendable, Codable, CaseIterable {
    /// Divisors 1, 3, 5, …: the default, closest to proportional for small and large units alike.
    case sainteLague = "sainte-lague"
    /// Divisors 1, 2, 3, …: favours larger units.
    case dHondt = "dhondt"

    public var label: String {
        switch self {
        case .sainteLague: "圣拉古法（奇数除数）"
        case .dHondt: "顿特法（自然数除数）"
        }
    }

    /// The divisor for a unit already holding `places` places.
    public func divisor(holding places: Int) -> Int {
        switch self {
        case .sainteLague: 2 * places + 1
        case .dHondt: places + 1
        }
    }
}
