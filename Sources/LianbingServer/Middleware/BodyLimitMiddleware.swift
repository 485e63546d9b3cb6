import Hummingbird
import LianbingCore

/// Holds every read of a body to the general limit, `ServerSettings.maxBodySize`, through `maxUploadSize`.
///
/// Nothing is refused here from the declared length alone: an upload route raises the limit for itself
/// (`UploadLimitMiddleware`) only after this has run. A body over the limit is refused when read, and the server
/// drains an unread body either way, so refusing earlier would save nothing.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = limit
        return try await BodyTooLarge.naming(limit, upload: false) { try await next(request, context) }
    }
}

/// A body over its route's limit (413), with the limit in the message so the page can say what fits.
struct BodyTooLarge: Error {
    let limit: Int
    let upload: Bool

    var message: String { upload ? "文件超过上传上限 \(Self.size(limit))" : "提交的内容超过上限 \(Self.size(limit))" }

    /// `bytes` as people write limits: 20 MB, 64 KB.
    static func size(_ bytes: Int) -> String {
        if bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MB" }
        if bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
        return "\(bytes) 字节"
    }

    /// Runs `body`, turning the framework's bare 413 (a body read past `maxUploadSize`) into one naming `limit`.
    static func naming<T>(_ limit: Int, upload: Bool, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw BodyTooLarge(limit: limit, upload: upload)
        }
    }
}
