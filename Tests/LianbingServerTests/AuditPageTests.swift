import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

@Suite struct AuditPageTests {
    @Test("Given a county administrator, then the log page, its CSV and the API show their subtree's actions; a trainer is refused")
    func countyReadsItsOwnLog() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let candidate = try #require(try await app.database.progress(ofExam: exam.id, by: op).first?.staffNumber)
        try await app.run { client in
            let county = try await client.logIn("county")
            let extended = try await client.request(
                .post, "/api/v1/exams/\(exam.id)/candidates/\(candidate)/override", session: county, json: #"{"extraMinutes":5}"#)
            #expect(extended.status == .noContent)
            let page = try await client.request(.get, "/audit?action=exam.", session: county)
            #expect(page.status == .ok && page.text.contains("操作日志") && page.text.contains("exam.override") && page.text.contains("延长 5 分钟"))
            #expect(page.text.contains("href=\"/audit.csv?action=exam.\"") && page.text.contains("href=\"/audit.xlsx?action=exam.\""))
            // The workbook twin: the time a date cell (not text, not a number), the rest text.
            let book = try WorkbookDownload(try await client.request(.get, "/audit.xlsx?action=exam.override", session: county), filename: "audit.xlsx")
            #expect(book.rows.count == 2 && book.rows[0] == ["时间", "操作人", "操作", "对象", "详情"] && book.numberColumns[1].isEmpty)
            #expect(ChinaTime.parse(book.rows[1][0]) != nil && book.rows[1][1...3] == ["county", "exam.override", "考试 \(exam.id) 考生 \(candidate)"])
            let csv = try await client.request(.get, "/audit.csv?action=exam.override", session: county)
            #expect(Data(buffer: csv.body).starts(with: [0xEF, 0xBB, 0xBF]) && csv.text.contains("时间,操作人,操作,对象,详情"))
            #expect(csv.text.contains(",county,exam.override,考试 \(exam.id) 考生 \(candidate),延长 5 分钟"))
            let api = try await client.request(.get, "/api/v1/audit?action=exam.override", session: county).json(Page<AuditEntry>.self)
            #expect(api.total == 1 && api.items[0].actor == "county")
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/audit", session: trainer).status == .forbidden)
            #expect(try await client.request(.get, "/api/v1/audit", session: trainer).status == .forbidden)
        }
    }
}
