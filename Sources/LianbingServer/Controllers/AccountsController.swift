import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Account management for administrators, within their subtree: list, create, reset, disable, bulk-create.
struct AccountsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/accounts", use: apiList)
        router.post("/api/v1/accounts", use: apiCreate)
        router.post("/api/v1/accounts/bulk", use: apiBulkCreate)
        router.get("/api/v1/accounts/:username", use: apiDetail)
        router.post("/api/v1/accounts/:username/reset-password", use: apiResetPassword)
        router.post("/api/v1/accounts/:username/disable", use: apiDisable)
        router.post("/api/v1/accounts/:username/enable", use: apiEnable)
        router.get("/accounts", use: listPage)
        router.post("/accounts", use: formCreate)
        router.post("/accounts/bulk", use: formBulkCreate)
        router.post("/accounts/:username/reset-password", use: formResetPassword)
        router.post("/accounts/:username/disable", use: formDisable)
        router.post("/accounts/:username/enable", use: formEnable)
    }

    // MARK: JSON

    struct CreateRequest: Decodable {
        var username: String
        var role: Role
        var unitCode: String
        var staffNumber: String?
        var password: String?
    }

    struct CreatedJSON: Encodable, Sendable {
        var account: AccountJSON
        /// Present only when the server generated the password; shown once, never again.
        var initialPassword: String?
    }

    struct BulkRequest: Decodable { var unitCode: String }

    struct BulkJSON: Encodable, Sendable {
        var issued: [IssuedJSON]
        /// Staff numbers that cannot be usernames; give these members an account by hand.
        var skipped: [String]
    }

    struct IssuedJSON: Encodable, Sendable {
        var username: String
        var password: String
        var staffNumber: String?
        var staffName: String?
        var unitCode: String
        var unitName: String

        init(_ issued: IssuedPassword) {
            username = issued.username
            password = issued.password
            staffNumber = issued.staffNumber
            staffName = issued.staffName
            unitCode = issued.unitCode
            unitName = issued.unitName
        }
    }

    @Sendable func apiList(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<AccountJSON>> {
        let page = try await database.accounts(
            query: request.query("q"), unit: request.query("unit"),
            page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), for: try context.principal(.admin))
        return JSONBody(PageJSON(page, AccountJSON.init))
    }

    @Sendable func apiDetail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AccountJSON> {
        JSONBody(AccountJSON(try await database.account(try context.parameters.require("username"), for: try context.principal(.admin))))
    }

    @Sendable func apiCreate(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CreatedJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(CreateRequest.self, context: context)
        let (account, issued) = try await database.createAccount(
            NewAccount(username: body.username, role: body.role, unitCode: body.unitCode, staffNumber: body.staffNumber, password: body.password),
            by: principal)
        let listing = try await database.account(account.username, for: principal)
        return JSONBody(CreatedJSON(account: AccountJSON(listing), initialPassword: issued?.password), status: .created)
    }

    @Sendable func apiBulkCreate(_ request: Request, context: AppRequestContext) async throws -> JSONBody<BulkJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(BulkRequest.self, context: context)
        let result = try await database.createAccountsFromRoster(unit: body.unitCode, by: principal)
        return JSONBody(BulkJSON(issued: result.issued.map(IssuedJSON.init), skipped: result.skipped), status: .created)
    }

    @Sendable func apiResetPassword(_ request: Request, context: AppRequestContext) async throws -> JSONBody<IssuedJSON> {
        let issued = try await database.resetPassword(try context.parameters.require("username"), by: try context.principal(.admin))
        return JSONBody(IssuedJSON(issued))
    }

    @Sendable func apiDisable(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await database.setDisabled(try context.parameters.require("username"), true, by: try context.principal(.admin))
        return Response(status: .noContent)
    }

    @Sendable func apiEnable(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await database.setDisabled(try context.parameters.require("username"), false, by: try context.principal(.admin))
        return Response(status: .noContent)
    }

    // MARK: HTML

    struct AccountRow {
        var username: String
        var roleName: String
        var unitName: String
        var unitCode: String
        var staffName: String?
        var staffNumber: String?
        var mustChangePassword: Bool
        var disabled: Bool
        var createdAt: String

        init(_ listing: AccountListing) {
            username = listing.account.username
            roleName = listing.account.role.displayName
            unitName = listing.unitName
            unitCode = listing.account.unitCode
            staffName = listing.staffName
            staffNumber = listing.account.staffNumber
            mustChangePassword = listing.account.mustChangePassword
            disabled = listing.account.isDisabled
            createdAt = listing.account.createdAt.chinaTime
        }
    }

    struct ListContent {
        var query: String
        var rows: [AccountRow]
        var total: Int
        var neverLoggedIn: Bool
        var pager: Pager
        var roles: [SelectOption]
        var scopeUnitCode: String
        var error: String?
        var notice: String?
        var form: [String: String]
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderList(request, context: context, error: nil, form: [:], status: .ok)
    }

    /// A refusal an administrator can act on (their own account, one outside their subtree) comes back on the list
    /// page, with the menu; anything else is an error page.
    private func refused(_ error: LianbingError, _ request: Request, context: AppRequestContext, form: [String: String] = [:]) async throws -> Response {
        switch error {
        case .invalid(let message): try await renderList(request, context: context, error: message, form: form, status: .badRequest)
        case .conflict(let message): try await renderList(request, context: context, error: message, form: form, status: .conflict)
        case .notFound: try await renderList(request, context: context, error: error.message, form: form, status: .notFound)
        default: throw error
        }
    }

    private func renderList(_ request: Request, context: AppRequestContext, error: String?, form: [String: String], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.principal(.admin)
        let query = request.query("q")
        let unit = request.query("unit")
        // `never=1`: the administrators' 待办 of accounts nobody has signed in with yet.
        let neverLoggedIn = request.query("never") == "1"
        let page = try await database.accounts(
            query: query, unit: unit, neverLoggedIn: neverLoggedIn, page: PageRequest(page: request.queryInt("page"), perPage: 50), for: principal)
        let root = try await database.scopeRoot(for: principal)
        let chosenRole = form["role"] ?? Role.staff.rawValue
        let content = ListContent(
            query: query ?? "", rows: page.items.map(AccountRow.init), total: page.total,
            neverLoggedIn: neverLoggedIn, pager: Pager(page: page, path: "/accounts", query: ["q": query, "unit": unit, "never": neverLoggedIn ? "1" : nil]),
            roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == chosenRole) },
            scopeUnitCode: root.code, error: error, notice: Notice.message(request.query("done"), who: request.query("who")), form: form)
        return pages.render("accounts", title: "账号管理", path: "/accounts", session: context.session, content: content, status: status)
    }

    struct IssuedContent {
        var title: String
        var issued: [IssuedJSON]
        /// Stored, not computed: templates see stored properties only.
        var hasIssued: Bool
        var note: String?
        /// The slip list as CSV, which `issued.js` offers as a download: the passwords exist only in this page.
        var csv: String?
        var filename: String?

        init(title: String, issued: [IssuedJSON], note: String? = nil, csv: String? = nil, filename: String? = nil) {
            self.title = title
            self.issued = issued
            hasIssued = !issued.isEmpty
            self.note = note
            self.csv = csv
            self.filename = filename
        }
    }

    @Sendable func formCreate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let form = try await FormFields.from(request, context: context)
        let echo = ["username": form["username"] ?? "", "unit_code": form["unit_code"] ?? "", "staff_number": form["staff_number"] ?? "", "role": form["role"] ?? ""]
        do {
            guard let role = Role(rawValue: form["role"] ?? "") else { throw LianbingError.invalid("请选择角色") }
            let staffNumber = form["staff_number"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
            let new = NewAccount(
                username: try form.required("username", "用户名"), role: role, unitCode: try form.required("unit_code", "单位编码"),
                staffNumber: staffNumber)
            let (_, issued) = try await database.createAccount(new, by: principal)
            let content = IssuedContent(title: "账号已创建", issued: issued.map { [IssuedJSON($0)] } ?? [])
            return pages.render("issued", title: "账号已创建", path: "/accounts", session: context.session, content: content)
        } catch let error as LianbingError {
            // A taken username is the form's problem, as an empty one is.
            if case .conflict(let message) = error { return try await renderList(request, context: context, error: message, form: echo, status: .badRequest) }
            return try await refused(error, request, context: context, form: echo)
        }
    }

    @Sendable func formBulkCreate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let form = try await FormFields.from(request, context: context)
        let result: RosterAccounts
        do {
            result = try await database.createAccountsFromRoster(unit: try form.required("unit_code", "单位编码"), by: principal)
        } catch let error as LianbingError {
            return try await refused(error, request, context: context)
        }
        var notes = [result.issued.isEmpty ? "没有需要开通的账号：该单位及下级的在岗工作人员都已有账号。" : "已开通 \(result.issued.count) 个账号，用户名为工号。"]
        if !result.skipped.isEmpty {
            notes.append("工号 \(result.skipped.joined(separator: "、")) 不能用作用户名，请在“新建账号”中为他们手工开通。")
        }
        // The page, not a bare download, so the administrator sees what was done; the CSV stays one tap away.
        let csv = String(decoding: IssuedPasswordsCSV.encode(result.issued), as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
        let content = IssuedContent(
            title: "批量开通账号", issued: result.issued.map(IssuedJSON.init), note: notes.joined(separator: ""),
            csv: result.issued.isEmpty ? nil : csv, filename: "initial-passwords-\(ChinaTime.civilDate(of: database.clock())).csv")
        return pages.render("issued", title: "批量开通账号", path: "/accounts", session: context.session, content: content, scripts: ["issued.js"])
    }

    @Sendable func formResetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let issued = try await database.resetPassword(try context.parameters.require("username"), by: try context.principal(.admin))
        let content = IssuedContent(title: "密码已重置", issued: [IssuedJSON(issued)])
        return pages.render("issued", title: "密码已重置", path: "/accounts", session: context.session, content: content)
    }

    @Sendable func formDisable(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await setDisabled(true, request, context: context)
    }

    @Sendable func formEnable(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await setDisabled(false, request, context: context)
    }

    private func setDisabled(_ disabled: Bool, _ request: Request, context: AppRequestContext) async throws -> Response {
        let username = try context.parameters.require("username")
        do {
            try await database.setDisabled(username, disabled, by: try context.principal(.admin))
        } catch let error as LianbingError {
            return try await refused(error, request, context: context)
        }
        return .redirect(to: "/accounts?done=\(disabled ? "disabled" : "enabled")&who=\(username.urlEncoded)", type: .normal)
    }
}
