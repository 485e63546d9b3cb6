import Foundation
@testable import LianbingCLI
import LianbingCore
@testable import LianbingFormats
import Testing

/// `org export` and `audit export` write a workbook for an `.xlsx` `--out` or `--format xlsx`, read back by the
/// product's own reader (and, for the unit tree, by `org import`'s parser). What each cell is typed as is
/// `ExportWorkbookTests`'.
@Suite struct TableExportCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("table-export") }

    func records(_ path: String) throws -> [CSVRecord] {
        try WorkbookReader.open(try Data(contentsOf: URL(fileURLWithPath: path)), file: path).get().records().get().records
    }

    @Test func orgAndAuditExportAsWorkbooks() async throws {
        try await fixture.prepare()
        let units = fixture.path("单位.xlsx")
        try await fixture.run(["org", "export", "--out", units])
        let parsed = try OrgCSV.read(try Data(contentsOf: URL(fileURLWithPath: units)), file: units).get()
        #expect(parsed.issues.isEmpty && Set(parsed.rows.map(\.unit.code)) == Set(TrainingFixture.org.split(separator: "\n").dropFirst().map { String($0.prefix(12)) }))
        #expect(try records(units).allSatisfy { $0.numbers.isEmpty }, "unit codes are text cells")
        let csv = fixture.path("单位.csv")
        try await fixture.run(["org", "export", "--out", csv])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: csv)).prefix(3)) == [0xEF, 0xBB, 0xBF])

        let log = fixture.path("log.dat")
        try await fixture.run(["audit", "export", "--format", "xlsx", "--out", log])
        let rows = try records(log)
        #expect(rows.first?.fields == AuditCSV.header && rows.count > 1)
        #expect(rows.dropFirst().allSatisfy { ChinaTime.parse($0.fields[0]) != nil && $0.numbers.isEmpty })
        #expect(await fixture.refused(["audit", "export", "--format", "xls", "--out", fixture.path("log.xls")]))
    }
}
