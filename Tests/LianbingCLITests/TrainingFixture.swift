import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore

/// A temp-file database holding a small tree and six members of staff, for the `lianbing training`, `org set` and
/// `staff move|leave|placement` tests; commands run in-process, or through the built binary where what reaches
/// the terminal is what is checked.
struct TrainingFixture {
    let directory: URL

    init(_ name: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { path("training.sqlite") }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func run(_ arguments: [String]) async throws {
        try await Lianbing.execute(arguments + ["--db", db, "--bcrypt-cost", "4"])
    }

    /// Runs a command expected to fail, by validation or by the service; `true` when it did.
    func refused(_ arguments: [String]) async -> Bool {
        do {
            try await run(arguments)
            return false
        } catch let exit as ExitCode {
            return exit != .success
        } catch {
            return true
        }
    }

    func store() throws -> AppDatabase { try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4)) }

    static let binaryBuilt = FileManager.default.isExecutableFile(atPath: BinaryTests.binary.path)

    /// The built binary on this database.
    func binary(_ arguments: [String]) throws -> BinaryTests.Outcome { try BinaryTests.run(arguments + ["--db", db]) }

    /// The message `validate()` refuses `arguments` with (as the terminal would show it), or `nil` when they parse.
    static func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try Lianbing.parseAsRoot(arguments)
            return nil
        } catch {
            return Lianbing.message(for: error)
        }
    }

    static let org = """
        编码,名称,层级,上级编码
        440000000000,广东省,省,
        440100000000,广州市,市,440000000000
        440106000000,天河区,县,440100000000
        440106001000,沙河街道,镇,440106000000
        440106001001,沙河社区,村,440106001000
        440106002000,员村街道,镇,440106000000
        441900000000,东莞市,市,440000000000
        441900101000,石龙镇,镇,441900000000

        """

    /// GD1–GD5 in 天河区's subtree (the county centre, 沙河街道 and its 社区, 员村街道); GD6 in 东莞.
    static let staff = """
        工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗
        GD1,陈一,440106000000,主任（站长）,是,否,法律,2019-03-01,是
        GD2,李二,440106001000,接访员,否,是,,2020-07-15,是
        GD3,黄三,440106001001,接访员,否,否,信息化,2021-01-01,是
        GD4,张四,440106001001,工作人员,否,否,,2022-01-01,是
        GD5,刘五,440106002000,工作人员,是,否,,2022-01-01,是
        GD6,周六,441900101000,工作人员,否,否,,2022-01-01,是

        """

    static let county = "440106000000"

    func prepare() async throws {
        try await run(["init", "--org", try write("org.csv", Self.org), "--admin", "root"])
        try await run(["staff", "import", try write("staff.csv", Self.staff)])
    }

    /// `training session add` for the county with the given extra options.
    static func addArguments(
        title: String = "2026年第一期接访业务培训", starts: String = "2026-03-05 09:00", ends: String = "2026-03-06 17:00", _ extra: [String] = []
    ) -> [String] {
        ["training", "session", "add", "--unit", county, "--title", title, "--kind", "专题培训班", "--starts", starts, "--ends", ends, "--hours", "12"]
            + extra
    }

    /// A published business training of the county on 5–6 March 2026, GD1–GD5 invited, GD1 and GD2 attended.
    func heldSession() async throws -> Int64 {
        try await run(Self.addArguments())
        let database = try store()
        let op = try await database.operatorPrincipal()
        let id = try await database.trainingSessions(page: PageRequest(page: 1, perPage: 10), for: op).items[0].id
        try await run(["training", "session", "invite", "\(id)", "--all"])
        try await run(["training", "session", "publish", "\(id)"])
        let file = try write("attended-\(id).csv", "工号,日期,状态,学时,备注\nGD1,2026-03-05,出席,6,\nGD2,2026-03-05,出席,6,\n")
        try await run(["training", "attend", "\(id)", "--import", file])
        return id
    }

    /// A file's text after its byte-order mark.
    func csv(_ path: String) throws -> (hasBOM: Bool, text: String) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        return (hasBOM, String(decoding: hasBOM ? data.dropFirst(3) : data[...], as: UTF8.self))
    }
}
