import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore
import Testing

@testable import LianbingCLI

/// `staff import` given an .xlsx workbook and `--sheet`: the command reads it through the same table as a CSV file.
@Suite struct WorkbookImportCommandTests {
    @Test("Given a workbook whose roster is on its second sheet, when imported with --sheet, then that sheet's staff land")
    func staffFromNamedSheet() async throws {
        let cli = try CLITests()
        try await cli.run(["init", "--org", try cli.file("org.csv", CLITests.org), "--admin", "root"])
        let roster = ReportTable(
            title: "人员", columns: StaffCSV.header, rows: [["GD0000009", "周敏", "440106000000", "工作人员", "否", "否", "", "2022-05-06", "是"]])
        let notes = ReportTable(title: "说明", columns: ["说明"], rows: [["花名册在第二个工作表"]])
        let path = cli.directory.appendingPathComponent("人员.xlsx")
        try WorkbookWriter.encode([notes, roster], exportedAt: Date()).write(to: path)

        await #expect(throws: ExitCode.self) { try await cli.run(["staff", "import", path.path]) }
        try await cli.run(["staff", "import", path.path, "--sheet", "人员"])
        let database = try cli.store()
        let member = try await database.staffMember("GD0000009", for: try await database.operatorPrincipal())
        #expect(member.staff.unitCode == "440106000000")
    }
}
