import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Imports beside the question form: new questions belong where the importer stands, an import never overwrites
/// another unit's questions, and files never silently revert a browser edit.
@Suite("Importing over owned and browser-edited questions")
struct BankImportOwnerTests {
    static func located(_ questions: [Question]) -> QuestionImport {
        QuestionImport(questions: questions.enumerated().map { LocatedQuestion(question: $0.element, file: "bank.txt", line: $0.offset * 10 + 1) })
    }

    static func owner(_ id: String, _ db: AppDatabase) async throws -> String? {
        try await db.reader.read { db in try String.fetchOne(db, sql: "SELECT ownerUnitCode FROM question WHERE id = ?", arguments: [id]) }
    }

    static func rejection(_ body: () async throws -> BankImportResult) async -> [ImportIssue] {
        do {
            _ = try await body()
            Issue.record("expected the import to be refused")
        } catch LianbingError.importRejected(let failure) {
            return failure.issues
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    @Test("Given a city trainer and the operator, when they import new questions, then the city's belong to the city and the operator's to the province")
    func newQuestionsBelongToTheImporter() async throws {
        let fixture = try await Fixture.make()
        _ = try await fixture.db.importQuestions(Self.located([ExamBank.question("P1", .trueFalse)]), note: "省", by: try await fixture.op())
        _ = try await fixture.db.importQuestions(Self.located([ExamBank.question("GZ1", .trueFalse)]), note: "市", by: try await fixture.trainer())
        #expect(try await Self.owner("P1", fixture.db) == nil)
        #expect(try await Self.owner("GZ1", fixture.db) == Code.guangzhou)
    }

    @Test("Given the province's and a city's questions, when a county imports changes to them, then all are refused by name and nothing is written")
    func countyCannotOverwriteOthers() async throws {
        let fixture = try await Fixture.make()
        let shipped = ExamBank.question("P1", .trueFalse)
        let city = ExamBank.question("GZ1", .singleChoice)
        _ = try await fixture.db.importQuestions(Self.located([shipped]), note: "省", by: try await fixture.op())
        _ = try await fixture.db.importQuestions(Self.located([city]), note: "市", by: try await fixture.trainer())
        let county = try await fixture.countyAdmin()
        var changedShipped = shipped
        changedShipped.explanation = "县级改动"
        var changedCity = city
        changedCity.explanation = "县级改动"
        let before = try await fixture.db.fullSnapshot()
        for dryRun in [true, false] {
            let issues = await Self.rejection {
                try await fixture.db.importQuestions(
                    Self.located([changedShipped, changedCity, ExamBank.question("TH1", .trueFalse)]), note: "县", force: true, dryRun: dryRun,
                    by: county)
            }
            #expect(issues.map(\.line) == [1, 11])
            #expect(issues[0].reason.contains("P1") && issues[0].reason.contains("省级题库"))
            #expect(issues[1].reason.contains("GZ1") && issues[1].reason.contains(Tree.guangzhou.name))
        }
        #expect(try await fixture.db.fullSnapshot() == before)

        // The same content is "unchanged", not a refusal: a county may import a file holding the province's questions.
        let result = try await fixture.db.importQuestions(
            Self.located([shipped, city, ExamBank.question("TH1", .trueFalse)]), note: "县", by: county)
        #expect(result.added == 1 && result.unchanged == 2 && result.changed == 0)
        #expect(try await Self.owner("TH1", fixture.db) == Code.tianhe)
    }

    @Test("Given a question edited in the browser, when files with other content are imported, then it is refused naming its editor unless forced")
    func browserEditIsNotSilentlyReverted() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let bank = [ExamBank.question("P1", .trueFalse), ExamBank.question("P2", .singleChoice), ExamBank.question("P3", .fillBlank)]
        _ = try await fixture.db.importQuestions(Self.located(bank), note: "files", by: op)
        var edited = bank[1]
        edited.explanation = "网页上改过的解析"
        try await fixture.db.saveQuestion(edited, basedOn: 1, reason: "改解析", by: try await fixture.provinceAdmin())
        var changedToo = bank[2]
        changedToo.explanation = "文件里的新解析"

        let before = try await fixture.db.fullSnapshot()
        for dryRun in [true, false] {
            let issues = await Self.rejection {
                try await fixture.db.importQuestions(Self.located([bank[0], bank[1], changedToo]), note: "files", dryRun: dryRun, by: op)
            }
            #expect(issues.count == 1 && issues[0].line == 11)
            #expect(issues[0].reason.contains("P2") && issues[0].reason.contains("province") && issues[0].reason.contains("--force"))
        }
        #expect(try await fixture.db.fullSnapshot() == before)

        // Files that already hold the browser's content change nothing.
        let same = try await fixture.db.importQuestions(Self.located([bank[0], edited, bank[2]]), note: "export", by: op)
        #expect(same.unchanged == 3 && same.bankRevision == nil)

        let forced = try await fixture.db.importQuestions(Self.located([bank[0], bank[1], changedToo]), note: "files", force: true, by: op)
        #expect(forced.changed == 2 && forced.bankRevision != nil)
        #expect(try await fixture.db.question("P2", for: op).listing.question == bank[1])
        let source = try await fixture.db.reader.read { db in
            try String.fetchOne(db, sql: "SELECT r.source FROM question q JOIN questionRevision r ON r.questionId = q.id AND r.revision = q.currentRevision WHERE q.id = 'P2'")
        }
        #expect(source == "import")
    }
}
