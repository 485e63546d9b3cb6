import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Training sessions in the browser for trainers and administrators: the list with its filters and the new-session
/// form (新建培训), editing, and the actions that move a session along (publish, close, delete). The dashboard and
/// report pages of training hang off `/training` later.
struct TrainingPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/training", use: listPage)
        router.post("/training", use: create)
        router.get("/training/:session/edit", use: editPage)
        router.post("/training/:session/edit", use: edit)
        router.post("/training/:session/publish", use: publish)
        router.post("/training/:session/close", use: close)
        router.post("/training/:session/delete", use: delete)
    }

    struct StatusOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ListContent {
        var rows: [TrainingSessionView]
        var total: Int
        var pager: Pager
        var unit: String
        var unitName: String?
        var statuses: [StatusOption]
        var from: String
        var to: String
        var notice: String?
        var newForm: TrainingFormContent
        /// The form opens by itself when it came back with problems.
        var formOpen: Bool
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let root = try await database.scopeRoot(for: principal)
        let form = TrainingSessionForm.blank(now: database.clock(), unitCode: root.code)
        return try await renderList(request, context: context, form: form, problems: [], status: .ok)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let form = TrainingSessionForm(try await FormFields.from(request, context: context), posts: try await database.posts())
        do {
            let session = try await database.createTrainingSession(try form.draft().get(), by: principal)
            return .redirect(to: "/training/\(session.id)?done=created", type: .normal)
        } catch let problems as FormProblems {
            return try await renderList(request, context: context, form: form, problems: problems.messages, status: .badRequest)
        } catch let error as LianbingError {
            guard let status = Self.formStatus(error) else { throw error }
            return try await renderList(request, context: context, form: form, problems: [error.message], status: status)
        }
    }

    /// Refusals a form shows beside its fields; anything else is an error page.
    static func formStatus(_ error: LianbingError) -> HTTPResponse.Status? {
        switch error {
        case .invalid: .badRequest
        case .conflict: .conflict
        case .notFound: .notFound
        default: nil
        }
    }

    private func renderList(
        _ request: Request, context: AppRequestContext, form: TrainingSessionForm, problems: [String], status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let filter = try TrainingSessionsController.filter(request)
        let page = try await database.trainingSessions(filter, page: PageRequest(page: request.queryInt("page"), perPage: 30), for: principal)
        var unitName: String?
        if let unit = filter.unit { unitName = try await database.unitDetail(unit, for: principal).unit.name }
        let newForm = try await TrainingFormContent.make(
            form, action: "/training", submitLabel: "保存为草稿", isEditing: false, problems: problems, principal: principal, database: database)
        let query: [String: String?] = [
            "unit": filter.unit, "status": filter.status?.rawValue, "from": filter.from?.description, "to": filter.to?.description,
        ]
        let content = ListContent(
            rows: page.items.map(TrainingSessionView.init), total: page.total, pager: Pager(page: page, path: "/training", query: query),
            unit: filter.unit ?? "", unitName: unitName,
            statuses: TrainingSessionStatus.allCases.map { StatusOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.status) },
            from: filter.from?.description ?? "", to: filter.to?.description ?? "",
            notice: TrainingNotice.message(request.query("done"), count: nil), newForm: newForm,
            formOpen: !problems.isEmpty || request.query("new") != nil)
        return pages.render(
            "training-list", title: "培训", path: "/training", session: context.session, content: content, status: status,
            styles: ["manage.css", "training.css"], scripts: ["training.js"])
    }

    // MARK: Editing

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let session = try await database.trainingSession(try TrainingSessionsController.session(context), for: principal)
        guard session.isManaged, session.status != .closed else { return .redirect(to: "/training/\(session.id)", type: .normal) }
        return try await renderEdit(session, form: TrainingSessionForm(session), problems: [], context: context, status: .ok)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        // A missing or out-of-scope session is a 404 page; what the form names is a form problem.
        let session = try await database.trainingSession(try TrainingSessionsController.session(context), for: principal)
        var form = TrainingSessionForm(try await FormFields.from(request, context: context), posts: try await database.posts())
        form.unitCode = session.unitCode
        form.otherUnitCode = ""
        do {
            _ = try await database.updateTrainingSession(session.id, try form.draft(existing: session.trainers).get(), by: principal)
            return .redirect(to: "/training/\(session.id)?done=edited", type: .normal)
        } catch let problems as FormProblems {
            return try await renderEdit(session, form: form, problems: problems.messages, context: context, status: .badRequest)
        } catch let error as LianbingError {
            guard let status = Self.formStatus(error) else { throw error }
            return try await renderEdit(session, form: form, problems: [error.message], context: context, status: status)
        }
    }

    struct EditContent {
        var session: TrainingSessionView
        var editForm: TrainingFormContent
    }

    private func renderEdit(
        _ session: TrainingSession, form: TrainingSessionForm, problems: [String], context: AppRequestContext, status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let content = EditContent(
            session: TrainingSessionView(session),
            editForm: try await TrainingFormContent.make(
                form, action: "/training/\(session.id)/edit", submitLabel: "保存修改", isEditing: true, problems: problems, principal: principal,
                database: database))
        return pages.render(
            "training-edit", title: "修改培训", path: "/training", session: context.session, content: content, status: status,
            styles: ["manage.css", "training.css"], scripts: ["training.js"])
    }

    // MARK: Moving a session along

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "published") { id, principal in _ = try await database.publishTrainingSession(id, by: principal) }
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "closed") { id, principal in _ = try await database.closeTrainingSession(id, by: principal) }
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        do {
            try await database.deleteTrainingSession(id, by: principal)
        } catch let error as LianbingError {
            return try await TrainingDetailPage(database: database, pages: pages).refused(error, request, context: context)
        }
        return .redirect(to: "/training?done=deleted", type: .normal)
    }

    /// Runs a store action for the session in the address and returns to its page saying what happened; a refusal
    /// the organiser can act on is shown on the page.
    private func act(
        _ request: Request, _ context: AppRequestContext, done: String, _ action: (Int64, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        do {
            try await action(id, principal)
        } catch let error as LianbingError {
            return try await TrainingDetailPage(database: database, pages: pages).refused(error, request, context: context)
        }
        return .redirect(to: "/training/\(id)?done=\(done)", type: .normal)
    }
}
