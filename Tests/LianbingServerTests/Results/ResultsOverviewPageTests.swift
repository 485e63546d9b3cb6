import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// 成绩总览 over the demo's exams (both organised by the demo county): the page shows the store's own table with a
/// link down per child unit and bars carrying its pass rates; one centralised exam narrows it; the downloads are the
/// same table as CSV and Excel; the API returns the same figures; another county is 404 and staff are refused; the
/// province administrator's home shows the cities.
@Suite struct ResultsOverviewPageTests {
    typealias Page = TrainingDashboardTests

    @Test("Given the province administrator, then the overview of the cities matches the store, links down and its bars carry the pass rates")
    func provinceOverviewDrillsDown() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        // The figures do not depend on who asks, only on the unit: the operator's default is the province too.
        let principal = try await app.database.operatorPrincipal()
        let overview = try await app.database.resultsOverview(for: principal)
        #expect(overview.examCount == 2 && overview.total.tally.candidates > 0)
        let city = try #require(overview.rows.first { anchors.county.hasPrefix(String($0.unit.code.prefix(4))) && !$0.ownStaffOnly })
        #expect(city.tally.candidates == overview.total.tally.candidates, "the demo's exams are all in one city")
        try await app.run { client in
            let session = try await client.logIn("admin")
            let page = try await client.request(.get, "/results", session: session)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("成绩总览 · \(overview.unit.name)"))
            #expect(html.contains("<a href=\"/results\" aria-current=\"page\">成绩总览</a>"))
            let block = try #require(Page.block(html, id: "overview-table"))
            #expect(try Page.columns(block) == overview.table.columns)
            #expect(try Page.rows(block) == overview.table.rows)
            let rate = try #require(overview.table.columns.firstIndex(of: "通过率"))
            #expect(try Page.barValues(block).compactMap(Double.init) == overview.table.rows.dropLast().map { Page.share($0[rate])! })
            #expect(html.contains("unit=\(city.unit.code)\""), "the city links down")
            #expect(html.contains("class=\"chart line-chart\""), "the monthly trend")

            // Down to the city, then to the demo county: its towns, a crumb back up, the demo exams offered.
            let down = try await client.request(.get, "/results?unit=\(city.unit.code)", session: session).text
            #expect(down.contains("成绩总览 · \(city.unit.name)"))
            #expect(down.contains("unit=\(anchors.county)\""))
            let county = try await client.request(.get, "/results?unit=\(anchors.county)", session: session).text
            let countyOverview = try await app.database.resultsOverview(unit: anchors.county, for: principal)
            #expect(try Page.rows(try #require(Page.block(county, id: "overview-table"))) == countyOverview.table.rows)
            #expect(county.contains(">\(city.unit.name)</a> ›"))
            #expect(countyOverview.centralisedExams.count == 2)
            for exam in countyOverview.centralisedExams { #expect(county.contains("<option value=\"\(exam.id)\""), "\(exam.title)") }

            // One exam: its figures, the mean in points, no trend.
            let past = try #require(countyOverview.centralisedExams.last)
            let one = try await client.request(.get, "/results?unit=\(anchors.county)&exam=\(past.id)", session: session).text
            let examOverview = try await app.database.resultsOverview(unit: anchors.county, exam: past.id, for: principal)
            #expect(try Page.rows(try #require(Page.block(one, id: "overview-table"))) == examOverview.table.rows)
            #expect(examOverview.table.columns.last == "平均分" && examOverview.total.tally.scored > 0)
            #expect(one.contains("<option value=\"\(past.id)\" selected>"))
            #expect(!one.contains("class=\"chart line-chart\""))
            // The city's own exams are not centralised for the province: asked for there, it is not found.
            #expect(try await client.request(.get, "/results?exam=\(past.id)", session: session).status == .notFound)

            // The province administrator's home shows the cities.
            let home = try await client.request(.get, "/", session: session).text
            let homeBlock = try #require(Page.block(home, id: "home-results-table"))
            #expect(try Page.rows(homeBlock) == overview.table.rows)
            #expect(!(try Page.barValues(homeBlock)).isEmpty)
            let countyHome = try await client.request(.get, "/", session: try await client.logIn("county")).text
            #expect(!countyHome.contains("home-results-table"))
        }
    }

    @Test("Given the downloads and the API, then they carry the page's table; another county is 404, staff are refused, bad input is 400")
    func downloadsAPIAndScope() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            let api = try await client.request(.get, "/api/v1/results/overview", session: county)
            #expect(api.status == .ok)
            let overview = try api.json(ResultsOverview.self)
            #expect(overview.unit.code == anchors.county && overview.examCount == 2)
            #expect(overview.months.count == 12)

            let csv = try await client.request(.get, "/results/overview.csv", session: county)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let text = String(decoding: Data(buffer: csv.body).dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix(overview.table.columns.joined(separator: ",") + "\r\n"))
            #expect(text.components(separatedBy: "\r\n").count == overview.table.rows.count + 2)
            let months = try await client.request(.get, "/results/months.csv", session: county)
            #expect(String(decoding: Data(buffer: months.body).dropFirst(3), as: UTF8.self).hasPrefix("月份,考试场次"))
            // The months' workbook twin: 月份 text, counts numbers, shares percentages (number cells).
            let monthBook = try WorkbookDownload(
                try await client.request(.get, "/results/months.xlsx", session: county), filename: "results-\(anchors.county)-months.xlsx")
            #expect(monthBook.rows.count == overview.months.count + 1 && monthBook.rows[1][0] == overview.months[0].month)
            #expect(monthBook.numberColumns.dropFirst().allSatisfy { $0.isSuperset(of: [1, 2, 3]) && !$0.contains(0) })
            let workbook = try await client.request(.get, "/results/overview.xlsx", session: county)
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Data(buffer: workbook.body).starts(with: [0x50, 0x4B]), "a ZIP container")
            #expect(try await client.request(.get, "/results/nothing.csv", session: county).status == .notFound)

            let outside = anchors.outsideUnit
            for uri in ["/results?unit=\(outside)", "/results/overview.csv?unit=\(outside)", "/results/overview.xlsx?unit=\(outside)",
                        "/api/v1/results/overview?unit=\(outside)", "/api/v1/results/overview?exam=987654321"] {
                let response = try await client.request(.get, uri, session: county)
                #expect(response.status == .notFound, "\(uri) answered \(response.status)")
                #expect(!response.text.contains("合计"), "\(uri)")
            }
            let staff = try await client.logIn("staff")
            for uri in ["/results", "/results/overview.csv", "/api/v1/results/overview"] {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "\(uri)")
            }
            for (uri, word) in [("/api/v1/results/overview?exam=abc", "考试"), ("/api/v1/results/overview?from=2026-05-01&to=2026-04-01", "起始日期"),
                                ("/api/v1/results/overview?from=2019-01-01&to=2026-01-01", "60"), ("/results?to=2026-02-30", "日期")] {
                let response = try await client.request(.get, uri, session: county)
                #expect(response.status == .badRequest && response.text.contains(word), "\(uri): \(response.status) \(response.text.prefix(200))")
            }
        }
    }
}
