import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Excellence selections (评优遴选) in the browser: the list of selections the caller runs or may read, and the rules
/// form for administrators (新建遴选, and 修改规则 while a draft). The selection's own page with its actions, the
/// candidate's explanation, the exports, the printable list and the certificates hang off `/selections` in the
/// controllers beside this one; all are registered here. Scope and roles are the store's: a selection outside them is
/// "not found".
struct SelectionPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/selections", use: listPage)
        router.get("/selections/new", use: newPage)
        router.post("/selections", use: create)
        router.get("/selections/:selection/edit", use: editPage)
        router.post("/selections/:selection/edit", use: edit)
        SelectionDetailController(database: database, pages: pages).addRoutes(to: router)
        SelectionExportsController(database: database, pages: pages).addRoutes(to: router)
    }

    static let styles = ["manage.css", "selections.css"]

    /// The selection in the address.
    static func selection(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("selection", as: Int64.self) }

    struct ListContent {
        var rows: [SelectionHeading]
        var total: Int
        var isAdmin: Bool
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let rows = try await database.selections(by: principal).map(SelectionHeading.init)
        return pages.render(
            "selection-list", title: "评优遴选", path: "/selections", session: context.session,
            content: ListContent(rows: rows, total: rows.count, isAdmin: principal.has(.admin)), styles: Self.styles)
    }

    // MARK: The rules form

    struct FormPage {
        var heading: SelectionHeading?
        var editing: Bool
        var rulesForm: SelectionFormContent
    }

    @Sendable func newPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let form = SelectionForm.blank(now: database.clock(), unitCode: try await database.scopeRoot(for: principal).code)
        return try await renderForm(form, editing: nil, problems: [], context: context, status: .ok)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let form = SelectionForm(try await FormFields.from(request, context: context), posts: try await database.posts())
        do {
            let selection = try await database.createSelection(unitCode: form.unitCode, title: form.title, rules: try form.rules(), by: principal)
            return .redirect(to: "/selections/\(selection.id)?done=created", type: .normal)
        } catch let problems as FormProblems {
            return try await renderForm(form, editing: nil, problems: problems.messages, context: context, status: .badRequest)
        } catch let error as LianbingError {
            guard let status = ContestPagesController.formStatus(error) else { throw error }
            return try await renderForm(form, editing: nil, problems: [error.message], context: context, status: status)
        }
    }

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let selection = try await database.selection(try Self.selection(context), by: principal)
        guard selection.manageable, selection.status == .draft else { return .redirect(to: "/selections/\(selection.id)", type: .normal) }
        return try await renderForm(SelectionForm(selection), editing: selection, problems: [], context: context, status: .ok)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        // A missing or out-of-scope selection is a 404 page; what the form holds is a form problem.
        let selection = try await database.selection(try Self.selection(context), by: principal)
        var form = SelectionForm(try await FormFields.from(request, context: context), posts: try await database.posts())
        form.unitCode = selection.unitCode
        do {
            _ = try await database.updateSelectionRules(selection.id, title: form.title, rules: try form.rules(), by: principal)
            return .redirect(to: "/selections/\(selection.id)?done=edited", type: .normal)
        } catch let problems as FormProblems {
            return try await renderForm(form, editing: selection, problems: problems.messages, context: context, status: .badRequest)
        } catch let error as LianbingError {
            guard let status = ContestPagesController.formStatus(error) else { throw error }
            return try await renderForm(form, editing: selection, problems: [error.message], context: context, status: status)
        }
    }

    private func renderForm(
        _ form: SelectionForm, editing selection: Selection?, problems: [String], context: AppRequestContext, status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal(.admin)
        let content = FormPage(
            heading: selection.map(SelectionHeading.init), editing: selection != nil,
            rulesForm: try await SelectionFormContent.make(
                form, action: selection.map { "/selections/\($0.id)/edit" } ?? "/selections", submitLabel: selection == nil ? "保存为草稿" : "保存修改",
                editing: selection, problems: problems, principal: principal, database: database))
        return pages.render(
            "selection-form", title: selection == nil ? "新建遴选" : "修改遴选规则", path: "/selections", session: context.session, content: content,
            status: status, styles: Self.styles)
    }
}
