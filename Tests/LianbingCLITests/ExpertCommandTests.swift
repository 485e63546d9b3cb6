import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing expert …` and `lianbing training standard …` in-process on a temp-file database.
@Suite struct ExpertCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-expert-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { directory.appendingPathComponent("test.sqlite").path }

    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func run(_ arguments: [String]) async throws {
        try await Lianbing.execute(arguments + ["--db", db, "--bcrypt-cost", "4"])
    }

    /// `standard …`, which the lead wires under `training`: parsed and run on its own.
    func standard(_ arguments: [String]) async throws {
        var command = try TrainingStandardCommand.parseAsRoot(arguments + ["--db", db, "--bcrypt-cost", "4"])
        if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
    }

    func store() throws -> AppDatabase { try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4)) }

    func initialise() async throws {
        try await run(["init", "--org", try file("org.csv", CLITests.org), "--admin", "root"])
        try await run(["staff", "import", try file("staff.csv", CLITests.staff)])
    }

    /// `true` when `body` exits with a failure status (the store refused), as `lianbing` would.
    func fails(_ body: () async throws -> Void) async throws -> Bool {
        do {
            try await body()
            return false
        } catch let exit as ExitCode {
            return exit != .success
        }
    }

    @Test func addImportAndListExperts() async throws {
        try await initialise()
        try await run([
            "expert", "add", "--unit", "440000000000", "--name", "王教授", "--category", "高校专家", "--specialty", "政策法规", "--specialty",
            "就业创业", "--affiliation", "华南师范大学法学院 教授",
        ])
        try await run(["expert", "add", "--unit", "440106000000", "--name", "陈建国", "--category", "backbone", "--staff", "GD0000001"])
        // A town holds no pool: the store refuses, and the command exits with a failure.
        #expect(try await fails { try await run(["expert", "add", "--unit", "440106001000", "--name", "某", "--category", "行业精英"]) })

        let csv = """
            姓名,单位编码,类别,专长,工作单位及职务,工号
            赵律师,440100000000,行业精英,政策法规/优抚;权益维护,广州某律师事务所 主任,
            王教授,440000000000,高校专家,政策法规;就业创业;心理服务,华南师范大学法学院 教授,

            """
        try await run(["expert", "import", try file("experts.csv", csv)])
        let database = try store()
        let op = try await database.operatorPrincipal()
        let experts = try await database.experts(for: op)
        #expect(experts.map(\.name) == ["王教授", "赵律师", "陈建国"])
        #expect(experts[0].specialties == ["政策法规", "就业创业", "心理服务"])
        #expect(experts[2].staffNumber == "GD0000001" && experts[2].category == .backbone)
        #expect(try await database.experts(specialty: "政策法规", for: op).map(\.name) == ["王教授", "赵律师"])

        // Every bad line is named and nothing is written.
        let bad = """
            姓名,单位编码,类别,专长,工作单位及职务,工号
            甲,440106001000,高校专家,,,
            乙,440100000000,教授,,,
            丙,440100000000,行业精英,,,NOPE99

            """
        #expect(try await fails { try await run(["expert", "import", try file("bad.csv", bad)]) })
        #expect(try await database.experts(for: op).count == 3)

        try await run(["expert", "list", "--specialty", "政策法规", "--category", "行业精英"])
        try await run(["expert", "list", "--json"])
        let lines = ExpertCommand.lines(experts)
        #expect(lines.first == "编号\t专家库\t姓名\t类别\t专长\t工作单位及职务\t工号")
        #expect(lines.count == 5 && lines.last == "共 3 位专家。")
        #expect(lines[1].contains("王教授\t高校专家\t政策法规、就业创业、心理服务"))
    }

    @Test func expertOptionsAreValidatedBeforeTheDatabaseOpens() async throws {
        for arguments in [
            ["expert", "add", "--unit", "44", "--name", "甲", "--category", "教授"],
            ["expert", "add", "--unit", "44", "--name", " ", "--category", "高校专家"],
            ["expert", "add", "--unit", "44", "--name", "甲", "--category", "高校专家"] + (0...20).flatMap { ["--specialty", "k\($0)"] },
            ["expert", "list", "--category", "专家"],
            ["expert", "list", "--specialty", String(repeating: "长", count: 65)],
        ] {
            await #expect(throws: (any Error).self) { try await run(arguments) }
        }
        // Nothing was opened, so no database file appeared.
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func setAndListCurriculumStandards() async throws {
        try await initialise()
        try await standard(["set", "--post", "接访员", "--level", "村", "--hours", "8", "--topic", "权益维护", "--topic", "接访"])
        try await standard(["set", "--post", "接访员", "--level", "村", "--hours", "10", "--topic", "权益维护", "--from", "2099-01-01"])
        try await standard(["list"])
        try await standard(["list", "--json"])
        let database = try store()
        let list = try await database.curriculumStandards(for: try await database.operatorPrincipal())
        #expect(list.versions.map(\.standard.version) == [1, 2])
        #expect(list.versions.map(\.status) == [.current, .scheduled])
        #expect(list.current.first?.topics == ["权益维护", "接访"] && list.current.first?.level == .village)
        let lines = TrainingStandardCommand.lines(list.table)
        #expect(lines[1] == "岗位\t层级\t版本\t学时\t专题\t生效日期\t状态\t设定人")
        #expect(lines[2].hasPrefix("接访员\t村（社区）\t1\t8\t权益维护、接访\t"))

        // Unknown post: the store refuses.
        #expect(try await fails { try await standard(["set", "--post", "不存在", "--level", "村", "--hours", "8"]) })
        for arguments in [
            ["set", "--post", "接访员", "--level", "乡村", "--hours", "8"],
            ["set", "--post", "接访员", "--level", "村", "--hours", "501"],
            ["set", "--post", "接访员", "--level", "村", "--hours", "nan"],
            ["set", "--post", "接访员", "--level", "村", "--hours", "8", "--from", "2026-02-30"],
            ["set", "--post", "接访员", "--level", "村", "--hours", "8"] + (0...20).flatMap { ["--topic", "专题\($0)"] },
        ] {
            await #expect(throws: (any Error).self) { try await standard(arguments) }
        }
        #expect(try await database.curriculumStandards(for: try await database.operatorPrincipal()).versions.count == 2)
    }
}
