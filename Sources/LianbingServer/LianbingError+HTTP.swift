import Hummingbird
import LianbingCore

/// The one place that turns errors into statuses, codes and Chinese messages.
struct ErrorDescription: Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var headers: HTTPFields = [:]
    /// Per-line import problems, when the error is a refused import.
    var issues: [ImportIssue] = []

    init(status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:], issues: [ImportIssue] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.issues = issues
    }

    /// `nil` means an internal error: log it, show nothing of it.
    init?(_ error: any Error) {
        switch error {
        case let error as LianbingError:
            self.init(error)
        case let error as BodyTooLarge:
            self.init(status: .contentTooLarge, code: "body_too_large", message: error.message)
        case let error as any HTTPResponseError:
            self.init(status: error.status, code: Self.code(for: error.status), message: Self.message(for: error.status))
        default:
            return nil
        }
    }

    init(_ error: LianbingError) {
        switch error {
        case .notFound: self.init(status: .notFound, code: "not_found", message: error.message)
        case .forbidden: self.init(status: .forbidden, code: "forbidden", message: error.message)
        case .unauthenticated: self.init(status: .unauthorized, code: "unauthenticated", message: error.message)
        case .invalid: self.init(status: .badRequest, code: "invalid", message: error.message)
        case .conflict: self.init(status: .conflict, code: "conflict", message: error.message)
        case .throttled(let seconds):
            self.init(status: .tooManyRequests, code: "throttled", message: error.message, headers: [.retryAfter: String(seconds)])
        case .passwordChangeRequired: self.init(status: .forbidden, code: "password_change_required", message: error.message)
        case .notInitialised: self.init(status: .serviceUnavailable, code: "not_initialised", message: error.message)
        case .importRejected(let failure):
            self.init(status: .unprocessableContent, code: "import_rejected", message: error.message, issues: failure.issues)
        }
    }

    static func internalError(requestID: String) -> ErrorDescription {
        ErrorDescription(status: .internalServerError, code: "internal", message: "服务器内部错误，请稍后重试（请求编号 \(requestID)）")
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .contentTooLarge: "body_too_large"
        case .methodNotAllowed: "method_not_allowed"
        case .unsupportedMediaType: "unsupported_media_type"
        case .badRequest: "bad_request"
        default: "http_\(status.code)"
        }
    }

    private static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "页面或资源不存在"
        case .contentTooLarge: "提交的内容过大"
        case .methodNotAllowed: "不支持该请求方法"
        case .unsupportedMediaType: "不支持的内容类型"
        case .badRequest: "请求格式不正确"
        default: "请求无法完成（\(status.code)）"
        }
    }
}
