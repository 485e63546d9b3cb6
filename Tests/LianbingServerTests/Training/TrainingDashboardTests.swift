import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
@testable import LianbingStore
import Testing

/// The training dashboard, its CSV downloads and the report API: a county administrator sees their county's
/// figures, clicks down the tree, and is refused every other county; the bars carry the table's own shares; every
/// download starts with its table's header and guards formula-like cells.
@Suite struct TrainingDashboardTests {
    /// The `<div class="report" id="…">` block of a page, up to the next report block or section end.
    static func block(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "<div class=\"report\" id=\"\(id)\">") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<div class=\"report\"")?.lowerBound ?? rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The body rows of the block's table, each as its cells' text (links removed).
    static func rows(_ block: String) throws -> [[String]] {
        guard let body = block.range(of: "<tbody>"), let bodyEnd = block.range(of: "</tbody>") else { return [] }
        let rowPattern = try Regex(#"<tr[^>]*>(.*?)</tr>"#)
        let cellPattern = try Regex(#"<td[^>]*>(.*?)</td>"#)
        let tagPattern = try Regex(#"<[^>]+>"#)
        return String(block[body.upperBound..<bodyEnd.lowerBound]).matches(of: rowPattern).map { row in
            String(row.output[1].substring ?? "").matches(of: cellPattern).map {
                String($0.output[1].substring ?? "").replacing(tagPattern, with: "")
            }
        }
    }

    static func columns(_ block: String) throws -> [String] {
        try block.matches(of: Regex(#"<th(?: [^>]*)?>(.*?)</th>"#)).map { String($0.output[1].substring ?? "") }
    }

    static func barValues(_ block: String) throws -> [String] {
        try block.matches(of: Regex(#"<g class="bar" data-value="([^"]*)""#)).map { String($0.output[1].substring ?? "") }
    }

    /// `85.3%` → 85.3; the dash of an undefined share → 0, as its bar is drawn.
    static func share(_ cell: String) -> Double? {
        cell == "—" ? 0 : Double(cell.hasSuffix("%") ? String(cell.dropLast()) : cell)
    }

    @Test("Given a county administrator, then the dashboard shows the county's figures by child unit, links down the tree and back up")
    func dashboardForACountyAdministrator() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let coverage = try await app.database.coverageReport(unit: anchors.county, for: op)
        let halfYear = try await app.database.halfYearReport(unit: anchors.county, for: op)
        let composition = try await app.database.compositionReport(unit: anchors.county, for: op)
        let ratings = try await app.database.ratingReport(unit: anchors.county, for: op)
        #expect(!ratings.byKind.rows.isEmpty && !ratings.byTrainer.rows.isEmpty)
        let children = try await app.database.units(parent: anchors.county, for: op)
        #expect(!children.isEmpty)
        try await app.run { client in
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/training/dashboard", session: county)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("培训统计 · \(coverage.unit.name)"))
            for section in ["覆盖率", "半年培训", "培训标准达标", "人员结构", "每月培训出勤", "培训评估"] { #expect(html.contains(section), "\(section)") }
            // The county's own figures, cell for cell, in the coverage, half-year and composition tables.
            for (id, table) in [
                ("coverage-table", coverage.table), ("half-year-table", halfYear.table), ("composition-table", composition.table),
                ("ratings-kind-table", ratings.byKind),
            ] {
                let block = try #require(Self.block(html, id: id), "\(id)")
                #expect(try Self.columns(block) == table.columns, "\(id)")
                #expect(try Self.rows(block) == table.rows, "\(id)")
            }
            // Every child unit links down the tree.
            for child in children {
                #expect(html.contains("href=\"/training/dashboard?unit=\(child.code)\""), "\(child.name)")
            }
            #expect(html.contains("href=\"/training/reports/coverage.csv?unit=\(anchors.county)\""))
            #expect(html.contains("<svg") && html.contains("class=\"chart line-chart\""))
            for pattern in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(", "@import"] {
                #expect(!html.contains(pattern), "no external resources: \(pattern)")
            }

            // One step down: the town's figures, a breadcrumb back to the county.
            let town = children[0]
            let down = try await client.request(.get, "/training/dashboard?unit=\(town.code)", session: county)
            #expect(down.status == .ok)
            #expect(down.text.contains("培训统计 · \(town.name)"))
            #expect(down.text.contains("<a href=\"/training/dashboard?unit=\(anchors.county)\">\(coverage.unit.name)</a> ›"))
            let townCoverage = try await app.database.coverageReport(unit: town.code, for: op)
            #expect(try Self.rows(try #require(Self.block(down.text, id: "coverage-table"))) == townCoverage.table.rows)

            // The session list links to the dashboard; the nav shows 培训.
            let list = try await client.request(.get, "/training", session: county)
            #expect(list.text.contains("href=\"/training/dashboard\""))
            #expect(down.text.contains("<a href=\"/training\" aria-current=\"page\">培训</a>"))
        }
    }

    @Test("Given the bar charts, then each bar's data-value is the share cell of its row in the table beside it")
    func barsCarryTheTablesShares() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let admin = try await client.logIn("admin")
            for path in ["/training/dashboard", "/training/dashboard?unit=\(try await app.anchors().county)"] {
                let html = try await client.request(.get, path, session: admin).text
                for (id, column) in [("coverage-table", "覆盖率"), ("half-year-table", "达标率"), ("curriculum-table", "达标率"), ("composition-table", "占比")] {
                    let block = try #require(Self.block(html, id: id), "\(id)")
                    let index = try #require(try Self.columns(block).firstIndex(of: column), "\(id) \(column)")
                    let rows = try Self.rows(block).dropLast()  // the 合计 line has no bar
                    let bars = try Self.barValues(block)
                    #expect(!bars.isEmpty, "\(path) \(id)")
                    #expect(bars.count == rows.count, "\(path) \(id)")
                    for (bar, row) in zip(bars, rows) {
                        #expect(Double(bar) == Self.share(row[index]), "\(path) \(id): bar \(bar) beside \(row[index])")
                    }
                }
            }
        }
    }

    @Test("Given a county administrator, then another county's dashboard, reports and downloads answer 404, and staff are refused")
    func outsideTheCountyIsNotFound() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let outside = anchors.outsideUnit
        try await app.run { client in
            let county = try await client.logIn("county")
            var uris = ["/training/dashboard?unit=\(outside)"]
            uris += TrainingReportsController.Export.allCases.map { "/training/reports/\($0.rawValue).csv?unit=\(outside)" }
            uris += ["coverage", "half-year", "composition", "curriculum"].map { "/api/v1/training/reports/\($0)?unit=\(outside)" }
            for uri in uris {
                let response = try await client.request(.get, uri, session: county)
                #expect(response.status == .notFound, "\(uri) answered \(response.status)")
                #expect(!response.text.contains("合计"), "\(uri)")
            }
            // Their own county: every download and report is there.
            for uri in uris.map({ $0.replacingOccurrences(of: outside, with: anchors.county) }) {
                #expect(try await client.request(.get, uri, session: county).status == .ok, "\(uri)")
            }
            #expect(try await client.request(.get, "/training/reports/nothing.csv", session: county).status == .notFound)
            #expect(try await client.request(.get, "/training/reports/coverage", session: county).status == .notFound)
            let staff = try await client.logIn("staff")
            for uri in ["/training/dashboard", "/training/reports/coverage.csv", "/api/v1/training/reports/coverage", "/training/plan"] {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "\(uri)")
            }
            // Parsing refusals are 400 with a Chinese message.
            let badDay = try await client.request(.get, "/api/v1/training/reports/coverage?on=2026-02-30", session: county)
            #expect(badDay.status == .badRequest && badDay.text.contains("日期"))
            let badHalf = try await client.request(.get, "/api/v1/training/reports/half-year?half=2026-H3", session: county)
            #expect(badHalf.status == .badRequest && badHalf.text.contains("半年"))
        }
    }

    @Test("Given the downloads, then each starts with a BOM and its table's header, and a formula-like name is guarded")
    func downloadsAreTheTablesAndGuarded() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let town = try #require(try await app.database.units(parent: anchors.county, for: op).first)
        try await app.database.writer.write { db in
            try db.execute(sql: "UPDATE unit SET name = '=HYPERLINK(\"http://x\")' WHERE code = ?", arguments: [town.code])
        }
        let coverage = try await app.database.coverageReport(unit: anchors.county, for: op)
        let halfYear = try await app.database.halfYearReport(unit: anchors.county, for: op)
        let composition = try await app.database.compositionReport(unit: anchors.county, for: op)
        let curriculum = try await app.database.curriculumReport(unit: anchors.county, for: op)
        let series = try await app.database.attendanceSeries(unit: anchors.county, for: op)
        let ratings = try await app.database.ratingReport(unit: anchors.county, for: op)
        let tables: [(String, ReportTable)] = [
            ("coverage", coverage.table), ("coverage-people", coverage.uncoveredTable), ("half-year", halfYear.table),
            ("half-year-units", halfYear.nonCompliantTable), ("half-year-warnings", halfYear.warningTable), ("composition", composition.table),
            ("composition-flagged", composition.flaggedTable), ("curriculum", curriculum.table), ("curriculum-people", curriculum.peopleTable),
            ("attendance", series.table), ("ratings-kind", ratings.byKind), ("ratings-trainer", ratings.byTrainer),
            ("ratings-session", ratings.bySession),
        ]
        #expect(Set(tables.map(\.0)) == Set(TrainingReportsController.Export.allCases.map(\.rawValue)))
        #expect(curriculum.peopleTable.columns.contains("已修学时"), "each person's 学时 this cycle")
        try await app.run { client in
            let county = try await client.logIn("county")
            for (name, table) in tables {
                let response = try await client.request(.get, "/training/reports/\(name).csv?unit=\(anchors.county)", session: county)
                #expect(response.status == .ok, "\(name)")
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"training-\(name)-\(anchors.county).csv\"")
                let bytes = Data(buffer: response.body)
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name)")
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.hasPrefix(table.columns.joined(separator: ",") + "\r\n"), "\(name): \(text.prefix(80))")
                #expect(text.components(separatedBy: "\r\n").count == table.rows.count + 2, "\(name)")
            }
            let csv = try await client.request(.get, "/training/reports/coverage.csv?unit=\(anchors.county)", session: county).text
            #expect(csv.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\")\","), "\(csv)")
            #expect(!csv.contains("\r\n=HYPERLINK"))
            // The page escapes it as text.
            let page = try await client.request(.get, "/training/dashboard", session: county).text
            #expect(page.contains("=HYPERLINK(&quot;http://x&quot;)") || page.contains("=HYPERLINK(&#34;http://x&#34;)"))
        }
    }

    @Test("Given the report API, then each report is the store's typed report")
    func reportAPI() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        try await app.run { client in
            let county = try await client.logIn("county")
            let coverage = try await client.request(.get, "/api/v1/training/reports/coverage", session: county).json(CoverageReport.self)
            #expect(coverage == (try await app.database.coverageReport(unit: anchors.county, on: coverage.today, for: op)))
            let half = try await client.request(.get, "/api/v1/training/reports/half-year?half=2026-H1&on=2026-12-01", session: county)
                .json(HalfYearReport.self)
            #expect(half.halfYear == HalfYear(year: 2026, half: 1) && half.today == CivilDate(year: 2026, month: 12, day: 1))
            #expect(half == (try await app.database.halfYearReport(unit: anchors.county, halfYear: half.halfYear, on: half.today, for: op)))
            let composition = try await client.request(.get, "/api/v1/training/reports/composition?unit=\(anchors.county)", session: county)
                .json(CompositionReport.self)
            #expect(composition.unit.code == anchors.county)
            let curriculum = try await client.request(.get, "/api/v1/training/reports/curriculum", session: county).json(CurriculumReport.self)
            #expect(curriculum.unit.code == anchors.county && curriculum.peopleTable.columns.contains("已修学时"))
        }
    }

    @Test("Given attendance, then the monthly series counts attended person-days of the subtree, by the unit on the day")
    func attendanceSeries() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let series = try await app.database.attendanceSeries(unit: anchors.county, for: op)
        #expect(series.months.count == 12)
        let today = ChinaTime.civilDate(of: Date())
        #expect(series.months.last?.month == String(today.description.prefix(7)))
        let expected = try await app.database.reader.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM trainingAttendance ta JOIN unit u ON u.code = ta.unitCode
                    WHERE ta.status = 'attended' AND ta.day >= ? AND ta.day <= ? AND u.path LIKE (SELECT path FROM unit WHERE code = ?) || '%'
                    """, arguments: [series.months[0].month + "-01", today.description, anchors.county]) ?? 0
        }
        #expect(series.months.reduce(0) { $0 + $1.personDays } == expected)
        #expect(expected > 0, "the demo has attendance in the last year")
        let whole = try await app.database.attendanceSeries(for: op)
        #expect(whole.months.reduce(0) { $0 + $1.personDays } >= expected)
        await #expect(throws: LianbingError.self) { try await app.database.attendanceSeries(months: 0, for: op) }
    }
}
