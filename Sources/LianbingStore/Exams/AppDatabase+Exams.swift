import Crypto
import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Creates a centralised assessment as a draft. The blueprint is checked against the current bank for the
    /// candidates the list would hold today; an infeasible one is refused with every problem named.
    public func createExam(_ draft: ExamDraft, by principal: Principal) async throws -> Exam {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以创建考试") }
        let now = clock()
        let seed = draft.seed ?? UInt64.random(in: .min ... .max)
        return try await writer.write { db in
            var record = try Self.checkedRecord(draft, seed: seed, by: principal, now: now, db)
            try record.insert(db)
            try db.audit(principal, "exam.create", exam: record.id!, "考试 \(record.id!)", record.title, at: now)
            return try Self.exam(record, db, now: now)
        }
    }

    /// Changes a draft, with the same checks as creating it; the seed stays unless the draft names one. Paper-sitting
    /// forms (平行卷) made from the old settings are discarded. A published exam keeps its settings: its papers are
    /// made, and individual changes go through overrides, reopening and the candidate list.
    public func updateExam(_ id: Int64, _ draft: ExamDraft, by principal: Principal) async throws -> Exam {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以修改考试") }
        let now = clock()
        return try await writer.write { db in
            let old = try Self.examInScope(id, for: principal, db)
            guard old.examStatus == .draft else {
                throw LianbingError.conflict("考试已发布，不能再修改设置；可为个人延长时间、重新开放，或增减考生")
            }
            var record = try Self.checkedRecord(draft, seed: draft.seed ?? old.generatorSeed, by: principal, now: now, db)
            record.id = id
            record.createdBy = old.createdBy
            record.createdAt = old.createdAt
            try record.update(db)
            try db.execute(sql: "DELETE FROM examForm WHERE examId = ?", arguments: [id])
            let formsNote = db.changesCount > 0 ? "；已作废按原设置生成的平行卷" : ""
            try db.audit(principal, "exam.edit", exam: id, "考试 \(id)", record.title + formsNote, at: now)
            return try Self.exam(record, db, now: now)
        }
    }

    /// Deletes a draft. A published exam is never deleted: its papers and attempts are the record.
    public func deleteExam(_ id: Int64, by principal: Principal) async throws {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以删除考试") }
        let now = clock()
        try await writer.write { db in
            let record = try Self.examInScope(id, for: principal, db)
            guard record.examStatus == .draft else { throw LianbingError.conflict("考试已发布，不能删除") }
            try db.audit(principal, "exam.delete", exam: id, "考试 \(id)", record.title, at: now)
            _ = try ExamRecord.deleteOne(db, key: id)
        }
    }

    /// The record a draft becomes, once every check passes; else every problem, the blueprint's included.
    private static func checkedRecord(
        _ draft: ExamDraft, seed: UInt64, by principal: Principal, now: Date, _ db: Database
    ) throws -> ExamRecord {
        var problems: [String] = []
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { problems.append("考试名称不能为空") }
        // Every refusal at once, so a form can list them all; the bounds only ever throw `LianbingError`.
        let problem = { (check: () throws -> Void) in
            do { try check() } catch let error as LianbingError { problems.append(error.message) } catch {}
        }
        problem { try InputBounds.check(date: draft.opensAt, "开考时间") }
        problem { try InputBounds.check(date: draft.closesAt, "截止时间") }
        if draft.closesAt <= draft.opensAt { problems.append("结束时间必须晚于开始时间") }
        problem { try InputBounds.check(draft.durationMinutes, in: InputBounds.minutes, "答题时长", unit: "分钟") }
        problem { try InputBounds.check(points: draft.passMark, in: 0...max(0, draft.blueprint.totalPoints), "合格分数") }
        if draft.blueprint.purpose != .assessment { problems.append("集中考核须使用用途为“集中考核”的组卷规则") }
        problem { try InputBounds.check(draft.reviewRequestDays, in: InputBounds.reviewDays, "成绩复核申请期限", unit: "天") }
        if case .partial(let share) = draft.multipleChoice, !(share > 0 && share < 1) { problems.append("少选得分比例须大于 0 且小于 1") }
        let instructions = draft.instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        if instructions.count > Self.instructionsLength { problems.append("考生须知不超过 \(Self.instructionsLength) 个字") }
        let unit = try unitInScope(draft.unitCode, for: principal, db)
        let candidates = try candidateNumbers(db, root: unit.unitPath, posts: draft.posts)
        if candidates.isEmpty { problems.append("考生名单为空：\(unit.name) 范围内没有符合条件的在岗人员") }
        let pool = try draftPool(for: draft.blueprint, now: now, drawnBy: unit.code, db)
        problems += Feasibility.check(draft.blueprint, pool: pool, candidates: max(1, candidates.count)).map(\.description)
        guard problems.isEmpty else { throw LianbingError.invalid(problems.joined(separator: "\n")) }
        let blueprintJSON = try json(draft.blueprint)
        return ExamRecord(
            id: nil, title: title, blueprintText: draft.blueprintText, blueprint: blueprintJSON,
            blueprintVersion: version(of: blueprintJSON), bankRevision: nil, seed: Int64(bitPattern: seed),
            frozenCandidates: nil, unitCode: unit.code, posts: draft.posts.isEmpty ? "" : "|" + draft.posts.joined(separator: "|") + "|",
            opensAt: draft.opensAt, closesAt: draft.closesAt, durationSeconds: draft.durationMinutes * 60, passMark: draft.passMark,
            certifies: draft.certifies, reviewContent: draft.review.content.rawValue, reviewTiming: draft.review.timing.rawValue,
            multipleChoice: try json(draft.multipleChoice), reviewRequestDays: draft.reviewRequestDays,
            status: ExamStatus.draft.rawValue, createdBy: principal.auditName, createdAt: now, publishedAt: nil, releasedAt: nil,
            qualificationId: draft.certifies ? try certifyingQualification(draft.qualificationId, db) : nil, instructions: instructions)
    }

    /// 考生须知 is a few rules read before starting, not a document.
    public static let instructionsLength = 2000

    /// How many candidates a list over this unit's subtree and posts would hold today: the count the exposure cap
    /// of a blueprint is checked against before an exam exists.
    public func candidateCount(unit code: String, posts: [String], by principal: Principal) async throws -> Int {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以管理考试") }
        return try await reader.read { db in
            try Self.candidateNumbers(db, root: try Self.unitInScope(code, for: principal, db).unitPath, posts: posts).count
        }
    }

    /// Exams whose candidate list lies in the caller's scope, newest first.
    public func exams(by principal: Principal) async throws -> [Exam] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以管理考试") }
        let now = clock()
        return try await reader.read { db in
            try ExamRecord.fetchAll(
                db,
                sql: """
                    SELECT e.* FROM exam e JOIN unit u ON u.code = e.unitCode
                    WHERE u.path >= ? AND u.path < ? ORDER BY e.opensAt DESC, e.id DESC
                    """, arguments: [principal.scope.lowerBound, principal.scope.upperBound]
            ).map { try Self.exam($0, db, now: now) }
        }
    }

    public func exam(_ id: Int64, by principal: Principal) async throws -> Exam {
        let now = clock()
        return try await reader.read { db in try Self.exam(Self.examInScope(id, for: principal, db), db, now: now) }
    }

    /// Exams outside the caller's scope are reported as missing, as units are.
    static func examInScope(_ id: Int64, for principal: Principal, _ db: Database) throws -> ExamRecord {
        guard principal.has(.trainer), let record = try ExamRecord.fetchOne(db, key: id),
            let unit = try UnitRecord.fetchOne(db, key: record.unitCode), principal.covers(unit.unitPath)
        else { throw LianbingError.notFound("考试 \(id)") }
        return record
    }

    static func exam(_ record: ExamRecord, _ db: Database, now: Date) throws -> Exam {
        let unitName = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE code = ?", arguments: [record.unitCode]) ?? record.unitCode
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM examCandidate WHERE examId = ?", arguments: [record.id]) ?? 0
        return Exam(
            id: record.id!, title: record.title, blueprint: try record.decodedBlueprint(), blueprintText: record.blueprintText,
            blueprintVersion: record.blueprintVersion, blueprintSavedAt: try settingsSavedAt(record, db),
            bankRevision: record.bankRevision, seed: record.generatorSeed,
            unitCode: record.unitCode, unitName: unitName, posts: record.postList, opensAt: record.opensAt, closesAt: record.closesAt,
            plannedClosesAt: record.plannedClosesAt, duration: TimeInterval(record.durationSeconds), passMark: record.passMark,
            certifies: record.certifies, qualificationId: record.qualificationId,
            review: record.reviewPolicy, multipleChoice: try record.decodedMultipleChoice(),
            reviewRequestDays: record.reviewRequestDays, instructions: record.instructions, status: record.examStatus, phase: phase(of: record, now: now),
            createdBy: record.createdBy, createdAt: record.createdAt, publishedAt: record.publishedAt,
            releasedAt: record.releasedAt, candidateCount: count, revealedOnPapers: record.revealedOnPapers,
            withheldCount: record.withheldList.count, keysShown: try keysShown(record, now: now, db))
    }

    /// The latest creation or edit in the audit log (entries sit under the exam's unit); exams made without one,
    /// as the demo's, count from their creation.
    static func settingsSavedAt(_ record: ExamRecord, _ db: Database) throws -> Date {
        let saved = try Date.fetchOne(
            db,
            sql: """
                SELECT MAX(a.at) FROM auditEntry a JOIN unit u ON u.code = ?
                WHERE a.unitPath = u.path AND a.action IN ('exam.create', 'exam.edit') AND a.subject = ?
                """, arguments: [record.unitCode, "考试 \(record.id!)"])
        return saved ?? record.createdAt
    }

    static func phase(of record: ExamRecord, now: Date) -> ExamPhase {
        switch record.examStatus {
        case .draft: .draft
        case .released: .released
        case .published: now < record.opensAt ? .upcoming : now < record.closesAt ? .open : .closed
        }
    }

    /// Active staff of a subtree, optionally only some posts, by staff number: the order papers are made in.
    static func candidateNumbers(_ db: Database, root: UnitPath, posts: [String]) throws -> [String] {
        var sql = """
            SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode
            WHERE s.isActive AND u.path >= ? AND u.path < ?
            """
        var arguments: StatementArguments = [root.lowerBound, root.upperBound]
        if !posts.isEmpty {
            sql += " AND s.post IN (\(databaseQuestionMarks(count: posts.count)))"
            arguments += StatementArguments(posts)
        }
        return try String.fetchAll(db, sql: sql + " ORDER BY s.number", arguments: arguments)
    }

    /// A short, stable name for a blueprint's content, shown with the exam and checked when papers are regenerated.
    static func version(of blueprintJSON: String) -> String {
        SHA256.hash(data: Data(blueprintJSON.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// `2`, `2.5`: points without a trailing `.0`.
    public static func points(_ value: Double) -> String {
        MessageNumber.text(value)
    }
}
