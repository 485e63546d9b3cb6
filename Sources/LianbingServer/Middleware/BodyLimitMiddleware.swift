import Hummingbird
import LianbingCore

/// Refuses an oversized body from its declared length before reading any of it; bodies without a length
/// are held to the same limit through `maxUploadSize` when collected.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limit: Int

    /// Routes whose bodies have their own limit, whatever `limit` is: a scanned certificate (`PUT
    /// /api/v1/national-qualifications/{id}/scan`) may be up to `ScanFormat.maxBytes` (5 MB).
    static func routeLimit(_ request: Request) -> Int? {
        let path = request.uri.path
        if request.method == .put, path.hasPrefix("/api/v1/national-qualifications/"), path.hasSuffix("/scan") { return ScanFormat.maxBytes }
        return nil
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = Self.routeLimit(request) ?? limit
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw HTTPError(.contentTooLarge)
        }
        var context = context
        context.maxUploadSize = limit
        return try await next(request, context)
    }
}
