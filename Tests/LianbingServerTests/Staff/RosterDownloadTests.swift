import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingStore
import Testing

@testable import LianbingFormats
@testable import LianbingServer

/// The roster page's downloads: the list as shown (search and filters, every page) in the import format.
@Suite struct RosterDownloadTests {
    @Test func theRosterDownloadsAsTheListShowsItAndImportsBack() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let root = try await app.database.operatorPrincipal()
        let expected = try await app.database.roster(unit: anchors.county, filter: StaffFilter(hasLeft: false), for: root)
        try #require(expected.count > 50, "more than one page")
        try await app.run { client in
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/staff?status=active&unit=\(anchors.county)", session: county).text
            #expect(page.contains("href=\"/staff.xlsx?status=active&amp;unit=\(anchors.county)\""))

            let workbook = try WorkbookDownload(
                try await client.request(.get, "/staff.xlsx?status=active&unit=\(anchors.county)", session: county), filename: "staff.xlsx")
            #expect(workbook.rows.first == StaffCSV.header)
            #expect(workbook.rows.dropFirst().map { $0[0] } == expected.map(\.number))
            #expect(workbook.numberColumns.allSatisfy { $0.isEmpty }, "工号 and 单位编码 are text cells")

            let csv = try await client.request(.get, "/staff.csv?status=active&unit=\(anchors.county)", session: county)
            let read = try StaffCSV.read(Data(buffer: csv.body), file: "花名册.csv").get()
            #expect(read.issues.isEmpty && read.rows.map(\.staff) == expected)

            let outside = try await client.request(.get, "/staff.csv?unit=\(anchors.outsideUnit)", session: county)
            #expect(outside.status == .notFound)
        }
    }
}
