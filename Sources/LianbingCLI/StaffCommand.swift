import ArgumentParser
import LianbingCore
import LianbingFormats
import LianbingStore

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "工作人员花名册。", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 CSV 导入花名册，按工号新增或更新（表头：工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗）。有任何错误则全部不导入。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "花名册 CSV 文件（UTF-8 或 GBK/GB18030 均可）。", completion: .file(extensions: ["csv"]))
        var file: String

        func run() async throws {
            try await reportingErrors {
                let parsed = try StaffCSV.read(try readInput(file), file: file).get()
                let db = try database.open()
                let summary = try await db.importStaff(parsed, file: file, by: try await db.operatorPrincipal())
                Console.out("花名册导入完成：新增 \(summary.inserted)，更新 \(summary.updated)，未变 \(summary.unchanged)。")
            }
        }
    }
}

struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "岗位（主任（站长）、接访员等）。", subcommands: [List.self, Add.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部岗位。")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                for post in try await database.open().posts() { Console.out(post) }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新增一个岗位。")
        @OptionGroup var database: DatabaseOptions

        @Argument(help: "岗位名称。")
        var name: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.addPost(name, by: try await db.operatorPrincipal())
                Console.out("已新增岗位：\(name)")
            }
        }
    }
}
