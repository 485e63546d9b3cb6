import Foundation
import HTTPTypes
import Hummingbird
import LianbingCore

/// Every state-changing request needs a signed-in session, and must carry the session's token, in the
/// `X-CSRF-Token` header (API) or the `_csrf` form field (HTML forms). The login form, which has no session
/// yet, is checked by its own double-submit cookie in `SessionController`.
///
/// Refusing anonymous requests here, before any handler reads its body, means an anonymous caller learns
/// nothing from how a body is parsed: a malformed one answers 401 like any other.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let formField = "_csrf"

    /// State-changing requests that need no session: signing in, and signing out (which must still clear the
    /// cookie of a session that has already expired).
    static let openWithoutSession: Set<String> = ["POST /api/v1/session", "POST /login", "DELETE /api/v1/session", "POST /logout"]

    /// Public forms that carry their own double-submit token and need no session, whoever is signed in on the browser:
    /// the satisfaction rating form (`RatingPublicController`).
    static let ownTokenPrefixes = ["/rate/"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if Self.ownTokenPrefixes.contains(where: { request.uri.path.hasPrefix($0) }) { return try await next(request, context) }
        guard let session = context.session else {
            guard Self.openWithoutSession.contains(request.method.rawValue + " " + request.uri.path) else { throw LianbingError.unauthenticated }
            return try await next(request, context)
        }
        var request = request
        var presented = request.headers[Self.header]
        if presented == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            presented = FormFields(String(buffer: body))[Self.formField]
        }
        guard let presented, Self.constantTimeEquals(presented, session.csrfToken) else {
            throw LianbingError.forbidden("请求缺少有效的安全令牌（CSRF），请刷新页面后重试")
        }
        return try await next(request, context)
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A parsed `application/x-www-form-urlencoded` body.
struct FormFields: Sendable {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let key = decode(parts[0])
            if values[key] == nil { values[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
    }

    subscript(_ key: String) -> String? { values[key] }

    /// A field that must be present and not blank.
    func required(_ key: String, _ label: String) throws -> String {
        guard let value = values[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw LianbingError.invalid("请填写\(label)")
        }
        return value
    }

    static func from(_ request: Request, context: AppRequestContext) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
    }
}
