import Foundation
@testable import LianbingCLI
import LianbingFormats
import Testing

/// `--format xlsx` and the `.xlsx` extension choose the workbook; the CSV stays the default. (What is inside a
/// workbook is `WorkbookWriterTests`'.)
@Suite struct WorkbookExportCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-workbook-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name))).prefix(3)) }

    @Test func bankTemplateAsWorkbookOrCSV() async throws {
        try await Lianbing.execute(["bank", "template", "--out", path("题目模板.xlsx")])
        try await Lianbing.execute(["bank", "template", "--format", "xlsx", "--out", path("题目模板.dat")])
        try await Lianbing.execute(["bank", "template", "--out", path("题目模板.csv")])
        #expect(try bytes("题目模板.xlsx").prefix(2) == Array("PK".utf8)[...] && bytes("题目模板.dat").prefix(2) == Array("PK".utf8)[...])
        #expect(try bytes("题目模板.csv") == [0xEF, 0xBB, 0xBF])
        #expect(TableFormat.forFile("a.XLSX", asked: nil) == .xlsx && TableFormat.forFile("a.xlsx", asked: .csv) == .csv)
        await #expect(throws: (any Error).self) { try await Lianbing.execute(["bank", "template", "--format", "xls"]) }
    }
}
