import Foundation
import Hummingbird

/// Pages load nothing from anywhere but this server, and may not be framed.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \(Self.connectSource(request))frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        return response
    }

    /// The contests' live screens open a WebSocket to this same host. Older WebKit (Safari before 15.4, and the
    /// browsers inside messaging apps built on it) does not count `ws:`/`wss:` as `'self'`, so the host is named with
    /// both schemes — only when the Host header is a plain host name or address, which it is for every real browser.
    static func connectSource(_ request: Request) -> String {
        guard let host = request.head.authority, !host.isEmpty, host.count <= 255,
            host.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0)) })
        else { return "connect-src 'self'; " }
        return "connect-src 'self' ws://\(host) wss://\(host); "
    }
}
