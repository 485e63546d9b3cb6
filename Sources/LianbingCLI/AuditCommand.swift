import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "操作日志：导入、账号、考试、阅卷与成绩发布后的改分记录。", subcommands: [List.self, Export.self])

    struct FilterOptions: ParsableArguments {
        @Option(help: "只看某种操作，如 exam.score.change；以“.”结尾则为一类，如 exam.。")
        var action: String?

        @Option(help: "只看某个操作人（用户名；命令行操作为 operator）。")
        var actor: String?

        @Option(help: "只看与该单位及其下级有关的记录（单位编码）。")
        var unit: String?

        var filter: AuditFilter { AuditFilter(action: action, actor: actor, unit: unit) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出最近的操作记录（北京时间），新的在前。")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filter: FilterOptions

        @Option(help: "最多显示多少条（1–\(PageRequest.maximumPerPage)）。")
        var limit = 50

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(limit, in: 1...PageRequest.maximumPerPage, "--limit", unit: "条") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let page = try await db.auditLog(filter.filter, page: PageRequest(page: 1, perPage: limit), by: try await db.operatorPrincipal())
                for entry in page.items {
                    Console.out([ChinaTime.format(entry.at), entry.actor, entry.action, entry.subject, entry.detail].joined(separator: "\t"))
                }
                Console.out("显示 \(page.items.count) 条，共 \(page.total) 条。")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把符合条件的全部操作记录导出为 CSV（UTF-8 带 BOM）或 Excel 工作簿（.xlsx），列为 时间,操作人,操作,对象,详情。")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filter: FilterOptions

        @Option(help: "输出文件，.csv 或 .xlsx（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String

        @OptionGroup var format: TableFormatOption

        func validate() throws {
            if FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let entries = try await db.auditLogExport(filter.filter, by: try await db.operatorPrincipal())
                try writeTable(AuditCSV.table(entries), to: out, format: format.format, db: db)
                Console.out("已导出 \(entries.count) 条到 \(out)。")
            }
        }
    }
}
