import Foundation
import HTTPTypes
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import NIOCore
import Testing

/// National qualifications through the API and the pages: the staff member records one and uploads the scan; the
/// county administrator reviews it; the scan goes back only to them; uploads are held to 5 MB and to their content.
@Suite struct NationalQualificationPagesTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46])

    static let record = #"{"level":"四级/中级工","certificateNumber":"S-2024-0001","issuer":"广东省人力资源和社会保障厅","issuedOn":"2024-06-30"}"#

    @Test func staffRecordUploadAndTheCountyAdministratorAccepts() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let created = try await client.request(.post, "/api/v1/national-qualifications", session: staff, json: Self.record)
            #expect(created.status == .created, "\(created.text)")
            let record = try created.json(NationalQualificationJSON.self)
            #expect(record.status == "pending")
            #expect(!record.hasScan)

            // Larger than the server's general limit (64 KB here), within the scan route's 5 MB.
            var photo = Self.jpeg
            photo.append(Data(count: 200 * 1024))
            let uploaded = try await client.put("/api/v1/national-qualifications/\(record.id)/scan", session: staff, type: "image/jpeg", body: photo)
            #expect(uploaded.status == .ok, "\(uploaded.text)")
            #expect(try uploaded.json(NationalQualificationJSON.self).scanType == "image/jpeg")

            let own = try await client.request(.get, "/api/v1/national-qualifications/\(record.id)/scan", session: staff)
            #expect(own.status == .ok)
            #expect(Data(buffer: own.body) == photo)
            #expect(own.headers[.contentType] == "image/jpeg")
            #expect(own.headers[.contentDisposition]?.hasPrefix("inline; filename=\"qualification-") == true)
            #expect(own.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(try await client.request(.get, "/api/v1/my/national-qualifications", session: staff).json([NationalQualificationJSON].self).count == 1)

            // Staff may not list or review.
            #expect(try await client.request(.get, "/api/v1/national-qualifications", session: staff).status == .forbidden)
            #expect(try await client.request(.post, "/api/v1/national-qualifications/\(record.id)/accept", session: staff, json: "{}").status == .forbidden)
            // Nor may the trainer (no administrator) read someone's scan.
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/api/v1/national-qualifications/\(record.id)/scan", session: trainer).status == .notFound)
            #expect(try await client.request(.get, "/api/v1/national-qualifications/\(record.id)/scan").status == .unauthorized)

            let county = try await client.logIn("county")
            #expect(try await client.request(.get, "/api/v1/national-qualifications/\(record.id)/scan", session: county).status == .ok)
            let list = try await client.request(.get, "/national-qualifications", session: county)
            #expect(list.status == .ok)
            #expect(list.text.contains("S-2024-0001"))
            #expect(list.text.contains("/api/v1/national-qualifications/\(record.id)/scan"))
            let certificates = try await client.request(.get, "/certificates", session: county)
            #expect(certificates.text.contains("href=\"/national-qualifications\""))

            let refused = try await client.request(.post, "/national-qualifications/\(record.id)/reject", session: county, form: ["note": " "])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("审核意见"))
            let accepted = try await client.request(
                .post, "/national-qualifications/\(record.id)/accept", session: county, form: ["back": "/national-qualifications?status=all"])
            #expect(accepted.status == .seeOther || accepted.status == .found, "\(accepted.status)")
            #expect(accepted.headers[.location] == "/national-qualifications?status=all")
            let after = try await client.request(.get, "/api/v1/national-qualifications/\(record.id)", session: county).json(NationalQualificationJSON.self)
            #expect(after.status == "accepted")
            #expect(after.reviewedBy == "county")

            let page = try await client.request(.get, "/my/certificates", session: staff)
            #expect(page.text.contains("id=\"qualification-form\""))
            #expect(page.text.contains("/assets/qualification.js"))
            #expect(page.text.contains("已认可"))
        }
    }

    @Test func uploadsAreHeldToTheirLimitTypeAndContent() async throws {
        let app = try await TestApp.demo()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let id = try await client.request(.post, "/api/v1/national-qualifications", session: staff, json: Self.record)
                .json(NationalQualificationJSON.self).id
            let uri = "/api/v1/national-qualifications/\(id)/scan"
            var tooLarge = Self.pdf
            tooLarge.append(Data(count: ScanFormat.maxBytes))
            #expect(try await client.put(uri, session: staff, type: "application/pdf", body: tooLarge).status == .contentTooLarge)
            // Content that is not what it claims, or not a scan at all.
            let html = Data("<html><script>alert(1)</script>".utf8)
            #expect(try await client.put(uri, session: staff, type: "image/png", body: html).status == .badRequest)
            #expect(try await client.put(uri, session: staff, type: "image/png", body: Self.pdf).status == .badRequest)
            #expect(try await client.put(uri, session: staff, type: "text/html", body: html).status == .unsupportedMediaType)
            #expect(try await client.put(uri, session: staff, type: nil, body: Self.pdf).status == .unsupportedMediaType)
            // No CSRF token, no upload.
            #expect(try await client.put(uri, session: staff, type: "application/pdf", body: Self.pdf, csrf: false).status == .forbidden)
            #expect(try await client.request(.get, "/api/v1/national-qualifications/\(id)", session: staff).json(NationalQualificationJSON.self).hasScan == false)
            // A PDF is offered as a download.
            #expect(try await client.put(uri, session: staff, type: "application/pdf", body: Self.pdf).status == .ok)
            let scan = try await client.request(.get, uri, session: staff)
            #expect(scan.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            // Elsewhere the general limit still holds.
            let big = String(repeating: "x", count: 70 * 1024)
            let response = try await client.request(
                .post, "/api/v1/national-qualifications", session: staff, json: #"{"level":"四级","certificateNumber":"X","issuer":"\#(big)","issuedOn":"2024-01-01"}"#)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func aDuplicateNumberIsAConflictThatHidesAnotherCountysHolder() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let outside = try await app.outsideNationalQualification(staff: anchors.outsideStaff)
        let outsideName = try await app.database.nationalQualification(outside, by: try await app.database.operatorPrincipal()).holderName
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let body = #"{"level":"三级","certificateNumber":"outside-1","issuer":"某市人社局","issuedOn":"2022-05-01"}"#
            let response = try await client.request(.post, "/api/v1/national-qualifications", session: staff, json: body)
            #expect(response.status == .conflict)
            #expect(!response.text.contains(outsideName))
            #expect(!response.text.contains(anchors.outsideStaff))
            let county = try await client.logIn("county")
            let list = try await client.request(.get, "/api/v1/national-qualifications?status=pending", session: county)
                .json(PageJSON<NationalQualificationJSON>.self)
            #expect(!list.items.contains { $0.id == outside })
            #expect(try await client.request(.get, "/national-qualifications?status=all", session: county).text.contains("OUTSIDE-1") == false)
        }
    }
}

extension Client {
    /// A raw body (a scanned file) with its `Content-Type`, as `qualification.js` sends it.
    func put(_ uri: String, session: Session, type: String?, body: Data, csrf: Bool = true) async throws -> TestResponse {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .cookie, value: session.cookie))
        if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf }
        if let type { headers[.contentType] = type }
        headers[.contentLength] = String(body.count)
        return try await inner.execute(uri: uri, method: .put, headers: headers, body: ByteBuffer(bytes: body))
    }
}
