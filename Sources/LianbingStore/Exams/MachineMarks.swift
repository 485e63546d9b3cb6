import Foundation
import GRDB
import LianbingCore

/// The machine's marks for one attempt, with the stored responses they were worked out from.
///
/// Working them out decodes the paper and every response, most of a submission's cost. At the end of an exam
/// thousands submit at once, so a submission works them out on a reader and the single writer, which every
/// candidate's saves wait for, only checks that the responses are still the stored ones and writes the marks.
struct MachineMarks: Sendable {
    let attemptId: Int64
    /// The stored responses by position (JSON, `nil` for a row without one) when the marks were worked out.
    let responses: [Int: String?]
    /// Every item not marked by a person, with its mark; `nil` for what waits for a person (short answers).
    let scores: [(position: Int, score: Double?)]
    /// The paper, decoded here so the writer's tally of knowledge points need not decode it again.
    let paper: Paper

    init(of attempt: AttemptRecord, cache: QuestionCache, _ db: Database) throws {
        let paper = try attempt.decodedPaper()
        let grader = Grader(multipleChoice: try AppDatabase.policy(of: attempt, db))
        let answers = try Dictionary(
            uniqueKeysWithValues: AnswerRecord.filter(Column("attemptId") == attempt.id!).fetchAll(db).map { ($0.position, $0) })
        var scores: [(position: Int, score: Double?)] = []
        for (position, item) in paper.items.enumerated() where answers[position]?.markedBy == nil {
            let entry = try cache.entry(item.questionId, revision: item.revision, db)
            scores.append((position, grader.mark(entry.key, response: try answers[position]?.decodedResponse(), points: item.points).score))
        }
        attemptId = attempt.id!
        responses = answers.mapValues(\.response)
        self.scores = scores
        self.paper = paper
    }

    /// Whether the attempt's stored responses are still the ones marked: a save may have come in since.
    func isCurrent(_ db: Database) throws -> Bool {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT position, response FROM attemptAnswer WHERE attemptId = ?"), arguments: [attemptId])
        guard rows.count == responses.count else { return false }
        return rows.allSatisfy { row in
            guard let marked = responses[row["position"] as Int] else { return false }
            return marked == (row["response"] as String?)
        }
    }

    /// Writes the marks (a row for every item, unanswered ones without a response) and the attempt's totals.
    func write(_ attempt: inout AttemptRecord, _ db: Database) throws {
        // Only the score changes on an existing row. One cached upsert instead of a record save: a submission
        // marks every item of the paper on the single writer.
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO attemptAnswer (attemptId, position, response, savedAt, score) VALUES (?, ?, NULL, ?, ?)
            ON CONFLICT (attemptId, position) DO UPDATE SET score = excluded.score
            """)
        let savedAt = attempt.submittedAt ?? Date()
        for (position, score) in scores {
            try upsert.execute(arguments: [attemptId, position, savedAt, score])
        }
        try AppDatabase.recomputeTotals(&attempt, paper: paper, db)
    }
}
