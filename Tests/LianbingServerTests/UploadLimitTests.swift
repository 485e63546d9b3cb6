import Foundation
import HTTPTypes
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import NIOCore
import Testing

/// Upload routes (`router.uploads(_:)`) take files up to their own limit, whatever the general one (64 KB in `TestApp`);
/// every other route keeps the general limit. A refusal names the limit that applies.
@Suite struct UploadLimitTests {
    struct Envelope: Decodable {
        struct Inner: Decodable { var code: String; var message: String }
        var error: Inner
    }

    @Test("Given a CSV file over the general limit but under the upload limit, when imported, then every row imports")
    func uploadRouteTakesMoreThanTheGeneralLimit() async throws {
        let fixture = try await TrainingFixture.make()
        let rows = (1...1_500).map { "上传专家\($0),\(fixture.county),业务骨干,政策法规,区退役军人服务中心科员," }
        let csv = Data(([ExpertCSV.header.joined(separator: ",")] + rows).joined(separator: "\n").utf8)
        #expect(csv.count > fixture.app.settings.maxBodySize)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let response = try await client.upload("/api/v1/experts/import", session: county, type: "text/csv", body: csv)
            #expect(response.status == .ok, "\(response.text.prefix(300))")
            #expect(try response.json(ExpertImportSummary.self).inserted == 1_500)
        }
    }

    @Test("Given a file over the upload limit, then 413 says the upload limit")
    func uploadRouteRefusesOverItsOwnLimit() async throws {
        let fixture = try await TrainingFixture.make()
        let big = Data(count: UploadLimit.file.bytes + 1)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let response = try await client.upload("/api/v1/experts/import", session: county, type: "text/csv", body: big)
            #expect(response.status == .contentTooLarge)
            let error = try response.json(Envelope.self).error
            #expect(error.code == "body_too_large")
            #expect(error.message == "文件超过上传上限 20 MB")
        }
    }

    @Test("Given a body over the general limit on a route that is not an upload, then 413 says the general limit")
    func otherRoutesKeepTheGeneralLimit() async throws {
        let fixture = try await TrainingFixture.make()
        let padding = String(repeating: "x", count: fixture.app.settings.maxBodySize)
        let json = Data(#"{"unitCode":"\#(fixture.county)","name":"超长专家","category":"backbone","affiliation":"\#(padding)"}"#.utf8)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let response = try await client.upload("/api/v1/experts", session: county, type: "application/json", body: json)
            #expect(response.status == .contentTooLarge)
            #expect(try response.json(Envelope.self).error.message == "提交的内容超过上限 64 KB")
        }
    }

    @Test func limitsAreWrittenAsPeopleWriteThem() {
        #expect(BodyTooLarge.size(2048 * 1024) == "2 MB")
        #expect(BodyTooLarge.size(1536) == "1536 字节")
        #expect(BodyTooLarge.size(1000 * 1024) == "1000 KB")
    }

    @Test("Given the import pages, then each sends a chosen CSV or .xlsx file to its upload route")
    func importPagesSendTheFile() async throws {
        let fixture = try await TrainingFixture.make()
        let session = try await fixture.publishedSession()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            for (page, route) in [
                ("/experts", "/api/v1/experts/import"), ("/training/\(session.id)", "/api/v1/training/sessions/\(session.id)/attendance/import"),
            ] {
                let html = try await client.request(.get, page, session: county).text
                #expect(html.contains("data-upload=\"\(route)\""), "\(page)")
                #expect(html.contains(#"accept=".csv,.xlsx" data-file"#), "\(page)")
                #expect(html.contains("/assets/upload.js"), "\(page)")
            }
        }
    }
}

extension Client {
    /// A raw body with its `Content-Type`, as `upload.js` sends a file (the test client declares its length).
    func upload(_ uri: String, session: Session, type: String, body: Data) async throws -> TestResponse {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .cookie, value: session.cookie))
        headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf
        headers[.contentType] = type
        return try await inner.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}
