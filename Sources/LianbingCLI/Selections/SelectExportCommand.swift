import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension SelectCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出完整计算结果（每位候选人各项指标的原始值、标准化值、计入权重，综合得分，是否入选，未排名原因）或名单，CSV 或 Excel 工作簿。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        @Option(help: "写入的文件：扩展名 .xlsx 写 Excel 工作簿，其余写 CSV（UTF-8 带 BOM；不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String

        @OptionGroup var format: TableFormatOption

        @Flag(help: "只导出拟入选（定稿后为获奖）名单，不含各人得分明细。")
        var list = false

        func validate() throws {
            if FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.selection(id, by: try await db.operatorPrincipal())
                guard let table = list ? selection.nomineeTable : selection.resultTable else {
                    throw LianbingError.conflict("遴选 \(id) 尚未计算，没有结果可导出")
                }
                try writeTable(table, to: out, format: format.format, db: db)
                Console.out("已导出“\(table.title)”\(table.rows.count) 行到 \(out)。")
            }
        }
    }
}
