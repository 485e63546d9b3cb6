import Foundation
import LianbingCore
import LianbingFormats
import Testing

/// What the product writes as a workbook, its own import reads back: every cell as the text the CSV carries
/// (codes with their zeros, scores, dates in China time), and the question template as questions.
@Suite struct WorkbookRoundTripTests {
    static let exportedAt = ChinaTime.parse("2026-12-04 18:05")!

    @Test func resultsWorkbookReadsBackAsTheCSVText() throws {
        let results = WorkbookWriterTests.sampleResults
        let table = ResultsCSV.table(results, title: "第四季度集中考核", passMark: 60)
        let book = try WorkbookReader.open(try TableFormat.xlsx.encode(table, exportedAt: Self.exportedAt), file: "成绩.xlsx").get()
        let records = try book.records().get().records.map { $0.fields }
        // Trailing empty cells are absent from a row; pad as a CSV row would have them.
        let padded = records.map { $0 + Array(repeating: "", count: max(0, table.columns.count - $0.count)) }
        #expect(padded == [table.columns] + table.rows)
    }

    @Test func questionTemplateWorkbookImportsItsExamples() throws {
        let data = try QuestionTemplateWorkbook.encode(exportedAt: Self.exportedAt)
        let fromWorkbook = try QuestionCSV.read(data, file: "题目模板.xlsx").get()
        let fromCSV = try QuestionCSV.read(QuestionCSV.template(), file: "题目模板.csv").get()
        #expect(fromWorkbook.issues.isEmpty)
        #expect(fromWorkbook.questions.map(\.question) == fromCSV.questions.map(\.question) && fromWorkbook.questions.count == 2)
    }
}
