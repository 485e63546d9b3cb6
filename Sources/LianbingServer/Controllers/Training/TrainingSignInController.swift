import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Signing in with a code, as JSON: the organiser's screen fetches the current code (it changes every minute), and a
/// member of staff sends it back from their phone. Wrong codes are throttled (`SignInGate`).
struct TrainingSignInController {
    let database: AppDatabase
    let gate: SignInGate
    /// Behind a TLS proxy: the QR code's address is `https`.
    let secure: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/training/sessions/:session/sign-in-code", use: code)
        router.post("/api/v1/training/sign-in", use: signIn)
    }

    @Sendable func code(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SignInCodeJSON> {
        let code = try await database.signInCode(try TrainingSessionsController.session(context), for: try context.principal(.trainer))
        return JSONBody(SignInCodeJSON(
            sessionId: code.sessionId, code: code.code, changesAt: code.changesAt, day: code.day, windowCloses: code.windowCloses,
            url: SignInLink.url(session: code.sessionId, code: code.code, request: request, secure: secure)))
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SignInReceipt> {
        let principal = try context.principal()
        let body = try await request.decodeJSON(SignInRequest.self, context: context)
        let receipt = try await gate.signIn(code: body.code, session: body.session, by: principal, address: context.remoteAddress)
        return JSONBody(receipt, status: .created)
    }
}
