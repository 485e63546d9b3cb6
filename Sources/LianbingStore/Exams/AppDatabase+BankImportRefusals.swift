import GRDB
import LianbingCore

/// A question's current revision as an import compares against it.
struct CurrentQuestion: Sendable {
    var revision: Int
    var content: String
    /// `nil`: owned by the root of the tree (the province).
    var owner: String?
    /// `import` or `browser`.
    var source: String
    /// Who made the current revision (the bank revision's actor).
    var editor: String
}

extension AppDatabase {
    /// Every question's current revision, by id.
    static func currentQuestions(_ db: Database) throws -> [String: CurrentQuestion] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT q.id, q.currentRevision, q.ownerUnitCode, r.content, r.source, b.actor
                FROM question q
                JOIN questionRevision r ON r.questionId = q.id AND r.revision = q.currentRevision
                JOIN bankRevision b ON b.number = r.bankRevision
                """)
        return Dictionary(uniqueKeysWithValues: rows.map { row in
            (row["id"], CurrentQuestion(revision: row["currentRevision"], content: row["content"], owner: row["ownerUnitCode"], source: row["source"], editor: row["actor"]))
        })
    }

    /// Why each of the `changed` questions may not be overwritten by `principal`'s import: it belongs to a unit outside
    /// their scope, or (unless `force`) it was last edited in the browser, which the file would silently revert.
    static func importRefusals(
        _ changed: [LocatedQuestion], current: [String: CurrentQuestion], force: Bool, by principal: Principal, _ db: Database
    ) throws -> [ImportIssue] {
        var refusals: [ImportIssue] = []
        for located in changed {
            guard let existing = current[located.question.id] else { continue }
            let id = located.question.id
            if try !mayChange(questionOwnedBy: existing.owner, for: principal, db) {
                let owner = try existing.owner.flatMap { try String.fetchOne(db, sql: "SELECT name FROM unit WHERE code = ?", arguments: [$0]) } ?? "省级题库"
                refusals.append(located.issue("试题 \(id) 属于 \(owner)，您无权修改，导入不能覆盖它"))
            } else if existing.source == "browser", !force {
                refusals.append(
                    located.issue("试题 \(id) 第 \(existing.revision) 版由 \(existing.editor) 在网页上修改，导入会覆盖该修改；确需覆盖请强制导入（命令行加 --force）"))
            }
        }
        return refusals
    }
}
