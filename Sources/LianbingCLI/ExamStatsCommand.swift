import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension ExamCommand {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "题目分析（按 Moodle 测验统计的定义）：每题难度系数、标准差、区分度、区分效率、高低分组差，及试卷的信度。",
            discussion: "区分度为负的题目标 ⚠ 并单独列出，通常是答案有误或题意有歧义，请优先复查。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号（统计已交且评完的试卷）；与 --matrix 二选一。")
        var id: Int64?

        @Option(help: "改为统计一个成绩矩阵（CSV 或 .xlsx）：第一列考生，其后每列一道题，可在表头下加一行 max（满分）。", completion: .file(extensions: ["csv", "xlsx"]))
        var matrix: String?

        @OptionGroup var sheetOption: SheetOption

        @Flag(help: "以 JSON 输出（键按字母排序，未定义的值为 null）。")
        var json = false

        @Option(help: "把各题指标写入文件（CSV 或 Excel 工作簿 .xlsx），不在屏幕上列出。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?

        @OptionGroup var tableFormat: TableFormatOption

        func validate() throws {
            guard (id == nil) != (matrix == nil) else { throw ValidationError("请指定考试编号或 --matrix 文件，二者选一") }
            if json && (out != nil || tableFormat.format != nil) { throw ValidationError("--json 不能与 --out、--format 同用") }
        }

        func run() async throws {
            try await reportingErrors {
                let statistics: ExamStatistics
                let title: String
                var exportedAt = Date()
                if let matrix {
                    let read = try MarkMatrixCSV.parse(try readInput(matrix), file: matrix, sheet: sheetOption.sheet).mapError(LianbingError.importRejected).get()
                    statistics = ItemStatistics.compute(
                        candidates: read.candidates, questions: read.questions, marks: read.marks, maxMarks: read.maxMarks)
                    title = "试题分析 · \(URL(fileURLWithPath: matrix).lastPathComponent)"
                } else {
                    let db = try database.open()
                    exportedAt = db.clock()
                    let principal = try await db.operatorPrincipal()
                    statistics = try await db.statistics(ofExam: id!, by: principal)
                    title = "试题分析 · \(try await db.exam(id!, by: principal).title)"
                }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    FileHandle.standardOutput.write(try encoder.encode(statistics))
                    Console.out("")
                } else if out != nil || tableFormat.format != nil {
                    try writeTable(statistics.table(title: title), to: out, format: tableFormat.format, exportedAt: exportedAt)
                    if let out { Console.out("已写入 \(out)：\(statistics.questions.count) 道题。") }
                } else {
                    for line in StatsTable.render(statistics) { Console.out(line) }
                }
            }
        }
    }
}

/// The statistics as a plain-text table (the rows of the statistics download) and a summary.
enum StatsTable {
    static func render(_ statistics: ExamStatistics) -> [String] {
        let table = statistics.table(title: "")
        var lines = ([table.columns] + table.rows).map { $0.joined(separator: "\t") }
        let percent = ExamStatistics.percent, number = ExamStatistics.number
        lines.append("")
        lines.append(
            "考生 \(statistics.candidates) 人，平均分 \(number(statistics.mean, 2))，标准差 \(number(statistics.sd, 2))，"
                + "内部一致性系数 CIC \(percent(statistics.cic))，误差比 \(percent(statistics.errorRatio))，标准误 \(number(statistics.standardError, 2)) 分")
        let flagged = statistics.flaggedQuestions
        if let reason = flagged.first?.flagReason {
            lines.append("")
            lines.append("⚠ 需复查的题目 \(flagged.count) 道：\(reason)")
            for question in flagged { lines.append("  ⚠ \(question.question)：区分度 \(number(question.discriminationIndex, 1))") }
        }
        return lines
    }
}
