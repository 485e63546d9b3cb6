import Foundation

/// A cell holding a short list, such as specialties: `法律;心理服务`.
///
/// The full-width `；` and the enumeration comma `、` are what a Chinese input method produces, so they separate
/// too. Import files write lists back with `;` (`joiner`).
enum ListCell {
    static let separators: Set<Character> = [";", "；", "、"]
    static let joiner = ";"

    /// The items in the order written, trimmed, without empties or repeats.
    static func items(in cell: String) -> [String] {
        var seen = Set<String>()
        return cell.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
