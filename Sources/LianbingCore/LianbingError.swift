/// The errors a user can act on. The server maps each to a status and a Chinese message in one place;
/// anything else is an internal error and is logged, never shown.
public enum LianbingError: Error, Sendable, Equatable {
    /// A thing that does not exist, or that the caller may not know exists.
    case notFound(String)
    /// The caller is known but lacks the role or the scope.
    case forbidden(String)
    case unauthenticated
    /// Bad input, with a message that says what to fix.
    case invalid(String)
    /// The action clashes with current state (a duplicate name, a state that no longer allows it).
    case conflict(String)
    /// Too many attempts; try again after this many seconds.
    case throttled(retryAfter: Int)
    case passwordChangeRequired
    /// The database has not been initialised yet.
    case notInitialised
    case importRejected(ImportFailure)

    public var message: String {
        switch self {
        case .notFound(let what): "未找到：\(what)"
        case .forbidden(let why): "无权操作：\(why)"
        case .unauthenticated: "请先登录"
        case .invalid(let why): why
        case .conflict(let why): why
        case .throttled(let seconds): "尝试次数过多，请在 \(seconds) 秒后重试"
        case .passwordChangeRequired: "请先修改初始密码"
        case .notInitialised: "数据库尚未初始化：请先运行 lianbing init --org 单位.csv --admin 用户名，或使用 lianbing serve --demo"
        case .importRejected(let failure): "导入失败，共 \(failure.issues.count) 处错误，未写入任何数据"
        }
    }
}
