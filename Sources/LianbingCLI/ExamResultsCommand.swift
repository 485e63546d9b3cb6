import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension ExamCommand {
    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "成绩表：按得分排名（同分同名次，如 1、1、3），其后为待阅卷、作答中、未交卷、未开始、缺考、免考。",
            discussion: """
                --export 写出 CSV（UTF-8 带 BOM，Excel 可直接打开），或 Excel 工作簿（--format xlsx 或扩展名 .xlsx：工号为文本、\
                得分为数字、交卷时间为日期），列为 \(ResultsCSV.header.joined(separator: ","))。
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        @Option(help: "同时导出为 CSV 或 .xlsx 文件（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var export: String?

        @Option(help: "--export 的格式：csv 或 xlsx；省略则按扩展名，默认 csv。")
        var format: TableFormat?

        func validate() throws {
            if let export, FileManager.default.fileExists(atPath: export) { throw ValidationError("文件已存在，不会覆盖：\(export)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let exam = try await db.exam(id, by: principal)
                let results = try await db.results(ofExam: id, by: principal)
                Console.out("\(exam.title)（合格分数 \(AppDatabase.points(exam.passMark))）")
                Console.out(ResultsCSV.candidateHeader.joined(separator: "\t"))
                for result in results { Console.out(ResultsCSV.cells(result).joined(separator: "\t")) }
                let counts = CandidateOutcome.allCases.compactMap { outcome in
                    let count = results.filter { $0.row.outcome == outcome }.count
                    return count > 0 ? "\(outcome.label) \(count)" : nil
                }
                Console.out("共 \(results.count) 人：\(counts.joined(separator: "，"))。")
                if let export {
                    try writeTable(ResultsCSV.table(results, title: exam.title, passMark: exam.passMark), to: export, format: format, db: db)
                    Console.out("已导出到 \(export)。")
                }
            }
        }
    }
}
