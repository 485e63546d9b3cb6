import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// Certificates in the browser and the API: the administrator's list, export and revocation, the holder's A4
/// certificate with the QR code of its verification address, and the public verification page, which tells
/// anyone the status and nothing but the masked name, the qualification and the dates.
@Suite struct CertificatePagesTests {
    /// The demo after its released, certifying exam: some of the county passed and hold certificates.
    static func app(publicURL: String? = "https://lianbing.example.gov.cn/") async throws -> (TestApp, Certificate) {
        var app = try await TestApp.demoWithExams()
        app.settings.publicURL = try publicURL.map(PublicURL.init)
        let all = try await app.database.certificates(CertificateFilter(), by: try await app.database.operatorPrincipal())
        return (app, try #require(all.first, "the demo's released exam issued no certificate"))
    }

    @Test func theVerificationPageShowsTheStatusAndNothingElse() async throws {
        let (app, certificate) = try await Self.app()
        try await app.run { client in
            let page = try await client.request(.get, "/verify/\(certificate.number)")
            #expect(page.status == .ok)
            #expect(page.text.contains("有效") && page.text.contains(certificate.qualification))
            #expect(page.text.contains(HolderNameMask.mask(certificate.holderName)))
            #expect(page.text.contains(certificate.issuedOn.description) && page.text.contains(certificate.expiresOn.description))
            for secret in [certificate.holderName, certificate.staffNumber, certificate.unitName, certificate.examTitle] {
                #expect(!page.text.contains(secret), "the public page shows \(secret)")
            }
            // Lower case and without hyphens: the same certificate.
            let typed = certificate.number.lowercased().replacingOccurrences(of: "-", with: "")
            let redirect = try await client.request(.get, "/verify?number=\(typed)")
            #expect(redirect.status == .seeOther && redirect.headers[.location] == "/verify/\(certificate.number)")

            var typo = Array(certificate.number)
            typo[5] = typo[5] == "1" ? "2" : "1"
            let wrong = try await client.request(.get, "/verify/\(String(typo))")
            #expect(wrong.status == .badRequest && wrong.text.contains("校验位不符"))
            let unknown = try await client.request(.get, "/verify/\(CertificateScopeTests.nobodysNumber)")
            #expect(unknown.status == .notFound && unknown.text.contains("查无此证书"))
        }
    }

    @Test func theVerificationPageIsRateLimitedPerAddress() async throws {
        var (app, found) = try await Self.app()
        let certificate = found
        app.settings.verifyThrottle = LoginThrottle.Limits(perAccountAndAddress: 3, perAddress: 3, perAccount: .max, window: 60)
        try await app.run { client in
            for _ in 0..<3 { #expect(try await client.request(.get, "/verify/\(certificate.number)").status == .ok) }
            let refused = try await client.request(.get, "/verify/\(certificate.number)")
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
        }
    }

    @Test func theHolderPrintsTheCertificateWithTheQRCodeOfItsVerificationAddress() async throws {
        let (app, certificate) = try await Self.app()
        let username = try await app.database.reader.read { db in
            try String.fetchOne(db, sql: "SELECT username FROM account WHERE staffNumber = ?", arguments: [certificate.staffNumber])
        }
        try await app.run { client in
            let admin = try await client.logIn("county")
            let page = try await client.request(.get, "/certificates/\(certificate.number)", session: admin)
            #expect(page.status == .ok)
            let address = "https://lianbing.example.gov.cn/verify/\(certificate.number)"
            #expect(page.text.contains("合格证书") && page.text.contains(address))
            #expect(page.text.contains(try QRCode(encoding: address).svg(title: "证书查验二维码")))
            #expect(page.text.contains("不是国家职业资格"))
            if let username {
                let holder = try await client.logIn(username)
                #expect(try await client.request(.get, "/my/certificates", session: holder).text.contains(certificate.number))
                #expect(try await client.request(.get, "/certificates/\(certificate.number)", session: holder).status == .ok)
            }
            // Another member of staff cannot open it.
            let staff = try await client.logIn("staff")
            if username != "staff" {
                #expect(try await client.request(.get, "/certificates/\(certificate.number)", session: staff).status == .notFound)
            }
            #expect(try await client.request(.get, "/certificates", session: staff).status == .forbidden)
        }
    }

    @Test func withoutAPublicAddressThePageWarnsInsteadOfPrintingACode() async throws {
        let (app, certificate) = try await Self.app(publicURL: nil)
        try await app.run { client in
            let admin = try await client.logIn("county")
            let page = try await client.request(.get, "/certificates/\(certificate.number)", session: admin)
            #expect(page.status == .ok && page.text.contains("--public-url") && !page.text.contains("<svg"))
        }
    }

    @Test func theAdministratorListsExportsAndRevokes() async throws {
        let (app, certificate) = try await Self.app()
        try await app.run { client in
            let admin = try await client.logIn("county")
            let list = try await client.request(.get, "/certificates?status=valid", session: admin)
            #expect(list.status == .ok && list.text.contains(certificate.number))
            let csv = try await client.request(.get, "/certificates.csv", session: admin)
            #expect(csv.status == .ok && csv.text.contains("证书编号") && csv.text.contains(certificate.number))
            let workbook = try await client.request(.get, "/certificates.xlsx?status=valid", session: admin)
            #expect(workbook.status == .ok && workbook.headers[.contentType]?.hasSuffix("spreadsheetml.sheet") == true)
            #expect(Data(buffer: workbook.body).starts(with: [0x50, 0x4B, 0x03, 0x04]), "an .xlsx is a zip file")
            #expect(try await client.request(.get, "/certificates.xlsx", session: try await client.logIn("staff")).status == .forbidden)
            #expect(try await client.request(.get, "/certificates?expiringWithin=abc", session: admin).status == .badRequest)
            #expect(try await client.request(.get, "/api/v1/certificates?expiringWithin=99999", session: admin).status == .badRequest)
            let api = try await client.request(.get, "/api/v1/certificates?q=\(certificate.staffNumber)", session: admin)
            #expect(try api.json(PageJSON<CertificateJSON>.self).items.map(\.number).contains(certificate.number))

            let empty = try await client.request(.post, "/certificates/\(certificate.number)/revoke", session: admin, form: ["reason": " "])
            #expect(empty.status == .badRequest && empty.text.contains("撤销原因"))
            let revoked = try await client.request(.post, "/certificates/\(certificate.number)/revoke", session: admin, form: ["reason": "证书信息有误"])
            #expect(revoked.status == .seeOther)
            let verify = try await client.request(.get, "/verify/\(certificate.number)")
            #expect(verify.text.contains("已撤销") && !verify.text.contains("证书信息有误"))
            let again = try await client.request(.post, "/api/v1/certificates/\(certificate.number)/revoke", session: admin, json: #"{"reason":"再次"}"#)
            #expect(again.status == .conflict)
        }
    }
}
