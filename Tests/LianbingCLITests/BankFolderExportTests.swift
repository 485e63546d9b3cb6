import ArgumentParser
import Foundation
import GRDB
import LianbingCore
import LianbingFormats
import Testing

@testable import LianbingCLI
@testable import LianbingStore

/// `bank export --format bank --out DIR` and `bank import --force`: the live bank as files laid out like
/// `QuestionBank/`, and imports that never silently revert a browser edit.
extension BankCommandTests {
    func bankFiles(_ folder: String) throws -> [String: [String]] {
        var files: [String: [String]] = [:]
        for file in try BankFiles.collect(folder, format: .bank) {
            let read = try BankText.read(Data(contentsOf: URL(fileURLWithPath: file)), file: file).get()
            files[String(file.dropFirst(folder.count + 1))] = read.questions.map(\.question.id)
        }
        return files
    }

    func bankRevision(_ db: String) async throws -> Int {
        try await AppDatabase.open(path: path(db), passwords: PasswordHasher(cost: 4)).currentBankRevision()
    }

    @Test func exportingTheBankAsFoldersThenImportingItChangesNothing() async throws {
        try await initialise("e.sqlite")
        try await run(["bank", "import", QuestionBankContentTests.bankPath], db: "e.sqlite")
        let revision = try await bankRevision("e.sqlite")
        let shipped = try await current("e.sqlite")

        let out = path("export")
        try await run(["bank", "export", "--format", "bank", "--out", out], db: "e.sqlite")
        let exported = try bankFiles(out)
        #expect(exported["法律法规/退役军人保障法.txt"]?.isEmpty == false && exported["行动计划/队伍建设.txt"]?.isEmpty == false)
        #expect(exported.values.reduce(0) { $0 + $1.count } == shipped.count)
        try await run(["bank", "import", out], db: "e.sqlite")
        #expect(try await bankRevision("e.sqlite") == revision)
        #expect(try await current("e.sqlite") == shipped)

        // Exported again, the files are the same bytes; exported over the shipped folder, every question stays in its file.
        let first = try FileManager.default.subpathsOfDirectory(atPath: out).sorted().map { try? Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
        try await run(["bank", "export", "--format", "bank", "--out", out], db: "e.sqlite")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out).sorted().map { try? Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) } == first)
        let copy = path("QuestionBank")
        try FileManager.default.copyItem(atPath: QuestionBankContentTests.bankPath, toPath: copy)
        try await run(["bank", "export", "--format", "bank", "--out", copy], db: "e.sqlite")
        #expect(try bankFiles(copy) == bankFiles(QuestionBankContentTests.bankPath))
        // A question added to the files and never imported would be lost: the export refuses.
        try BankText.write([Self.sample[2]]).write(to: URL(fileURLWithPath: copy + "/新增.txt"))
        await #expect(throws: ExitCode.self) { try await run(["bank", "export", "--format", "bank", "--out", copy], db: "e.sqlite") }
    }

    @Test func importingOverABrowserEditIsRefusedUnlessForced() async throws {
        try await initialise("f.sqlite")
        let bank = try write("sample.txt", BankText.write(Self.sample))
        try await run(["bank", "import", bank], db: "f.sqlite")
        // What a save from the question form leaves: the current revision of S-3 came from the browser.
        try await AppDatabase.open(path: path("f.sqlite"), passwords: PasswordHasher(cost: 4)).writer.write { db in
            try db.execute(sql: "UPDATE questionRevision SET source = 'browser' WHERE questionId = 'S-3'")
        }
        var changed = Self.sample
        changed[2].explanation = "文件中的新解析"
        let file = try write("changed.txt", BankText.write(changed))
        let revision = try await bankRevision("f.sqlite")
        await #expect(throws: ExitCode.self) { try await run(["bank", "import", "--dry-run", file], db: "f.sqlite") }
        await #expect(throws: ExitCode.self) { try await run(["bank", "import", file], db: "f.sqlite") }
        #expect(try await bankRevision("f.sqlite") == revision)
        try await run(["bank", "import", "--force", file], db: "f.sqlite")
        #expect(try await bankRevision("f.sqlite") == revision + 1)
        #expect(try await current("f.sqlite") == changed)
    }
}
