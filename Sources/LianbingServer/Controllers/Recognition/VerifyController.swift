import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The public verification page: anyone holding a certificate number (or scanning its QR code) learns whether it
/// is valid, expired, revoked or superseded, with the holder's name masked, the qualification and the dates, and
/// nothing else. No login; lookups are limited per client address (`ServerSettings.verifyThrottle`), so the page cannot be used to walk
/// the number space: the check character already makes nine in ten guesses malformed, and the rest are slowed.
struct VerifyController {
    let database: AppDatabase
    let pages: PageRenderer
    let throttle: LoginThrottle

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/verify", use: form)
        router.get("/verify/:number", use: verify)
    }

    struct Result: Sendable {
        var number: String
        var maskedName: String
        var qualification: String
        var issuedOn: String
        var expiresOn: String
        var status: String
        var statusLabel: String
    }

    struct Content {
        var number: String
        var result: Result?
        var error: String?
    }

    /// The empty form, or a typed number sent on to its own address.
    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let typed = request.query("number")?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            guard let number = CertificateNumber(parsing: typed) else {
                return render(context, Content(number: String(typed.prefix(40)), error: Self.malformed), status: .badRequest)
            }
            return .redirect(to: "/verify/" + number.text, type: .normal)
        }
        return render(context, Content(number: ""), status: .ok)
    }

    @Sendable func verify(_ request: Request, context: AppRequestContext) async throws -> Response {
        let typed = String(try context.parameters.require("number").prefix(40))
        if let wait = await throttle.retryAfter(account: "verify", address: context.remoteAddress) {
            throw LianbingError.throttled(retryAfter: wait)
        }
        await throttle.recordFailure(account: "verify", address: context.remoteAddress)
        guard CertificateNumber(parsing: typed) != nil else {
            return render(context, Content(number: typed, error: Self.malformed), status: .badRequest)
        }
        guard let found = try await database.verifyCertificate(typed) else {
            return render(context, Content(number: typed, error: "查无此证书：请核对编号。"), status: .notFound)
        }
        let result = Result(
            number: found.number, maskedName: found.maskedName, qualification: found.qualification, issuedOn: found.issuedOn.description,
            expiresOn: found.expiresOn.description, status: found.status.rawValue, statusLabel: found.status.label)
        return render(context, Content(number: found.number, result: result), status: .ok)
    }

    static let malformed = "证书编号格式不对或校验位不符，请核对后重新输入（格式如 LB-2026-000001-X）。"

    private func render(_ context: AppRequestContext, _ content: Content, status: HTTPResponse.Status) -> Response {
        pages.render("verify", title: "证书查验", path: "/verify", session: context.session, content: content, status: status)
    }
}
