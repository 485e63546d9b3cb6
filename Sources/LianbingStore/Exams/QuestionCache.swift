import Foundation
import GRDB
import LianbingCore

/// Question revisions never change once stored, so their content and compiled grading keys can be kept in memory
/// for the life of the process: starting, showing and grading thousands of papers then reads each revision once.
final class QuestionCache: @unchecked Sendable {
    struct Entry: Sendable {
        let question: Question
        let key: GradingKey
    }

    private let lock = NSLock()
    private var entries: [QuestionRevisionKey: Entry] = [:]

    func entry(_ id: String, revision: Int, _ db: Database) throws -> Entry {
        let key = QuestionRevisionKey(id: id, revision: revision)
        if let hit = lock.withLock({ entries[key] }) { return hit }
        guard let json = try String.fetchOne(
            db, sql: "SELECT content FROM questionRevision WHERE questionId = ? AND revision = ?", arguments: [id, revision])
        else { throw LianbingError.notFound("试题 \(id) 第 \(revision) 版") }
        let question = try AppDatabase.decodeQuestion(json)
        let entry = Entry(question: question, key: GradingKey(question))
        lock.withLock { entries[key] = entry }
        return entry
    }

    func entries(for paper: Paper, _ db: Database) throws -> [Entry] {
        try paper.items.map { try entry($0.questionId, revision: $0.revision, db) }
    }
}

struct QuestionRevisionKey: Hashable, Sendable {
    let id: String
    let revision: Int
}
