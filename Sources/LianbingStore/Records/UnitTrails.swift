import Foundation
import GRDB
import LianbingCore

/// Units as lists name them: `广州市 › 天河区 › 沙河街道`, from below the root (every unit is in the one province),
/// because a town's or community's name alone repeats across counties.
enum UnitTrails {
    static let separator = " › "

    /// The trail of each path (`UnitPath.rawValue`) given, with one query for every name they need.
    static func of(_ paths: some Sequence<String>, _ db: Database) throws -> [String: String] {
        let unique = Set(paths)
        let codes = Set(unique.flatMap { UnitPath(rawValue: $0).codes })
        let data = try JSONEncoder().encode(Array(codes))
        let rows = try Row.fetchAll(
            db, sql: "SELECT code, name FROM unit WHERE code IN (SELECT value FROM json_each(?))",
            arguments: [String(decoding: data, as: UTF8.self)])
        let names = Dictionary(uniqueKeysWithValues: rows.map { ($0["code"] as String, $0["name"] as String) })
        return Dictionary(
            uniqueKeysWithValues: unique.map { path in
                let codes = UnitPath(rawValue: path).codes
                // The root itself keeps its own name rather than an empty trail.
                let shown = codes.count > 1 ? codes.dropFirst() : codes[...]
                return (path, shown.map { names[$0] ?? $0 }.joined(separator: separator))
            })
    }
}
