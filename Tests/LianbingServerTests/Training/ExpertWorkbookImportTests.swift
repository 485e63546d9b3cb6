import Foundation
import HTTPTypes
import HummingbirdTesting
import LianbingCore
import LianbingFormats
import LianbingStore
import NIOCore
import Testing

/// The expert import through the JSON API with an .xlsx body: the route reads workbooks through the same table as CSV.
@Suite struct ExpertWorkbookImportTests {
    @Test("Given an .xlsx body, when uploaded to the expert import, then its rows import as a CSV's would")
    func workbookBody() async throws {
        let fixture = try await TrainingFixture.make()
        let table = ReportTable(
            title: "专家库", columns: ExpertCSV.header, rows: [["表格专家甲", fixture.county, "高校专家", "政策法规", "某大学", ""]])
        let workbook = try WorkbookWriter.encode([table], exportedAt: Date(timeIntervalSince1970: 0))
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            var headers = HTTPFields()
            headers.append(HTTPField(name: .cookie, value: county.cookie))
            headers[HTTPField.Name("X-CSRF-Token")!] = county.csrf
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            let response = try await client.inner.execute(
                uri: "/api/v1/experts/import", method: .post, headers: headers, body: ByteBuffer(bytes: workbook))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(try JSONDecoder().decode(ExpertImportSummary.self, from: Data(buffer: response.body)).inserted == 1)
        }
    }
}
