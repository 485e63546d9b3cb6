import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// One item of an attempt's stored paper, cut out by SQLite's JSON functions. A save needs one item, and
    /// decoding the whole paper for it was the largest part of a save's time on the single writer.
    static func paperItem(_ position: Int, ofAttempt id: Int64, _ db: Database) throws -> PaperItem {
        let statement = try db.cachedStatement(sql: "SELECT json_extract(paper, '$.items[' || ? || ']') FROM attempt WHERE id = ?")
        guard position >= 0, let json = try String.fetchOne(statement, arguments: [position, id]) else {
            throw LianbingError.notFound("第 \(position + 1) 题")
        }
        return try JSONDecoder().decode(PaperItem.self, from: Data(json.utf8))
    }
}
