import Foundation
import GRDB
import LianbingCore

/// A live round's question as a screen shows it. `answer` and `explanation` only ever reach the host.
public struct ContestQuestionView: Sendable, Hashable, Codable {
    public var round: Int
    public var number: Int
    public var kind: QuestionKind
    public var stem: String
    public var options: [String]
    public var answer: Answer?
    public var explanation: String?
    public var source: String?
}

extension AppDatabase {
    /// A question of a live round. Those who run the contest see it with its key at any time (the host's console,
    /// printed question sheets for judges); a contestant or the public board only once the host has opened it, and
    /// never the key.
    public func contestQuestion(_ contestId: Int64, round: Int, number: Int, by principal: Principal?) async throws -> ContestQuestionView {
        let cache = cache
        return try await reader.read { db in
            let runs: Bool
            if let principal {
                _ = try Self.contestVisible(contestId, to: principal, db)
                runs = (try? Self.contestInScope(contestId, for: principal, db)) != nil
            } else {
                runs = false
            }
            return try Self.contestQuestion(contestId, round: round, number: number, withKey: runs, cache: cache, db)
        }
    }

    /// The question the public board shows now, if one is open: by the projector link, no login, no key.
    public func openContestQuestion(token: String) async throws -> ContestQuestionView? {
        try await contestLiveSnapshot(try await contestId(boardToken: token)).openQuestion
    }

    static func contestQuestion(_ contestId: Int64, round: Int, number: Int, withKey: Bool, cache: QuestionCache, _ db: Database) throws -> ContestQuestionView {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT questionId, revision FROM contestQuestion WHERE contestId = ? AND round = ? AND number = ?",
            arguments: [contestId, round, number])
        else { throw LianbingError.notFound("第 \(round) 轮第 \(number) 题") }
        if !withKey {
            let opened = try Bool(
                exists: "SELECT 1 FROM contestEvent WHERE contestId = ? AND round = ? AND question = ? AND kind = 'opened'", [contestId, round, number], db)
            guard opened else { throw LianbingError.notFound("第 \(round) 轮第 \(number) 题") }
        }
        let question = try cache.entry(row["questionId"], revision: row["revision"], db).question
        return ContestQuestionView(
            round: round, number: number, kind: question.kind, stem: question.stem, options: question.options,
            answer: withKey ? question.answer : nil, explanation: withKey ? question.explanation : nil, source: withKey ? question.source : nil)
    }
}
