import Foundation
import GRDB
import LianbingCore

/// Parts of a stored paper read by SQLite's JSON functions rather than by decoding the whole paper: saves and
/// starts run on the single writer, where decoding a 36-item paper was the largest part of their time.
extension AppDatabase {
    /// One item of an attempt's paper.
    static func paperItem(_ position: Int, ofAttempt id: Int64, _ db: Database) throws -> PaperItem {
        let statement = try db.cachedStatement(sql: "SELECT json_extract(paper, '$.items[' || ? || ']') FROM attempt WHERE id = ?")
        guard let json = try String.fetchOne(statement, arguments: [try InputBounds.check(position: position), id]) else {
            throw LianbingError.notFound("第 \(position + 1) 题")
        }
        return try JSONDecoder().decode(PaperItem.self, from: Data(json.utf8))
    }

    /// `Paper.maxScore` of a stored paper: its items' points added in order.
    static func maxScore(ofPaper json: String, _ db: Database) throws -> Double {
        let statement = try db.cachedStatement(sql: "SELECT total(json_extract(value, '$.points')) FROM json_each(?, '$.items')")
        return try Double.fetchOne(statement, arguments: [json]) ?? 0
    }
}
