import Foundation
import Hummingbird
import LianbingCore
import LianbingStore
import Mustache

/// The chrome every HTML page shares: title, who is signed in, navigation, the form token.
struct PageFrame: Sendable {
    struct NavItem: Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    var title: String
    var username: String?
    var roleName: String?
    var unitName: String?
    var csrf: String?
    var nav: [NavItem]
    var hasNav: Bool
    /// Page-specific assets under `/assets`, beside the shared `app.css` and `app.js`.
    var styles: [String] = []
    var scripts: [String] = []
    /// Seconds after which the page reloads itself (`<meta http-equiv="refresh">`), for screens that must stay current.
    var refresh: Int?
    /// Set on an exam in progress: the page shows only the exam, with this one way out (which asks first) instead of
    /// the site menu and the sign-out button.
    var exit: NavItem?
}

/// Renders Mustache templates (escaped by default: `{{x}}` never emits markup from data) into responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw LianbingError.notFound("页面模板目录")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path))
    }

    func render(
        _ template: String, title: String, path: String = "", session: SessionInfo?, unitName: String? = nil, content: Any,
        status: HTTPResponse.Status = .ok, styles: [String] = [], scripts: [String] = [], refresh: Int? = nil,
        exit: PageFrame.NavItem? = nil
    ) -> Response {
        var frame = Self.frame(title: title, path: path, session: session, unitName: unitName)
        frame.styles = styles
        frame.scripts = scripts
        frame.refresh = refresh
        if let exit {
            frame.exit = exit
            frame.nav = []
            frame.hasNav = false
        }
        let html = library.render(["frame": frame, "content": content] as [String: Any], withTemplate: template)
            ?? "<!doctype html><meta charset=utf-8><title>错误</title><p>页面模板缺失：\(template)</p>"
        return Self.html(html, status: status)
    }

    func errorPage(_ error: ErrorDescription, session: SessionInfo?) -> Response {
        struct Content { var status: Int; var message: String; var issues: [String]; var hasIssues: Bool }
        let content = Content(status: error.status.code, message: error.message, issues: error.issues.map(\.description), hasIssues: !error.issues.isEmpty)
        var response = render("error", title: "出错了", session: session, content: content, status: error.status)
        response.headers.append(contentsOf: error.headers)
        return response
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func frame(title: String, path: String, session: SessionInfo?, unitName: String?) -> PageFrame {
        var nav: [PageFrame.NavItem] = []
        if let principal = session?.principal, session?.account.mustChangePassword == false {
            var items = [("/", "首页")]
            if principal.staffNumber != nil { items += [("/my/exams", "我的考试"), ("/my/practice", "自我测试"), ("/my/record", "我的记录"), ("/my/training", "我的培训"), ("/my/certificates", "我的证书")] }
            items.append(("/school", "网校微课"))
            if principal.has(.trainer) {
                items += [("/exams", "考试管理"), ("/results", "成绩总览"), ("/training", "培训"), ("/contests", "练兵比武"), ("/marking", "阅卷"), ("/score-reviews", "成绩复核"), ("/units", "单位"), ("/staff", "工作人员"), ("/bank", "题库")]
            } else if principal.staffNumber != nil {
                // Staff see the contests they take part in.
                items.append(("/contests", "练兵比武"))
            }
            if principal.has(.admin) { items += [("/certificates", "证书"), ("/selections", "评优遴选"), ("/ratings", "满意度评定"), ("/accounts", "账号管理"), ("/audit", "操作日志")] }
            items.append(("/password", "修改密码"))
            nav = items.map { href, label in
                PageFrame.NavItem(href: href, label: label, current: href == "/" ? path == "/" : path.hasPrefix(href))
            }
        }
        return PageFrame(
            title: title, username: session?.account.username, roleName: session?.account.role.displayName, unitName: unitName,
            csrf: session?.csrfToken, nav: nav, hasNav: !nav.isEmpty)
    }
}
