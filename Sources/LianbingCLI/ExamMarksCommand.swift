import ArgumentParser
import LianbingCore
import LianbingFormats
import LianbingStore

extension ExamCommand {
    struct Marks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "录入纸笔考试成绩（表头：工号,卷别,1,2,…，每题一列，按该卷型的题序）。有任何错误则全部不录入。",
            discussion: "须先用 exam forms 组出平行卷型；每行一名考生，得分不能超过该题分值，未作答填 0。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        @Option(name: .customLong("import"), help: "成绩 CSV 文件（UTF-8 或 GBK/GB18030 均可）或 .xlsx 工作簿。", completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @OptionGroup var sheetOption: SheetOption

        func run() async throws {
            try await reportingErrors {
                let rows = try PaperMarksCSV.read(try readInput(file), file: file, sheet: sheetOption.sheet).flatMap(\.result).mapError(LianbingError.importRejected).get()
                let db = try database.open()
                let count = try await db.importPaperMarks(
                    rows.map { PaperMarksRow(line: $0.line, staffNumber: $0.staffNumber, form: $0.form, marks: $0.marks) }, file: file,
                    intoExam: id, by: try await db.operatorPrincipal())
                Console.out("已录入考试 \(id) 中 \(count) 名考生的纸笔考试成绩。")
            }
        }
    }
}
