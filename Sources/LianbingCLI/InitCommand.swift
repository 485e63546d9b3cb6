import ArgumentParser
import LianbingCore
import LianbingFormats
import LianbingStore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建数据库：导入单位树，并为根单位创建第一个管理员（密码只打印这一次）。")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "单位 CSV 文件（表头：编码,名称,层级,上级编码）。", completion: .file(extensions: ["csv"]))
    var org: String

    @Option(help: "第一个管理员的用户名。")
    var admin: String

    func validate() throws {
        guard Account.isValidUsername(admin) else { throw ValidationError("用户名须为 2–32 位字母、数字或 . _ -") }
    }

    func run() async throws {
        try await reportingErrors {
            let rows = try OrgCSV.parse(try readInput(org), file: org).get()
            let db = try database.open()
            let issued = try await db.initialise(units: rows, file: org, adminUsername: admin)
            Console.out("已导入 \(rows.count) 个单位。")
            Console.out("管理员账号：\(issued.username)（\(issued.unitName)）")
            Console.out("初始密码：\(issued.password)")
            Console.out("此密码只显示这一次，首次登录后须修改。")
        }
    }
}

extension Result where Failure == ImportFailure {
    /// A refused parse becomes the service layer's import error, so it is reported the same way.
    func get() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let failure): throw LianbingError.importRejected(failure)
        }
    }
}
