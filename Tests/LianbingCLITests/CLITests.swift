import ArgumentParser
import Foundation
import LianbingCore
@testable import LianbingCLI
import LianbingStore
import Testing

/// The CLI run in-process against a temp-file database, and the built binary for exit codes and messages.
@Suite struct CLITests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-cli-\(UUID())")
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

    static let org = """
        编码,名称,层级,上级编码
        440000000000,广东省,省,
        440100000000,广州市,市,440000000000
        440106000000,天河区,县,440100000000
        440106001000,沙河街道,镇,440106000000
        440106001001,沙河社区,村,440106001000
        441900000000,东莞市,市,440000000000
        441900101000,石龙镇,镇,441900000000

        """

    static let staff = """
        工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗
        GD0000001,陈建国,440106000000,主任（站长）,是,否,法律;信息化,2019-03-01,是
        GD0000002,李秀英,440106001001,接访员,否,是,,2021-07-15,是
        GD0000003,黄志强,441900101000,工作人员,是,否,,,否

        """

    func store() throws -> AppDatabase { try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4)) }

    @Test func initImportsTheTreeAndCreatesTheFirstAdministrator() async throws {
        try await run(["init", "--org", try file("org.csv", Self.org), "--admin", "root"])
        let database = try store()
        let root = try await database.operatorPrincipal()
        #expect(try await database.units(parent: nil, for: root).count == 7)
        let admin = try await database.account("root", for: root)
        #expect(admin.account.role == .admin && admin.account.mustChangePassword)
        // A second init is refused rather than adding a second administrator.
        await #expect(throws: ExitCode.self) { try await run(["init", "--org", try file("org.csv", Self.org), "--admin", "other"]) }
    }

    @Test func staffImportThenUserCommands() async throws {
        try await run(["init", "--org", try file("org.csv", Self.org), "--admin", "root"])
        try await run(["staff", "import", try file("staff.csv", Self.staff)])
        try await run(["user", "add", "tianhe", "--role", "admin", "--unit", "440106000000"])
        try await run(["user", "add", "chen", "--role", "staff", "--unit", "440106000000", "--staff", "GD0000001"])
        try await run(["user", "disable", "tianhe"])
        try await run(["user", "passwd", "chen"])
        let out = directory.appendingPathComponent("passwords.csv").path
        try await run(["user", "create-from-roster", "--unit", "440000000000", "--out", out])
        let database = try store()
        let root = try await database.operatorPrincipal()
        #expect(try await database.account("tianhe", for: root).account.isDisabled)
        #expect(try await database.account("chen", for: root).account.mustChangePassword)
        // GD0000001 already had an account and GD0000003 is not in post: only GD0000002 gets one.
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("GD0000002,"))
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func validationRejectsBadArguments() async throws {
        await #expect(throws: (any Error).self) { try await run(["user", "add", "x y", "--role", "staff", "--unit", "1"]) }
        await #expect(throws: (any Error).self) { try await run(["user", "add", "ok", "--role", "boss", "--unit", "1"]) }
        await #expect(throws: (any Error).self) { try await run(["serve", "--port", "70000"]) }
        await #expect(throws: (any Error).self) { try await run(["serve", "--demo-scale", "planet"]) }
    }

    @Test func errorReportListsEveryImportProblemWithFileAndLine() {
        let failure = ImportFailure(issues: [
            ImportIssue(file: "org.csv", line: 3, reason: "上级编码 9 不存在"), ImportIssue(file: "org.csv", line: 5, reason: "层级错误"),
        ])
        #expect(ErrorReport.lines(for: .importRejected(failure)) == [
            "错误：导入失败，共 2 处错误，未写入任何数据", "org.csv:3: 上级编码 9 不存在", "org.csv:5: 层级错误",
        ])
    }
}
