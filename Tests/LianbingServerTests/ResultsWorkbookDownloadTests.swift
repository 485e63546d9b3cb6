import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// The results page and the training dashboard offer each CSV download's workbook twin, and the workbook comes
/// back as an .xlsx file named like the CSV, its cells typed as the table declares. (Cell types are `WorkbookWriterTests`' and the browser test's.)
@Suite struct ResultsWorkbookDownloadTests {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    @Test("Given released results, then the page links both files and results.xlsx is a workbook named after the exam")
    func resultsWorkbook() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let released = try await app.database.exams(by: op).first { $0.status == .released }!
        try await app.run { client in
            let county = try await client.logIn("county")
            let page = String(buffer: try await client.request(.get, "/exams/\(released.id)/results", session: county).body)
            #expect(page.contains("href=\"/exams/\(released.id)/results.csv\"") && page.contains("href=\"/exams/\(released.id)/results.xlsx\""))
            let file = try await client.request(.get, "/exams/\(released.id)/results.xlsx", session: county)
            #expect(file.status == .ok && file.headers[.contentType] == Self.xlsx)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"exam-\(released.id)-results.xlsx\"") == true)
            #expect(Array(Data(buffer: file.body).prefix(2)) == Array("PK".utf8), "a zip container")
            #expect(try await client.request(.get, "/exams/\(released.id)/results.xlsx", session: try await client.logIn("staff")).status == .forbidden)
        }
    }

    @Test("Given the training dashboard, then each CSV link has its .xlsx twin, which downloads as a workbook")
    func trainingWorkbook() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let admin = try await client.logIn("admin")
            let page = String(buffer: try await client.request(.get, "/training/dashboard", session: admin).body)
            #expect(page.contains("/training/reports/coverage.csv") && page.contains("/training/reports/coverage.xlsx"))
            let file = try await client.request(.get, "/training/reports/coverage.xlsx", session: admin)
            #expect(file.status == .ok && file.headers[.contentType] == Self.xlsx)
            #expect(try await client.request(.get, "/training/reports/coverage.txt", session: admin).status == .notFound)
            // The person and unit lists named in the dashboard's text have their twins too.
            for list in ["half-year-units", "curriculum-people", "ratings-session"] {
                #expect(page.contains("/training/reports/\(list).csv") && page.contains("/training/reports/\(list).xlsx"), "\(list)")
            }
            // Declared kinds: unit codes, digits all, stay text cells; 应修学时 and 已修学时 are numbers.
            let units = try WorkbookDownload(
                try await client.request(.get, "/training/reports/half-year-units.xlsx", session: admin), filename: "training-half-year-units-")
            #expect(units.rows[0] == ["单位编码", "单位", "层级"] && units.rows.count > 1 && units.numberColumns.allSatisfy(\.isEmpty))
            #expect(units.rows.dropFirst().allSatisfy { $0[0].allSatisfy(\.isNumber) })
            let people = try WorkbookDownload(
                try await client.request(.get, "/training/reports/curriculum-people.xlsx", session: admin), filename: "training-curriculum-people-")
            #expect(people.rows.count > 1 && people.numberColumns.dropFirst().allSatisfy { $0 == [5, 6] })
        }
    }
}
