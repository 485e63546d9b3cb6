import Foundation
import Hummingbird
import LianbingCore
import Logging

/// Logs every request with its id and turns every error into a response: JSON under `/api/`, a Chinese page
/// elsewhere. Internal errors go to the log with the request id and never to the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = render(error, request: request, context: context)
        }
        response.headers[.init("X-Request-Id")!] = context.id
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        context.logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: ["ms": "\(Int(milliseconds.rounded()))"])
        return response
    }

    private func render(_ error: any Error, request: Request, context: Context) -> Response {
        let description: ErrorDescription
        if let known = ErrorDescription(error) {
            description = known
            context.logger.debug("request refused: \(known.code)")
        } else {
            context.logger.error("internal error: \(String(reflecting: error))")
            description = .internalError(requestID: context.id)
        }
        if request.uri.path.hasPrefix("/api/") {
            return JSONError(description).response()
        }
        switch description.code {
        case "unauthenticated":
            // A page opened by a link keeps its query through the login: a training QR code carries its session and code.
            var target = request.uri.path
            if request.method == .get, let query = request.uri.query, !query.isEmpty { target += "?" + query }
            let next = target == "/" ? "" : "?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "")
            return .redirect(to: "/login" + next, type: .found)
        case "password_change_required":
            return .redirect(to: "/password", type: .found)
        default:
            return pages.errorPage(description, session: context.session)
        }
    }
}

/// `{"error":{"code":"…","message":"…"}}`, plus `issues` for a refused import.
struct JSONError: Encodable {
    struct Body: Encodable {
        var code: String
        var message: String
        var issues: [ImportIssue]?
    }

    var error: Body
    let description: ErrorDescription

    init(_ description: ErrorDescription) {
        self.description = description
        error = Body(code: description.code, message: description.message, issues: description.issues.isEmpty ? nil : description.issues)
    }

    enum CodingKeys: CodingKey { case error }

    func response() -> Response {
        let data = (try? JSONEncoder().encode(self)) ?? Data(#"{"error":{"code":"internal","message":"服务器内部错误"}}"#.utf8)
        var headers = description.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: description.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
