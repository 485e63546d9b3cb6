import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Where a request comes from, as login throttling, attempt visits and every per-address limit must see it.
public enum ClientAddress {
    /// The socket's address; behind `--trusted-proxy`, the address that proxy reports.
    ///
    /// Only the right-most `X-Forwarded-For` entry is taken, because it is the one the trusted proxy appended
    /// itself; everything to its left came from the client and may be invented. A header from any other socket is
    /// ignored for the same reason, as is an entry that is not an IP address.
    public static func effective(socket: String?, forwardedFor: [String], trustedProxy: String?) -> String? {
        guard let trustedProxy, let socket, canonical(socket) == canonical(trustedProxy),
            let appended = forwardedFor.last?.split(separator: ",").last,
            let address = canonical(appended.trimmingCharacters(in: .whitespaces))
        else { return socket }
        return address
    }

    /// One spelling per address, or `nil` if `text` is no IPv4 or IPv6 literal. A dual-stack listener sees IPv4
    /// peers as `::ffff:a.b.c.d`, which must match an operator's `a.b.c.d`.
    public static func canonical(_ text: String) -> String? {
        guard let address = try? SocketAddress(ipAddress: text, port: 0).ipAddress else { return nil }
        let mapped = "::ffff:"
        if address.hasPrefix(mapped), let v4 = try? SocketAddress(ipAddress: String(address.dropFirst(mapped.count)), port: 0), v4.protocol == .inet {
            return v4.ipAddress
        }
        return address
    }
}

/// Replaces the context's socket address with `ClientAddress.effective` once, so that everything after it,
/// controllers included, reads the client's address from `context.remoteAddress` alone.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    let trustedProxy: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard trustedProxy != nil else { return try await next(request, context) }
        var context = context
        context.remoteAddress = ClientAddress.effective(
            socket: context.remoteAddress, forwardedFor: request.headers[values: Self.forwardedFor], trustedProxy: trustedProxy)
        return try await next(request, context)
    }
}
