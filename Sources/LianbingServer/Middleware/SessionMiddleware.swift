import Hummingbird
import LianbingCore
import LianbingStore

/// Resolves the session cookie to a signed-in principal, and holds anyone with a generated password to
/// changing it before anything else.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "lb_session"
    let database: AppDatabase
    let policy: SessionPolicy

    /// What a person with a generated password may still reach.
    static let allowedBeforePasswordChange: Set<String> = [
        "/password", "/logout", "/api/v1/me", "/api/v1/me/password", "/api/v1/session", "/api/v1/openapi.json", "/healthz",
    ]

    /// Public addresses under these prefixes, reached by an unguessable link and holding nothing of the caller's: the
    /// projector's contest board. They answer without a login, and so for anyone who has one too.
    static let publicPrefixes = ["/api/v1/boards/", "/rate/"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty {
            context.session = try await database.session(token: String(token), policy: policy)
        }
        if let session = context.session, session.account.mustChangePassword,
            !Self.allowedBeforePasswordChange.contains(request.uri.path), !request.uri.path.hasPrefix("/assets/"),
            !Self.publicPrefixes.contains(where: { request.uri.path.hasPrefix($0) })
        {
            throw LianbingError.passwordChangeRequired
        }
        return try await next(request, context)
    }
}
