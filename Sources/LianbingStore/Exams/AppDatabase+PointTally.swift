import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Rewrites a centralised attempt's marks summed per knowledge point (`attemptPointTally`), as `Mastery` adds them:
    /// each marked item under each of its question's knowledge points, a pending short answer not at all. Called
    /// wherever an attempt's totals are worked out, so the tally never lags its marks.
    static func tallyPoints(of attempt: AttemptRecord, paper: Paper? = nil, _ db: Database) throws {
        guard let id = attempt.id, attempt.examId != nil else { return }
        try db.execute(sql: "DELETE FROM attemptPointTally WHERE attemptId = ?", arguments: [id])
        // A submission hands over the paper its marks were worked out from on a reader: decoding it is the largest
        // part of a submission, and here it would hold up the single writer.
        let paper = try paper ?? attempt.decodedPaper()
        let lookup = try db.cachedStatement(sql: "SELECT knowledgePoints FROM questionRevision WHERE questionId = ? AND revision = ?")
        var mastery = Mastery()
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT position, score FROM attemptAnswer WHERE attemptId = ? AND score IS NOT NULL"), arguments: [id])
        {
            let position: Int = row["position"]
            guard paper.items.indices.contains(position) else { continue }
            let item = paper.items[position]
            let score: Double = row["score"]
            let points = TrainingSessionRecord.unbars(try String.fetchOne(lookup, arguments: [item.questionId, item.revision]) ?? "")
            mastery.add(
                Mastery.Point(score: score, points: item.points, answered: 1, correct: score >= item.points - 1e-9 ? 1 : 0), knowledgePoints: points)
        }
        let insert = try db.cachedStatement(
            sql: "INSERT INTO attemptPointTally (attemptId, knowledgePoint, score, points, answered, correct) VALUES (?, ?, ?, ?, ?, ?)")
        for (point, sum) in mastery.byKnowledgePoint {
            try insert.execute(arguments: [id, point, sum.score, sum.points, sum.answered, sum.correct])
        }
    }

    /// Tallies every finished centralised attempt: what the migration does for attempts made before it, and what a
    /// benchmark that writes attempts directly does after.
    static func tallyAllPoints(_ db: Database) throws {
        let attempts = try AttemptRecord.fetchAll(
            db, sql: "SELECT * FROM attempt WHERE examId IS NOT NULL AND state IN ('submitted', 'auto-submitted')")
        for attempt in attempts { try tallyPoints(of: attempt, db) }
    }

    /// For tools that write attempts straight into the database (benchmarks): tallies them all.
    public func tallyAllPoints() async throws {
        try await writer.write { db in try Self.tallyAllPoints(db) }
    }
}
