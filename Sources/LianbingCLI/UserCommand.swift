import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "登录账号。", subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, CreateFromRoster.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建账号，系统生成初始密码（只打印这一次，首次登录须修改）。")
        @OptionGroup var database: DatabaseOptions

        @Argument(help: "用户名（2–32 位字母、数字或 . _ -）。")
        var name: String

        @Option(help: "角色：staff（工作人员）、trainer（培训师）或 admin（管理员）。")
        var role: String

        @Option(help: "账号所属单位编码；培训师和管理员只能操作该单位及下级。")
        var unit: String

        @Option(help: "关联的工作人员工号（可选）。")
        var staff: String?

        func validate() throws {
            guard Role(argument: role) != nil else { throw ValidationError("--role 须为 staff、trainer 或 admin") }
            guard Account.isValidUsername(name) else { throw ValidationError("用户名须为 2–32 位字母、数字或 . _ -") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let new = NewAccount(username: name, role: Role(argument: role)!, unitCode: unit, staffNumber: staff)
                let (account, issued) = try await db.createAccount(new, by: try await db.operatorPrincipal())
                Console.out("已创建账号 \(account.username)（\(account.role.displayName)，单位 \(account.unitCode)）")
                if let issued { Console.out("初始密码：\(issued.password)（只显示这一次，首次登录须修改）") }
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "重置密码：默认生成新的初始密码；该账号已登录的会话全部失效，下次登录须修改密码。")
        @OptionGroup var database: DatabaseOptions

        @Argument(help: "用户名。")
        var name: String

        @Flag(help: "从标准输入读取新密码（一行），而不是自动生成。")
        var passwordStdin = false

        func run() async throws {
            try await reportingErrors {
                var chosen: String?
                if passwordStdin {
                    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                        throw LianbingError.invalid("标准输入中没有密码")
                    }
                    chosen = line
                }
                let db = try database.open()
                let issued = try await db.resetPassword(name, to: chosen, by: try await db.operatorPrincipal())
                Console.out("已重置 \(issued.username) 的密码，下次登录须修改。")
                if chosen == nil { Console.out("新初始密码：\(issued.password)") }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用账号：立即退出所有会话，不能再登录。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "用户名。")
        var name: String

        func run() async throws { try await UserCommand.setDisabled(name, true, in: database) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重新启用已停用的账号。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "用户名。")
        var name: String

        func run() async throws { try await UserCommand.setDisabled(name, false, in: database) }
    }

    static func setDisabled(_ name: String, _ disabled: Bool, in database: DatabaseOptions) async throws {
        try await reportingErrors {
            let db = try database.open()
            try await db.setDisabled(name, disabled, by: try await db.operatorPrincipal())
            Console.out(disabled ? "已停用账号 \(name)。" : "已启用账号 \(name)。")
        }
    }

    struct CreateFromRoster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "为某单位及其下级所有尚无账号的在岗工作人员开通账号（用户名为工号），初始密码写入 CSV 或 Excel 工作簿（.xlsx）供分发。")
        @OptionGroup var database: DatabaseOptions

        @Option(help: "单位编码：该单位及其全部下级。")
        var unit: String

        @Option(help: "初始密码文件的输出路径，.csv 或 .xlsx（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String

        @Option(help: "--out 的格式：csv 或 xlsx；省略则按扩展名，默认 csv。")
        var format: TableFormat?

        func validate() throws {
            guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let result = try await db.createAccountsFromRoster(unit: unit, by: try await db.operatorPrincipal()) { done, total in
                    Console.progress(done, of: total, "正在生成账号")
                }
                try writeTable(IssuedPasswordsCSV.table(result.issued), to: out, format: format, db: db)
                Console.out("已开通 \(result.issued.count) 个账号，初始密码已写入 \(out)（请妥善保管，分发后删除）。")
                if !result.skipped.isEmpty {
                    Console.error("以下工号不能直接用作用户名（须为 2–32 位字母、数字或 . _ -），请用 lianbing user add 单独开通：")
                    Console.error("  " + result.skipped.joined(separator: "、"))
                }
            }
        }
    }
}
