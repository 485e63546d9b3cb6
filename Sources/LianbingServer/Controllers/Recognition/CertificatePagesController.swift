import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Certificates in the browser: administrators list, export and revoke those earned in their subtree; a holder
/// sees their own; each certificate prints on one A4 page with the QR code of its public verification address.
struct CertificatePagesController {
    let database: AppDatabase
    let pages: PageRenderer
    let publicURL: PublicURL?

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/certificates", use: listPage)
        router.get("/certificates.csv", use: csv)
        router.get("/certificates.xlsx", use: workbook)
        router.get("/certificates/:number", use: certificatePage)
        router.post("/certificates/:number/revoke", use: revoke)
        router.get("/my/certificates", use: myPage)
    }

    struct Row: Sendable {
        var number: String
        var holderName: String
        var staffNumber: String
        var unitName: String
        var qualification: String
        var issuedOn: String
        var expiresOn: String
        var status: String
        var inForce: Bool

        init(_ certificate: Certificate) {
            number = certificate.number
            holderName = certificate.holderName
            staffNumber = certificate.staffNumber
            unitName = certificate.unitName
            qualification = certificate.qualification
            issuedOn = certificate.issuedOn.description
            expiresOn = certificate.expiresOn.description
            status = certificate.status.label
            inForce = certificate.status == .valid
        }
    }

    struct StatusChoice: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ListContent {
        var rows: [Row]
        var total: Int
        var q: String
        var expiringWithin: String
        var statuses: [StatusChoice]
        var csv: String
        var workbook: String
        var pager: Pager
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let filter = try CertificatesController.filter(request)
        let page = try await database.certificates(filter, page: PageRequest(page: request.queryInt("page"), perPage: 50), by: principal)
        let query: [String: String?] = [
            "q": request.query("q"), "status": filter.status?.rawValue, "expiringWithin": filter.expiringWithinDays.map(String.init),
            "unit": filter.unit,
        ]
        let content = ListContent(
            rows: page.items.map(Row.init), total: page.total, q: filter.query ?? "", expiringWithin: filter.expiringWithinDays.map(String.init) ?? "",
            statuses: CertificateStatus.allCases.map { StatusChoice(value: $0.rawValue, label: $0.label, selected: $0 == filter.status) },
            csv: Pager.href("/certificates.csv", query: query), workbook: Pager.href("/certificates.xlsx", query: query), pager: Pager(page: page, path: "/certificates", query: query))
        return pages.render("certificates", title: "证书", path: "/certificates", session: context.session, content: content)
    }

    /// The same table as `lianbing cert export`.
    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let certificates = try await database.certificates(try CertificatesController.filter(request), by: principal)
        return TrainingReportsController.csvResponse(Certificate.table(certificates), filename: "certificates.csv")
    }

    /// The same table as an Excel workbook, every cell text so that codes keep their digits.
    @Sendable func workbook(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let certificates = try await database.certificates(try CertificatesController.filter(request), by: principal)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"certificates.xlsx\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: try WorkbookWriter.encode([Certificate.table(certificates)], exportedAt: database.clock()))))
    }

    struct CertificateContent {
        var certificate: Row
        var certificates: [PrintableCertificate]
        var revokedReason: String?
        var supersededBy: String?
        var canRevoke: Bool
        var missingPublicURL: Bool
        var error: String?
    }

    @Sendable func certificatePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderCertificate(context, number: try context.parameters.require("number"), error: nil, status: .ok)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let number = try context.parameters.require("number")
        let fields = try await FormFields.from(request, context: context)
        do {
            _ = try await database.revokeCertificate(number, reason: fields["reason"] ?? "", by: principal)
        } catch let error as LianbingError {
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            return try await renderCertificate(context, number: number, error: error.message, status: status)
        }
        return .redirect(to: "/certificates/\(number)", type: .normal)
    }

    private func renderCertificate(_ context: AppRequestContext, number: String, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.principal()
        let certificate = try await database.certificate(number, by: principal)
        let content = CertificateContent(
            certificate: Row(certificate), certificates: [Self.printable(certificate, publicURL: publicURL)], revokedReason: certificate.revokedReason,
            supersededBy: certificate.supersededBy, canRevoke: principal.has(.admin) && certificate.revokedAt == nil,
            missingPublicURL: publicURL == nil, error: error)
        return pages.render(
            "certificate-view", title: "证书 \(certificate.number)", path: principal.has(.admin) ? "/certificates" : "/my/certificates",
            session: context.session, content: content, status: status, styles: ["certificate.css"])
    }

    struct MyContent {
        var rows: [Row]
        /// The national qualifications section, for those with a staff record.
        var qualifications: MyQualificationsView?
    }

    @Sendable func myPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let rows = try await database.myCertificates(by: principal).map(Row.init)
        let qualifications = principal.staffNumber == nil ? nil : MyQualificationsView(
            rows: try await database.myNationalQualifications(by: principal).map(NationalQualificationPagesController.Row.init),
            levels: QualificationLevel.allCases.map(\.rawValue), today: ChinaTime.civilDate(of: database.clock()).description,
            maxMegabytes: ScanFormat.maxBytes / 1_048_576)
        return pages.render(
            "my-certificates", title: "我的证书", path: "/my/certificates", session: context.session,
            content: MyContent(rows: rows, qualifications: qualifications), scripts: qualifications == nil ? [] : ["qualification.js"])
    }

    /// The A4 certificate: who, what, by whom and until when, with the QR code of its verification address when the
    /// public address is known (without it the page warns rather than print a code that leads nowhere).
    static func printable(_ certificate: Certificate, publicURL: PublicURL?) -> PrintableCertificate {
        let verification = publicURL.flatMap { url -> PrintableCertificate.Verification? in
            let address = url.address("/verify/" + certificate.number)
            return (try? QRCode(encoding: address).svg(title: "证书查验二维码")).map { .init(qr: $0, address: address) }
        }
        return PrintableCertificate(
            title: "合格证书", recipient: certificate.holderName,
            body: "于\(CertificateDate.text(certificate.issuedOn))参加“\(certificate.examTitle)”，考核合格，特发此证。",
            distinction: certificate.qualification, issuer: certificate.issuerName, date: CertificateDate.text(certificate.issuedOn),
            number: certificate.number, validity: "有效期至\(CertificateDate.text(certificate.expiresOn))", verification: verification,
            note: "本证书证明持证人通过本系统组织的岗位考核，不是国家职业资格（退役军人事务员）证书。")
    }
}
