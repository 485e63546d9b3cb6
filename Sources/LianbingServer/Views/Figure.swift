import Foundation

/// How measured values read on pages: fixed decimals, and a dash where a value is undefined.
enum Figure {
    /// `0.652` → `65.2%`.
    static func percent(ofFraction value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    /// `65.2` → `65.2%`, for values already in percent.
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "—" }

    static func decimal(_ value: Double?, places: Int = 2) -> String { value.map { String(format: "%.\(places)f", $0) } ?? "—" }
}
