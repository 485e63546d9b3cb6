import Hummingbird
import LianbingCore

/// How large a file may be on a route whose body is the file itself, whatever the general limit (`--max-body-kb`).
struct UploadLimit: Sendable {
    let bytes: Int

    /// Table imports (CSV or .xlsx), question-bank files and rosters.
    static let file = UploadLimit(bytes: 20 * 1024 * 1024)
    /// A scanned certificate (`ScanFormat.maxBytes`).
    static let scan = UploadLimit(bytes: ScanFormat.maxBytes)
}

extension RouterMethods where Context == AppRequestContext {
    /// Routes added through this take bodies up to `limit` instead of the general limit:
    /// `router.uploads(.file).post("/api/v1/…/import", use: importFile)`. Only for bodies read as they come (the file
    /// itself): a form body is read by `CSRFMiddleware` before this raises the limit.
    func uploads(_ limit: UploadLimit) -> RouterGroup<AppRequestContext> {
        group().add(middleware: UploadLimitMiddleware(limit: limit))
    }
}

/// Raises the body limit that `BodyLimitMiddleware` set, for the routes of one `uploads(_:)` group.
struct UploadLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limit: UploadLimit

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = limit.bytes
        return try await BodyTooLarge.naming(limit.bytes, upload: true) {
            if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit.bytes { throw HTTPError(.contentTooLarge) }
            return try await next(request, context)
        }
    }
}
