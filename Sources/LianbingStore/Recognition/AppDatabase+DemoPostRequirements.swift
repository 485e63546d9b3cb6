import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The demo's 持证上岗: the post 主任（站长） requires the internal qualification, with 180 days' grace, and a few of
    /// the demo county's directors took up their post lately (so some are in grace). With the certificates of the
    /// demo's released, certifying exam, the report shows certified, in-grace and overdue holders. Made once; later
    /// starts keep it (and any change made since).
    public func installDemoPostRequirements() async throws {
        let now = clock()
        try await writer.write { db in
            guard let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'") else {
                throw LianbingError.conflict("只能在演示数据库上生成演示的持证上岗要求")
            }
            guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.postRequirements'") == nil else { return }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.postRequirements', '1')")
            guard try Self.postExists(Post.director, db),
                let internalId = try Int64.fetchOne(db, sql: "SELECT id FROM qualification WHERE kind = 'internal' ORDER BY id LIMIT 1")
            else { return }
            try db.execute(
                sql: "INSERT OR IGNORE INTO postRequirement (post, qualifications, graceDays, updatedAt, actor) VALUES (?, ?, 180, ?, 'demo')",
                arguments: [Post.director, PostCompliance.bars([internalId]), now])
            let county = String(anchors.split(separator: ",")[0])
            guard let countyRecord = try UnitRecord.fetchOne(db, key: county) else { return }
            let today = ChinaTime.civilDate(of: now)
            let newcomers = try String.fetchAll(
                db,
                sql: """
                    SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode
                    WHERE u.path > ? AND u.path < ? AND s.post = ? AND s.isActive
                      AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.staffNumber = s.number)
                    ORDER BY s.number LIMIT 3
                    """, arguments: [countyRecord.unitPath.lowerBound, countyRecord.unitPath.upperBound, Post.director])
            for (index, number) in newcomers.enumerated() {
                let since = today.adding(days: -(20 + 50 * index)) ?? today
                try db.execute(sql: "UPDATE staff SET postSince = ? WHERE number = ?", arguments: [since.description, number])
            }
        }
    }
}
