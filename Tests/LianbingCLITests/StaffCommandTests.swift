import ArgumentParser
import Foundation
import LianbingCore
@testable import LianbingCLI
import LianbingFormats
import LianbingStore
import Testing

/// `lianbing staff add|edit`, in-process against a temp-file database.
@Suite struct StaffCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-staff-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { directory.appendingPathComponent("test.sqlite").path }

    func run(_ arguments: [String]) async throws {
        try await Lianbing.execute(arguments + ["--db", db, "--bcrypt-cost", "4"])
    }

    func prepared() async throws -> AppDatabase {
        let org = directory.appendingPathComponent("org.csv")
        try Data(CLITests.org.utf8).write(to: org)
        try await run(["init", "--org", org.path, "--admin", "root"])
        return try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4))
    }

    @Test func theExportedRosterImportsBackUnchanged() async throws {
        let database = try await prepared()
        try await run(["staff", "add", "440106000001", "--name", "周九", "--unit", "440106001001", "--post", "接访员", "--hired", "2022-05-01"])
        try await run(["staff", "add", "GD0000010", "--name", "吴十", "--unit", "440106001001", "--post", "代办员"])
        let root = try await database.operatorPrincipal()
        for name in ["花名册.xlsx", "花名册.csv"] {
            let out = directory.appendingPathComponent(name).path
            try await run(["staff", "export", "--unit", "440106001001", "--out", out])
            let summary = try await database.importStaff(
                try StaffCSV.read(try Data(contentsOf: URL(fileURLWithPath: out)), file: out).get(), file: out, by: root)
            #expect(summary.inserted == 0 && summary.updated == 0 && summary.unchanged == 2, "\(name)")
        }
        await #expect(throws: (any Error).self) { try await run(["staff", "export", "--unit", "999999999999"]) }
    }

    @Test func addThenEditChangesOnlyTheOptionsGiven() async throws {
        let database = try await prepared()
        try await run([
            "staff", "add", "GD0000009", "--name", "周九", "--unit", "440106001001", "--post", "接访员", "--veteran",
            "--specialties", "法律、心理服务", "--hired", "2022-05-01",
        ])
        let root = try await database.operatorPrincipal()
        let added = try await database.staffMember("GD0000009", for: root).staff
        #expect(added == Staff(
            number: "GD0000009", name: "周九", unitCode: "440106001001", post: "接访员", isVeteran: true, specialties: ["法律", "心理服务"],
            hireDate: CivilDate("2022-05-01")))

        try await run(["staff", "edit", "GD0000009", "--post", "主任（站长）", "--no-veteran"])
        var expected = added
        expected.post = "主任（站长）"
        expected.isVeteran = false
        #expect(try await database.staffMember("GD0000009", for: root).staff == expected)
    }

    @Test func refusalsUseTheImportsWordsAndWriteNothing() async throws {
        let database = try await prepared()
        // An unknown post, as the import refuses it; a missing --name before anything is opened.
        await #expect(throws: ExitCode.self) {
            try await run(["staff", "add", "GD0000009", "--name", "周九", "--unit", "440106001001", "--post", "岗位X"])
        }
        await #expect(throws: (any Error).self) { try await run(["staff", "add", "GD0000009", "--unit", "440106001001", "--post", "接访员"]) }
        // A unit change is a dated move, not an edit; an unknown number is not found.
        await #expect(throws: ExitCode.self) { try await run(["staff", "edit", "NOSUCH", "--name", "某"]) }
        let root = try await database.operatorPrincipal()
        #expect(try await database.staff(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 10), for: root).total == 0)
    }

    @Test func everyOptionHasHelp() {
        for help in [StaffCommand.Add.helpMessage(), StaffCommand.Edit.helpMessage()] {
            let all = help.split(separator: "\n").map(String.init)
            let lines = Array(all.drop { !$0.hasPrefix("OPTIONS:") })
            for option in ["--name", "--post", "--veteran", "--entitled", "--specialties", "--hired", "--active"] {
                // The help is Chinese, on the option's line or, when the names are long, the next.
                let at = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") || $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + "/") }
                let text = at.map { lines[$0...min($0 + 1, lines.count - 1)].joined() } ?? ""
                #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(option): \(help)")
            }
        }
    }
}
