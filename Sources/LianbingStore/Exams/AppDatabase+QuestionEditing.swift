import Foundation
import GRDB
import LianbingCore

/// One revision of a question with who made it and why: the bank revision's actor and note.
public struct QuestionRevisionEntry: Sendable, Equatable {
    public var revision: Int
    public var bankRevision: Int
    public var question: Question
    public var author: String
    public var reason: String
    /// `import` (bank files) or `browser` (the question form).
    public var source: String
    public var at: Date
}

/// A question's revisions, newest first, its owner, and whether the asker may change it.
public struct QuestionHistory: Sendable, Equatable {
    /// The owning unit's name; `nil` when the root of the tree (the province) owns it.
    public var ownerName: String?
    public var mayChange: Bool
    public var revisions: [QuestionRevisionEntry]
}

extension AppDatabase {
    /// Longest reason a browser save may give; it becomes the bank revision's note.
    public static let maxRevisionReasonLength = 200

    /// Saves a question from the question form as a new revision (and a new bank revision whose note is `reason`).
    /// `basedOn` is the revision the form was opened on, `nil` for a new question: a save over someone else's newer
    /// revision is refused rather than silently undoing it. The question is checked by `BankValidator`, the checks
    /// `bank validate` runs, and refused with the same messages.
    @discardableResult
    public func saveQuestion(_ question: Question, basedOn: Int?, reason: String, by principal: Principal) async throws -> Int {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以编辑题库") }
        let reason = try Self.revisionReason(reason)
        let errors = BankValidator.validate([LocatedQuestion(question: question, file: "表单", line: 1)]).errors
        if !errors.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: errors)) }
        let now = clock()
        return try await writer.write { db in
            try Self.storeRevision(question, basedOn: basedOn, reason: reason, by: principal, now: now, db)
        }
    }

    /// Retires (`停用`) or restores (`启用`) a question: a new revision that changes only its status.
    @discardableResult
    public func setQuestionStatus(_ id: String, to status: QuestionStatus, reason: String, by principal: Principal) async throws -> Int {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以编辑题库") }
        let reason = try Self.revisionReason(reason)
        let now = clock()
        return try await writer.write { db in
            guard let current = try Int.fetchOne(db, sql: "SELECT currentRevision FROM question WHERE id = ?", arguments: [id]),
                let content = try String.fetchOne(
                    db, sql: "SELECT content FROM questionRevision WHERE questionId = ? AND revision = ?", arguments: [id, current])
            else { throw LianbingError.notFound("试题 \(id)") }
            var question = try Self.decodeQuestion(content)
            question.status = status
            // Restoring puts the question back on papers, so it must pass the checks an import would make.
            let errors = BankValidator.validate([LocatedQuestion(question: question, file: "表单", line: 1)]).errors
            if !errors.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: errors)) }
            return try Self.storeRevision(question, basedOn: current, reason: reason, by: principal, now: now, db)
        }
    }

    /// Every revision of a question with its author and reason, newest first.
    public func questionHistory(_ id: String, for principal: Principal) async throws -> QuestionHistory {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以浏览题库") }
        let now = clock()
        return try await reader.read { db in
            if let number = principal.staffNumber, try Self.isHeldBack(id, for: number, now: now, db) {
                throw LianbingError.conflict("本题属于您尚未结束的集中考核的题库，考试结束前不能查看")
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT ownerUnitCode FROM question WHERE id = ?", arguments: [id]) else {
                throw LianbingError.notFound("试题 \(id)")
            }
            let owner: String? = row["ownerUnitCode"]
            let revisions = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.revision, r.bankRevision, r.content, r.source, b.actor, b.note, b.createdAt
                    FROM questionRevision r JOIN bankRevision b ON b.number = r.bankRevision
                    WHERE r.questionId = ? ORDER BY r.revision DESC
                    """, arguments: [id]
            ).map { row in
                QuestionRevisionEntry(
                    revision: row["revision"], bankRevision: row["bankRevision"], question: try Self.decodeQuestion(row["content"]),
                    author: row["actor"], reason: row["note"] ?? "", source: row["source"], at: row["createdAt"])
            }
            return QuestionHistory(
                ownerName: try owner.flatMap { try UnitRecord.fetchOne(db, key: $0)?.name },
                mayChange: try Self.mayChange(questionOwnedBy: owner, for: principal, db), revisions: revisions)
        }
    }

    /// The machine-marked questions of a score review's paper, in paper order: where a wrong key would show, each to
    /// correct in the question form and regrade.
    public func objectiveQuestions(forReview reviewId: Int64, by principal: Principal) async throws -> [String] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以处理成绩复核") }
        let cache = cache
        return try await reader.read { db in
            let review = try Self.scoreReview(reviewId, for: principal, db)
            guard let attempt = try AttemptRecord.fetchOne(db, key: review.attemptId) else { return [] }
            return try attempt.decodedPaper().items.filter { try cache.entry($0.questionId, revision: $0.revision, db).question.kind.isAutoMarked }
                .map(\.questionId)
        }
    }

    private static func revisionReason(_ reason: String) throws -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LianbingError.invalid("请填写修改原因") }
        guard reason.count <= maxRevisionReasonLength else { throw LianbingError.invalid("修改原因不超过 \(maxRevisionReasonLength) 个字") }
        return reason
    }

    /// Writes `question` as the next revision of its id, or as a new question owned where `principal` stands.
    private static func storeRevision(
        _ question: Question, basedOn: Int?, reason: String, by principal: Principal, now: Date, _ db: Database
    ) throws -> Int {
        let existing = try Row.fetchOne(db, sql: "SELECT currentRevision, ownerUnitCode FROM question WHERE id = ?", arguments: [question.id])
        let revision: Int
        if let existing {
            guard let basedOn else { throw LianbingError.conflict("题号 \(question.id) 已被使用，请换一个题号") }
            guard try mayChange(questionOwnedBy: existing["ownerUnitCode"], for: principal, db) else {
                throw LianbingError.forbidden("本题属于上级单位的题库，只有其培训师和管理员可以修改")
            }
            if let number = principal.staffNumber, try isHeldBack(question.id, for: number, now: now, db) {
                throw LianbingError.conflict("本题属于您尚未结束的集中考核的题库，考试结束前不能修改")
            }
            let current: Int = existing["currentRevision"]
            guard basedOn == current else { throw LianbingError.conflict("本题已被他人修改（现为第 \(current) 版），请重新打开后再改") }
            let content = try String.fetchOne(
                db, sql: "SELECT content FROM questionRevision WHERE questionId = ? AND revision = ?", arguments: [question.id, current])
            guard try content.map(decodeQuestion) != question else { throw LianbingError.invalid("内容没有变化，未保存") }
            revision = current + 1
            try db.execute(sql: "UPDATE question SET currentRevision = ? WHERE id = ?", arguments: [revision, question.id])
        } else {
            guard basedOn == nil else { throw LianbingError.notFound("试题 \(question.id)") }
            revision = 1
            try db.execute(
                sql: "INSERT INTO question (id, currentRevision, ownerUnitCode) VALUES (?, 1, ?)",
                arguments: [question.id, try questionOwner(for: principal, db)])
        }
        let number = try openBankRevision(
            note: reason, added: revision == 1 ? 1 : 0, changed: revision == 1 ? 0 : 1, by: principal, at: now, db)
        try storeQuestionRevision(
            question, content: String(decoding: try questionEncoder.encode(question), as: UTF8.self), revision: revision,
            bankRevision: number, source: "browser", db)
        try db.audit(
            principal, revision == 1 ? "bank.create" : "bank.edit", "试题 \(question.id)", "第 \(revision) 版（题库版本 \(number)）：\(reason)",
            at: now)
        return revision
    }
}
