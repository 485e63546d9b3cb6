import Foundation
import GRDB
import LianbingCore

/// The `contestEvent` row of one event.
extension ContestEvent {
    init(row: Row) {
        self.init(
            sequence: row["sequence"], round: row["round"], question: row["question"], team: row["teamId"], member: row["memberStaffNumber"],
            kind: ContestEventKind(rawValue: row["kind"])!, change: ContestPoints(hundredths: row["change"]), amount: row["amount"],
            elapsedMilliseconds: row["elapsedMilliseconds"], corrects: row["corrects"], reason: row["reason"],
            clockMilliseconds: row["clockMilliseconds"], recordedAt: row["recordedAt"], recordedBy: row["recordedBy"])
    }

    func insert(contestId: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO contestEvent (contestId, sequence, round, question, teamId, memberStaffNumber, kind, change, amount,
                    elapsedMilliseconds, corrects, reason, clockMilliseconds, recordedAt, recordedBy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                contestId, sequence, round, question, team, member, kind.rawValue, change.hundredths, amount,
                elapsedMilliseconds, corrects, reason, clockMilliseconds, recordedAt, recordedBy,
            ])
    }
}
