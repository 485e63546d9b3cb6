import Foundation
import Testing

/// The built `lianbing` binary, for what only a real process shows: exit status and what reaches the terminal.
@Suite struct BinaryTests {
    static var binary: URL {
        // Tests run from the build products directory, next to the executable.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lianbing")
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    let directory: URL
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-bin-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func badOrgImportExitsNonZeroNamesEveryErrorAndChangesNothing() throws {
        let db = directory.appendingPathComponent("db.sqlite").path
        let good = try file("good.csv", "编码,名称,层级,上级编码\n44,广东省,省,\n4401,广州市,市,44\n")
        #expect(try Self.run(["init", "--org", good, "--admin", "root", "--db", db, "--bcrypt-cost", "4"]).status == 0)
        let bad = try file("bad.csv", """
            编码,名称,层级,上级编码
            440106,天河区,区县,4401
            440107,海珠区,县,9999
            440108,越秀区,县,4401,多余
            440109,荔湾区,县,4401
            440109,荔湾重复,县,4401
            440110,番禺区,县,4401

            """)
        let result = try Self.run(["org", "import", bad, "--db", db])
        #expect(result.status != 0)
        // Bad level, unknown parent, malformed row and duplicate code are all reported in one run.
        for line in [2, 3, 4, 6] { #expect(result.stderr.contains("bad.csv:\(line):"), "line \(line) not reported:\n\(result.stderr)") }
        // Nothing changed: 440110 was valid but came with errors, so it was not imported.
        let export = try Self.run(["org", "export", "--db", db])
        #expect(export.status == 0)
        #expect(!export.stdout.contains("440110"))
        #expect(export.stdout.contains("4401,广州市,市,44"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func badStaffImportExitsNonZeroAndNamesEveryError() throws {
        let db = directory.appendingPathComponent("db.sqlite").path
        let org = try file("org.csv", "编码,名称,层级,上级编码\n44,广东省,省,\n")
        #expect(try Self.run(["init", "--org", org, "--admin", "root", "--db", db, "--bcrypt-cost", "4"]).status == 0)
        let bad = try file("staff.csv", """
            工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗
            GD1,陈一,44,接访员,是,否,,2020-01-01,是
            GD2,李二,99,接访员,否,否,,,是
            GD3,黄三,44,厨师,否,否,,,是
            GD4,张四,44,接访员,也许,否,,2020-13-01,是

            """)
        let result = try Self.run(["staff", "import", bad, "--db", db])
        #expect(result.status != 0)
        // Unknown unit, unknown post and malformed cells are all reported in one run; the good row is not.
        for line in [3, 4, 5] { #expect(result.stderr.contains("staff.csv:\(line):"), "line \(line) not reported:\n\(result.stderr)") }
        #expect(!result.stderr.contains("staff.csv:2:"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func serveRefusesAnUninitialisedDatabaseAndSaysWhatToRun() throws {
        let result = try Self.run(["serve", "--db", directory.appendingPathComponent("empty.sqlite").path, "--port", "18099"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("lianbing init"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func everyCommandHasHelp() throws {
        for command in [[], ["init"], ["serve"], ["org", "import"], ["org", "export"], ["staff", "import"], ["post", "add"], ["user", "add"],
            ["user", "passwd"], ["user", "disable"], ["user", "create-from-roster"], ["backup"]]
        {
            let result = try Self.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
