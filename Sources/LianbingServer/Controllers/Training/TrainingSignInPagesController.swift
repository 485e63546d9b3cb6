import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Signing in on the spot: the organiser's big screen shows a QR code and a six-digit code that change every minute,
/// and a member of staff opens the code's address on their phone (or types the code) and signs in.
struct TrainingSignInPagesController {
    let database: AppDatabase
    let pages: PageRenderer
    let gate: SignInGate
    /// Behind a TLS proxy: the QR code's address is `https`.
    let secure: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/training/:session/sign-in-screen", use: screen)
        router.get("/training/sign-in", use: signInPage)
        router.post("/training/sign-in", use: signIn)
    }

    struct ScreenContent {
        var session: TrainingSessionView
        var qr: String
        /// `123 456`, easier to read aloud and type.
        var code: String
        var link: String
        var changesAt: String
        var secondsLeft: Int
        var day: String?
        var windowCloses: String?
        var error: String?
    }

    /// Reloads itself when the code changes (a `refresh` computed from `changesAt`, so it works without scripts); the
    /// page's script only counts the seconds down.
    @Sendable func screen(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let session = try await database.trainingSession(try TrainingSessionsController.session(context), for: principal)
        let code: SignInCode
        do {
            code = try await database.signInCode(session.id, for: principal)
        } catch LianbingError.conflict(let message) {
            let content = ScreenContent(
                session: TrainingSessionView(session), qr: "", code: "", link: "", changesAt: "", secondsLeft: 0, day: nil, windowCloses: nil,
                error: message)
            return pages.render(
                "training-screen", title: "签到：\(session.title)", path: "/training", session: context.session, content: content, status: .conflict,
                styles: ["training.css"])
        }
        let link = SignInLink.url(session: session.id, code: code.code, request: request, secure: secure)
        let qr = (try? QRCode(encoding: link).svg(title: "签到二维码")) ?? ""
        let secondsLeft = max(1, Int(code.changesAt.timeIntervalSince(database.clock()).rounded(.up)))
        let content = ScreenContent(
            session: TrainingSessionView(session), qr: qr, code: String(code.code.prefix(3)) + " " + String(code.code.dropFirst(3)), link: link,
            changesAt: ISO8601DateFormatter().string(from: code.changesAt), secondsLeft: secondsLeft, day: code.day?.description,
            windowCloses: code.windowCloses?.chinaTime, error: nil)
        return pages.render(
            "training-screen", title: "签到：\(session.title)", path: "/training", session: context.session, content: content,
            styles: ["training.css"], scripts: ["training.js"], refresh: secondsLeft + 1)
    }

    struct OpenRow: Sendable {
        var sessionId: Int64
        var title: String
        var unitName: String
        var day: String
        var signedIn: Bool
        var chosen: Bool
    }

    struct Receipt: Sendable {
        var title: String
        var day: String
        var isWalkIn: Bool
    }

    struct SignInContent {
        var isStaff: Bool
        var open: [OpenRow]
        var code: String
        var session: String
        var receipt: Receipt?
        var error: String?
    }

    @Sendable func signInPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = request.query("session").flatMap { Int64($0) }
        return try await render(context: context, code: request.query("code") ?? "", session: session, receipt: nil, error: nil, status: .ok)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let fields = try await FormFields.from(request, context: context)
        let code = fields["code"] ?? ""
        let sessionText = (fields["session"] ?? "").trimmingCharacters(in: .whitespaces)
        let session = sessionText.isEmpty ? nil : Int64(sessionText)
        do {
            if !sessionText.isEmpty, session == nil { throw LianbingError.invalid("培训编号不正确，请重新扫码") }
            let receipt = try await gate.signIn(code: code, session: session, by: principal, address: context.remoteAddress)
            return try await render(
                context: context, code: "", session: nil,
                receipt: Receipt(title: receipt.title, day: receipt.day.description, isWalkIn: receipt.isWalkIn), error: nil, status: .ok)
        } catch let error as LianbingError {
            let status: HTTPResponse.Status
            switch error {
            case .invalid: status = .badRequest
            case .conflict: status = .conflict
            case .forbidden: status = .forbidden
            case .notFound: status = .notFound
            case .throttled(let seconds):
                var response = try await render(context: context, code: code, session: session, receipt: nil, error: error.message, status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            default: throw error
            }
            return try await render(context: context, code: code, session: session, receipt: nil, error: error.message, status: status)
        }
    }

    private func render(
        context: AppRequestContext, code: String, session: Int64?, receipt: Receipt?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal()
        let open = try await database.openSignIns(for: principal)
        let content = SignInContent(
            isStaff: principal.staffNumber != nil,
            open: open.map {
                OpenRow(sessionId: $0.sessionId, title: $0.title, unitName: $0.unitName, day: $0.day.description, signedIn: $0.signedIn, chosen: $0.sessionId == session)
            },
            code: String(code.filter(\.isNumber).prefix(6)), session: session.map(String.init) ?? "", receipt: receipt, error: error)
        return pages.render(
            "training-sign-in", title: "培训签到", path: "/my/training", session: context.session, content: content, status: status,
            styles: ["training.css"])
    }
}
