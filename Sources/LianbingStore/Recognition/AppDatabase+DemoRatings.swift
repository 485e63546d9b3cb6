import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Demo satisfaction ratings: rating addresses for the stations of the demo county and of its city's next county,
    /// a few staff listed on each, and six months of believable ratings (mostly 4–5, some small stations with very
    /// few, a handful of low ones with follow-ups, one hidden comment), so that the report, the ranking and the
    /// follow-up list are not empty. Made once; later starts keep them. Deterministic for a given database.
    public func installDemoRatings() async throws {
        let now = clock()
        try await writer.write { db in
            guard let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'") else {
                throw LianbingError.conflict("只能在演示数据库上生成演示评价")
            }
            guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.ratings'") == nil else { return }
            let county = String(anchors.split(separator: ",")[0])
            guard let countyRecord = try UnitRecord.fetchOne(db, key: county) else { return }
            let neighbour = try UnitRecord.fetchOne(
                db, sql: "SELECT * FROM unit WHERE parentCode = ? AND code != ? ORDER BY code LIMIT 1", arguments: [countyRecord.parentCode, county])
            var stations: [UnitRecord] = []
            for root in [countyRecord] + (neighbour.map { [$0] } ?? []) {
                stations += try UnitRecord.fetchAll(
                    db, sql: "SELECT * FROM unit WHERE path > ? AND path < ? AND level >= 4 ORDER BY level, code LIMIT 30",
                    arguments: [root.unitPath.lowerBound, root.unitPath.upperBound])
            }
            var seed: UInt64 = 0x5eed_2025
            func next(_ bound: Int) -> Int {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return Int((seed >> 33) % UInt64(bound))
            }
            let comments = ["办事很快，态度热情", "工作人员耐心解答政策", "流程清楚，一次办好", "希望增加周末服务时间", "等候时间有点长", "讲解很细致，谢谢", ""]
            let low = ["等了很久没人接待", "材料要求没有一次说清楚"]
            for (index, station) in stations.enumerated() {
                try Self.insertRatingStation(station.code, by: "demo", at: now, db)
                let staff = try String.fetchAll(
                    db, sql: "SELECT number FROM staff WHERE unitCode = ? AND isActive ORDER BY number LIMIT 3", arguments: [station.code])
                for number in staff.prefix(2) {
                    try db.execute(sql: "INSERT INTO ratingStaffListing (staffNumber, listedAt, listedBy) VALUES (?, ?, 'demo')", arguments: [number, now])
                }
                // Some stations are rated a lot, some (villages) barely: the ranking's reason to exist.
                let count = index % 7 == 3 ? 2 : 6 + next(40)
                let quality = 3 + next(3)  // the station's usual top score
                for serial in 0..<count {
                    let daysAgo = next(180)
                    let at = now.addingTimeInterval(-Double(daysAgo * 86_400 + next(8 * 3_600) + 3_600))
                    var scores: [RatingAspect: Int] = [:]
                    for aspect in RatingAspect.allCases { scores[aspect] = max(1, min(5, quality + 2 - next(3) - (next(12) == 0 ? 2 : 0))) }
                    let isLow = scores.values.contains { $0 <= 2 }
                    let source: RatingSource = [.poster, .poster, .poster, .counter, .paper, .phone][next(6)]
                    let draft = RatingDraft(
                        scores: scores, comment: isLow ? low[next(low.count)] : comments[next(comments.count)],
                        staffNumber: staff.isEmpty || next(2) == 0 ? nil : staff[next(min(2, staff.count))], source: source)
                    let device = source == .poster ? Self.hashToken("demo-device-\(station.code)-\(serial)") : nil
                    let id = try Self.insertRating(draft, unitCode: station.code, deviceHash: device, enteredBy: source == .paper || source == .phone ? "demo" : nil, at: at, db)
                    // Older follow-ups have been closed.
                    if isLow, daysAgo > 30 {
                        try db.execute(
                            sql: "UPDATE ratingFollowUp SET outcome = 'explained', note = '已电话联系说明办理流程', closedAt = ?, closedBy = 'demo' WHERE ratingId = ?",
                            arguments: [at.addingTimeInterval(86_400), id])
                    }
                }
            }
            if let first = try Int64.fetchOne(db, sql: "SELECT id FROM satisfactionRating WHERE comment != '' ORDER BY id LIMIT 1") {
                try db.execute(
                    sql: "UPDATE satisfactionRating SET comment = '（不文明用语）', hiddenAt = ?, hiddenBy = 'demo', hiddenReason = '含侮辱性语言' WHERE id = ?",
                    arguments: [now, first])
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.ratings', ?)", arguments: [String(stations.count)])
        }
    }
}
