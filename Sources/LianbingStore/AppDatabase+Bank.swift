import Foundation
import GRDB
import LianbingCore

/// What an import of bank files did, or would do on a dry run.
public struct BankImportResult: Sendable, Equatable {
    /// The new bank revision, or `nil` when nothing changed or on a dry run.
    public var bankRevision: Int?
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    /// Of the questions read, how many are drafts (状态: 草稿), which exams and self-tests do not draw.
    public var drafts: Int
    public var warnings: [ImportIssue]
    /// Questions of foreign types left out on request (`--skip-unsupported`).
    public var skipped: [UnsupportedQuestion]

    /// What happened, as the CLI and the upload page report it.
    public func summary(dryRun: Bool) -> String {
        let counts = "新增 \(added)，修改 \(changed)，未变 \(unchanged)；其中草稿 \(drafts)，跳过 \(skipped.count)"
        if dryRun { return "试运行（未写入）：\(counts)。" }
        return bankRevision.map { "已导入，题库版本 \($0)：\(counts)。" } ?? "题库没有变化（\(counts)），未生成新版本。"
    }
}

/// A question as lists show it.
public struct QuestionListing: Sendable, Codable, Equatable {
    public var question: Question
    public var revision: Int
    public var bankRevision: Int
}

/// Narrows a bank listing; every field optional.
public struct QuestionFilter: Sendable, Equatable {
    /// A knowledge point; matches it and everything below it (`队伍建设` matches `队伍建设/常态化培训`).
    public var knowledgePoint: String?
    public var kind: QuestionKind?
    public var difficulty: Int?
    public var usage: QuestionUsage?
    public var status: QuestionStatus?
    /// Substring of the stem or the id.
    public var text: String?

    public init(
        knowledgePoint: String? = nil, kind: QuestionKind? = nil, difficulty: Int? = nil, usage: QuestionUsage? = nil,
        status: QuestionStatus? = nil, text: String? = nil
    ) {
        self.knowledgePoint = knowledgePoint
        self.kind = kind
        self.difficulty = difficulty
        self.usage = usage
        self.status = status
        self.text = text
    }
}

extension AppDatabase {
    /// Imports questions read from bank files. All or nothing: any parse problem, any validation error, or
    /// (unless `skipUnsupported`) any question of a type the product lacks refuses the whole import.
    /// A changed question gets a new revision; earlier revisions stay for the papers that used them. An import
    /// that changes anything creates one new bank revision; an unchanged bank changes nothing.
    /// New questions are owned by the root of `principal`'s scope. A change to a question `principal` may not change,
    /// or (unless `force`) to one last edited in the browser, is refused with the others of its kind, so that files
    /// never silently revert a browser edit; a dry run refuses the same.
    public func importQuestions(
        _ read: QuestionImport, note: String, skipUnsupported: Bool = false, force: Bool = false, dryRun: Bool = false,
        by principal: Principal, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> BankImportResult {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以导入题库") }
        let report = BankValidator.validate(read.questions)
        var issues = read.issues + report.errors
        if !skipUnsupported {
            issues += read.unsupported.map {
                ImportIssue(file: $0.file, line: $0.line, reason: "不支持的题型 \($0.type)：\($0.name)（可用 --skip-unsupported 跳过）")
            }
        }
        if !issues.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: issues.sorted())) }

        let encoder = Self.questionEncoder
        let incoming = try read.questions.map { ($0, String(decoding: try encoder.encode($0.question), as: UTF8.self)) }
        let now = clock()
        let skipped = read.unsupported
        let drafts = read.questions.filter { $0.question.status == .draft }.count
        let warnings = (read.notes + report.warnings).sorted()
        let work: @Sendable (Database) throws -> BankImportResult = { db in
            let current = try Self.currentQuestions(db)
            let added = incoming.filter { current[$0.0.question.id] == nil }
            let changed = incoming.filter { located, json in current[located.question.id].map { $0.content != json } ?? false }
            let refused = try Self.importRefusals(changed.map(\.0), current: current, force: force, by: principal, db)
            if !refused.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: refused.sorted())) }
            var result = BankImportResult(
                bankRevision: nil, added: added.count, changed: changed.count,
                unchanged: incoming.count - added.count - changed.count, drafts: drafts, warnings: warnings, skipped: skipped)
            guard !dryRun, !(added.isEmpty && changed.isEmpty) else { return result }

            let number = try Self.openBankRevision(note: note, added: added.count, changed: changed.count, by: principal, at: now, db)
            let owner = try Self.questionOwner(for: principal, db)
            let total = added.count + changed.count
            for (index, (located, json)) in (added + changed).enumerated() {
                let question = located.question
                let revision = (current[question.id]?.revision ?? 0) + 1
                if revision == 1 {
                    try db.execute(
                        sql: "INSERT INTO question (id, currentRevision, ownerUnitCode) VALUES (?, 1, ?)", arguments: [question.id, owner])
                } else {
                    try db.execute(sql: "UPDATE question SET currentRevision = ? WHERE id = ?", arguments: [revision, question.id])
                }
                try Self.storeQuestionRevision(question, content: json, revision: revision, bankRevision: number, source: "import", db)
                if index % 500 == 499 || index == total - 1 { progress?(index + 1, total) }
            }
            try db.audit(principal, "bank.import", note, "题库版本 \(number)：新增 \(added.count)，修改 \(changed.count)", at: now)
            result.bankRevision = number
            return result
        }
        return dryRun ? try await reader.read(work) : try await writer.write(work)
    }

    /// Records the next bank revision, the snapshot an import or a save from the question form files its questions
    /// under (`actor` and `note` are a revision's author and reason); returns its number.
    static func openBankRevision(note: String, added: Int, changed: Int, by principal: Principal, at now: Date, _ db: Database) throws -> Int {
        let number = try currentBankRevision(db) + 1
        try db.execute(
            sql: "INSERT INTO bankRevision (number, createdAt, actor, note, added, changed) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [number, now, principal.auditName, note, added, changed])
        return number
    }

    /// Stores `question` (`content`: its canonical JSON) as revision `revision` in bank revision `bankRevision`, from
    /// `source` (`import` or `browser`).
    static func storeQuestionRevision(
        _ question: Question, content: String, revision: Int, bankRevision: Int, source: String, _ db: Database
    ) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO questionRevision (questionId, revision, bankRevision, kind, status, usage, difficulty, knowledgePoints, stem, content, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [
            question.id, revision, bankRevision, question.kind.rawValue, question.status.rawValue, question.usage.rawValue,
            question.difficulty, "|" + question.knowledgePoints.joined(separator: "|") + "|", question.stem, content, source,
        ])
    }

    /// The latest bank revision number, 0 before the first import.
    public func currentBankRevision() async throws -> Int {
        try await reader.read { db in try Int.fetchOne(db, sql: "SELECT MAX(number) FROM bankRevision") ?? 0 }
    }

    /// Current revisions matching `filter`, ordered by id. Trainers and administrators only: staff see
    /// questions only on their own papers. A trainer who also sits an assessment does not see its pool until its
    /// last window ends (`heldBackQuestions`).
    public func questions(_ filter: QuestionFilter, page: PageRequest? = nil, for principal: Principal) async throws -> Page<QuestionListing> {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以浏览题库") }
        let now = clock()
        return try await reader.read { db in
            var conditions = ["r.revision = q.currentRevision"]
            var arguments: StatementArguments = []
            if let number = principal.staffNumber {
                let held = try Self.heldBackQuestions(for: number, now: now, db)
                if !held.isEmpty {
                    conditions.append("q.id NOT IN (\(databaseQuestionMarks(count: held.count)))")
                    arguments += StatementArguments(Array(held))
                }
            }
            if let point = filter.knowledgePoint?.trimmingCharacters(in: .whitespaces), !point.isEmpty {
                conditions.append("(r.knowledgePoints LIKE ? ESCAPE '\\' OR r.knowledgePoints LIKE ? ESCAPE '\\')")
                arguments += ["%|" + Self.escapeLike(point) + "|%", "%|" + Self.escapeLike(point) + "/%"]
            }
            if let kind = filter.kind { conditions.append("r.kind = ?"); arguments += [kind.rawValue] }
            if let difficulty = filter.difficulty { conditions.append("r.difficulty = ?"); arguments += [difficulty] }
            if let usage = filter.usage { conditions.append("r.usage = ?"); arguments += [usage.rawValue] }
            if let status = filter.status { conditions.append("r.status = ?"); arguments += [status.rawValue] }
            if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                conditions.append("(r.stem LIKE ? ESCAPE '\\' OR q.id LIKE ? ESCAPE '\\')")
                let pattern = "%" + Self.escapeLike(text) + "%"
                arguments += [pattern, pattern]
            }
            let from = "FROM question q JOIN questionRevision r ON r.questionId = q.id WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: arguments) ?? 0
            let request = page ?? PageRequest(page: 1, perPage: PageRequest.maximumPerPage)
            let limit = page == nil ? "" : " LIMIT \(request.perPage) OFFSET \(request.offset)"
            let rows = try Row.fetchAll(db, sql: "SELECT r.revision, r.bankRevision, r.content \(from) ORDER BY q.id\(limit)", arguments: arguments)
            let items = try rows.map { row in
                QuestionListing(question: try Self.decodeQuestion(row["content"]), revision: row["revision"], bankRevision: row["bankRevision"])
            }
            return Page(items: items, page: request.page, perPage: page == nil ? max(1, total) : request.perPage, total: total)
        }
    }

    /// One question: its current revision, or the one asked for; and every revision's number, newest first.
    public func question(_ id: String, revision: Int? = nil, for principal: Principal) async throws -> (listing: QuestionListing, revisions: [Int]) {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以浏览题库") }
        let now = clock()
        return try await reader.read { db in
            if let number = principal.staffNumber, try Self.isHeldBack(id, for: number, now: now, db) {
                throw LianbingError.conflict("本题属于您尚未结束的集中考核的题库，考试结束前不能查看")
            }
            let revisions = try Int.fetchAll(db, sql: "SELECT revision FROM questionRevision WHERE questionId = ? ORDER BY revision DESC", arguments: [id])
            guard let wanted = revision ?? revisions.first, revisions.contains(wanted),
                let row = try Row.fetchOne(
                    db, sql: "SELECT bankRevision, content FROM questionRevision WHERE questionId = ? AND revision = ?", arguments: [id, wanted])
            else { throw LianbingError.notFound("试题 \(id)" + (revision.map { " 第 \($0) 版" } ?? "")) }
            return (QuestionListing(question: try Self.decodeQuestion(row["content"]), revision: wanted, bankRevision: row["bankRevision"]), revisions)
        }
    }

    /// The coverage matrix of the current bank.
    public func bankCoverage(for principal: Principal) async throws -> BankCoverage {
        BankCoverage(try await questions(QuestionFilter(), for: principal).items.map(\.question))
    }

    /// Sorted keys make the stored JSON canonical, so "unchanged" is a string comparison.
    static var questionEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decodeQuestion(_ json: String) throws -> Question {
        try JSONDecoder().decode(Question.self, from: Data(json.utf8))
    }
}
