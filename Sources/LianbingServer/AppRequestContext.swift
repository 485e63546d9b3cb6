import Hummingbird
import HummingbirdWebSocket
import LianbingCore
import LianbingStore
import Logging
import NIOCore

/// Per-request state: who is signed in, and from where.
public struct AppRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Where a WebSocket route leaves its handler for the upgrade (the contests' live screens).
    public let webSocket = WebSocketHandlerReference<Self>()
    /// The client's address: the socket's, or with `ServerSettings.trustedProxy` the one that proxy reports
    /// (set by `ClientAddressMiddleware`, ahead of everything that reads it).
    public internal(set) var remoteAddress: String?
    /// Set by `SessionMiddleware` when the request carries a live session cookie.
    public var session: SessionInfo?
    /// The body-size limit; `ServerSettings.maxBodySize` overrides Hummingbird's default through `BodyLimitMiddleware`.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        session = nil
        maxUploadSize = ServerSettings.defaultMaxBodySize
    }

    /// The signed-in principal, or `.unauthenticated`.
    public func principal() throws -> Principal {
        guard let session else { throw LianbingError.unauthenticated }
        return session.principal
    }

    /// The signed-in principal if it holds `role`, else `.forbidden`.
    public func principal(_ role: Role) throws -> Principal {
        let principal = try principal()
        guard principal.has(role) else { throw LianbingError.forbidden("需要\(role.displayName)权限") }
        return principal
    }
}
