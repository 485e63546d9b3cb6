import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The active questions of a bank revision, each at its latest revision within that snapshot, ordered by id so
    /// that papers drawn from it are reproducible. `only` narrows it to one question, where a caller asks about one.
    /// `drawnBy` is the unit whose paper draws from it: only what its ancestors and itself own (the province's bank
    /// and, say, its city's questions, never a neighbouring county's); `nil` for views of the whole bank.
    static func pool(_ db: Database, bankRevision: Int, drawnBy unitCode: String? = nil, only questionId: String? = nil) throws -> [PoolQuestion] {
        let owned = """
            AND (q.ownerUnitCode IS NULL OR EXISTS (SELECT 1 FROM unit o JOIN unit d ON d.code = ?
                                                   WHERE o.code = q.ownerUnitCode AND substr(d.path, 1, length(o.path)) = o.path))
            """
        var arguments: StatementArguments = [bankRevision]
        if let questionId { arguments += [questionId] }
        if let unitCode { arguments += [unitCode] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT r.questionId, r.revision, r.kind, r.status, r.usage, r.difficulty, r.knowledgePoints, r.content
                FROM questionRevision r JOIN question q ON q.id = r.questionId
                WHERE r.revision = (SELECT MAX(x.revision) FROM questionRevision x
                                    WHERE x.questionId = r.questionId AND x.bankRevision <= ?)
                  AND r.status = 'active' \(questionId == nil ? "" : "AND r.questionId = ?") \(unitCode == nil ? "" : owned)
                ORDER BY r.questionId
                """, arguments: arguments
        ).map { row in
            let kind = QuestionKind(rawValue: row["kind"])!
            let question = try decodeQuestion(row["content"])
            return PoolQuestion(
                id: row["questionId"], revision: row["revision"], kind: kind, difficulty: row["difficulty"],
                knowledgePoints: (row["knowledgePoints"] as String).split(separator: "|").map(String.init),
                usage: QuestionUsage(rawValue: row["usage"])!, optionCount: kind.hasOptions ? question.options.count : 0,
                quote: question.quote)
        }
    }

    static func currentBankRevision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM bankRevision") ?? 0
    }

    /// Checks a blueprint against the current bank for a number of candidates, before anything is stored: the bank
    /// an exam of the caller's own unit would draw from.
    public func checkBlueprint(_ blueprint: Blueprint, candidates: Int, by principal: Principal) async throws -> [FeasibilityProblem] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以组卷") }
        try InputBounds.check(candidates, in: InputBounds.candidates, "考生人数", unit: "人")
        let now = clock()
        return try await reader.read { db in
            Feasibility.check(
                blueprint, pool: try Self.draftPool(for: blueprint, now: now, drawnBy: try Self.scopeUnit(of: principal, db).code, db),
                candidates: candidates)
        }
    }
}
