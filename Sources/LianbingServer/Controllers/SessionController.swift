import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Signing in and out, the current user, and changing one's own password — as JSON and as HTML forms.
struct SessionController {
    let database: AppDatabase
    let pages: PageRenderer
    let throttle: LoginThrottle
    let settings: ServerSettings

    /// The login form has no session to hold its CSRF token, so the token also rides in this cookie
    /// (double submit): a cross-site form cannot read it to copy it into the body.
    static let loginCookie = "lb_login"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/session", use: apiLogIn)
        router.delete("/api/v1/session", use: apiLogOut)
        router.get("/api/v1/me", use: apiMe)
        router.post("/api/v1/me/password", use: apiChangePassword)
        router.get("/login", use: loginPage)
        router.post("/login", use: formLogIn)
        router.post("/logout", use: formLogOut)
        router.get("/password", use: passwordPage)
        router.post("/password", use: formChangePassword)
    }

    // MARK: JSON

    struct Credentials: Decodable {
        var username: String
        var password: String
    }

    struct PasswordChange: Decodable {
        var currentPassword: String
        var newPassword: String
    }

    @Sendable func apiLogIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let credentials = try await request.decodeJSON(Credentials.self, context: context)
        let opened = try await logIn(credentials.username, credentials.password, request: request, context: context)
        var response = try JSONBody(try await me(opened.session)).response(from: request, context: context)
        response.setCookie(sessionCookie(opened.token))
        return response
    }

    @Sendable func apiLogOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await database.endSession(token: String(token)) }
        var response = Response(status: .noContent)
        response.setCookie(sessionCookie("", expired: true))
        return response
    }

    @Sendable func apiMe(_ request: Request, context: AppRequestContext) async throws -> JSONBody<MeJSON> {
        guard let session = context.session else { throw LianbingError.unauthenticated }
        return JSONBody(try await me(session))
    }

    @Sendable func apiChangePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let change = try await request.decodeJSON(PasswordChange.self, context: context)
        try await changePassword(current: change.currentPassword, new: change.newPassword, session: session, context: context)
        return Response(status: .noContent)
    }

    // MARK: HTML

    struct LoginContent {
        var csrf: String
        var username: String
        var error: String?
        var next: String
    }

    @Sendable func loginPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.session != nil { return .redirect(to: "/", type: .found) }
        return renderLogin(request: request, username: "", error: nil, status: .ok)
    }

    @Sendable func formLogIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.from(request, context: context)
        let username = form["username"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let cookie = request.cookies[Self.loginCookie]?.value, let field = form[CSRFMiddleware.formField],
            CSRFMiddleware.constantTimeEquals(String(cookie), field)
        else {
            return renderLogin(request: request, username: username, error: "页面已过期，请重新登录", status: .forbidden)
        }
        do {
            let opened = try await logIn(username, form["password"] ?? "", request: request, context: context)
            var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
            response.setCookie(sessionCookie(opened.token))
            return response
        } catch LianbingError.unauthenticated {
            return renderLogin(request: request, username: username, error: "用户名或密码不正确", status: .unauthorized)
        } catch LianbingError.throttled(let seconds) {
            var response = renderLogin(request: request, username: username, error: LianbingError.throttled(retryAfter: seconds).message, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func formLogOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await database.endSession(token: String(token)) }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(sessionCookie("", expired: true))
        return response
    }

    struct PasswordContent {
        var forced: Bool
        var error: String?
        var done: Bool
    }

    @Sendable func passwordPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let content = PasswordContent(forced: session.account.mustChangePassword, error: nil, done: request.query("done") != nil)
        return pages.render("password", title: "修改密码", path: "/password", session: session, content: content)
    }

    @Sendable func formChangePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let form = try await FormFields.from(request, context: context)
        let new = form["new_password"] ?? ""
        func page(_ error: String, _ status: HTTPResponse.Status) -> Response {
            let content = PasswordContent(forced: session.account.mustChangePassword, error: error, done: false)
            return pages.render("password", title: "修改密码", path: "/password", session: session, content: content, status: status)
        }
        do {
            guard new == form["confirm_password"] else { throw LianbingError.invalid("两次输入的新密码不一致") }
            try await changePassword(current: form["current_password"] ?? "", new: new, session: session, context: context)
        } catch LianbingError.invalid(let reason) {
            return page(reason, .badRequest)
        } catch LianbingError.throttled(let seconds) {
            var response = page(LianbingError.throttled(retryAfter: seconds).message, .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        // Back to this page either way, to say it worked: a forced change used to land on the home page unannounced.
        return .redirect(to: "/password?done=1", type: .normal)
    }

    // MARK: Shared

    private func session(_ context: AppRequestContext) throws -> SessionInfo {
        guard let session = context.session else { throw LianbingError.unauthenticated }
        return session
    }

    /// One path for both forms of login, so throttling and auditing cannot differ between them.
    private func logIn(_ username: String, _ password: String, request: Request, context: AppRequestContext) async throws -> NewSession {
        // Counted against the account the name finds, not the text typed: `COUNTY` and `county` are one account
        // and must share one budget. A name that finds nothing (including one no account could have) is counted
        // under its own spelling, so it answers exactly as an unknown account does.
        let account = try await database.accountUsername(typed: username) ?? username
        let address = context.remoteAddress
        let opened = try await throttled(account: account, address: address) {
            try await database.logIn(username: username, password: password, address: address, userAgent: request.headers[.userAgent])
        } failed: { error in
            guard error == .unauthenticated else { return false }
            context.logger.notice("login failed", metadata: ["user": "\(username.debugDescription)"])
            return true
        }
        context.logger.info("login", metadata: ["user": "\(opened.session.account.username)"])
        return opened
    }

    /// Guessing the current password through a stolen or unattended session counts as guessing a login.
    private func changePassword(current: String, new: String, session: SessionInfo, context: AppRequestContext) async throws {
        try await throttled(account: session.account.username, address: context.remoteAddress) {
            try await database.changeOwnPassword(current: current, new: new, by: session.principal, keepingSession: session.tokenHash)
        } failed: { error in
            error == AppDatabase.wrongCurrentPassword
        }
    }

    /// Runs a password check under `throttle`: refused while the account, the address or the pair is over its
    /// limit; a failure (as `failed` judges the error) counted; success clearing the pair's count.
    private func throttled<T>(
        account: String, address: String?, _ check: () async throws -> T, failed: (LianbingError) -> Bool
    ) async throws -> T {
        if let wait = await throttle.retryAfter(account: account, address: address) {
            throw LianbingError.throttled(retryAfter: wait)
        }
        do {
            let result = try await check()
            await throttle.recordSuccess(account: account, address: address)
            return result
        } catch let error as LianbingError where failed(error) {
            await throttle.recordFailure(account: account, address: address)
            throw error
        }
    }

    private func me(_ session: SessionInfo) async throws -> MeJSON {
        let unit = try await database.scopeRoot(for: session.principal)
        let account = session.account
        return MeJSON(
            username: account.username, role: account.role, roleName: account.role.displayName, unit: UnitJSON(unit),
            staffNumber: account.staffNumber, name: try await database.personName(of: session.principal),
            mustChangePassword: account.mustChangePassword, csrfToken: session.csrfToken)
    }

    private func renderLogin(request: Request, username: String, error: String?, status: HTTPResponse.Status) -> Response {
        let token = AppDatabase.randomToken()
        let content = LoginContent(csrf: token, username: username, error: error, next: Self.safeNext(request.query("next")))
        var response = pages.render("login", title: "登录", session: nil, content: content, status: status)
        response.setCookie(Cookie(name: Self.loginCookie, value: token, path: "/login", secure: settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func sessionCookie(_ token: String, expired: Bool = false) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: token, maxAge: expired ? 0 : nil, path: "/", secure: settings.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    /// Only same-site paths: a `next` pointing elsewhere would make the login page an open redirect.
    ///
    /// Browsers read `//host`, `/\host` and, because they drop tabs and line breaks from URLs, `/\t/host` as
    /// another site, and some decode percent escapes first; so the value must be a path both as given and once
    /// decoded: one `/`, then neither `/` nor `\`, and nothing invisible anywhere. Anything else is `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, let decoded = next.removingPercentEncoding, isPlainPath(next), isPlainPath(decoded) else { return "/" }
        return next
    }

    private static func isPlainPath(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars[0] == "/", scalars[1] != "/" else { return false }
        return !scalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: true
            default: scalar == "\\" || scalar.properties.isWhitespace
            }
        }
    }
}
