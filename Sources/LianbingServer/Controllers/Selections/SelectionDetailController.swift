import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One selection's page and what is done there: computing, changing the list, publishing, objecting and answering,
/// finalising. Each refused form comes back on the page as typed; each accepted one returns to the page saying so.
struct SelectionDetailController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/selections/:selection", use: detailPage)
        router.post("/selections/:selection/compute", use: compute)
        router.post("/selections/:selection/adjustments", use: adjust)
        router.post("/selections/:selection/publish", use: publish)
        router.post("/selections/:selection/objections", use: object)
        router.post("/selections/:selection/objections/:objection/answer", use: answer)
        router.post("/selections/:selection/finalise", use: finalise)
    }

    var page: SelectionDetailPage { SelectionDetailPage(database: database, pages: pages) }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page.render(request, context: context)
    }

    @Sendable func compute(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "computed", anchor: "result") { id, principal in
            _ = try await database.computeSelection(id, by: principal)
        }
    }

    @Sendable func finalise(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "finalised") { id, principal in _ = try await database.finaliseSelection(id, by: principal) }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try SelectionPagesController.selection(context)
        let typed = (try await FormFields.from(request, context: context))["working_days"]?.trimmingCharacters(in: .whitespaces) ?? ""
        do {
            guard let days = Int(typed) else { throw LianbingError.invalid("公示期须为整数个工作日，如 5") }
            _ = try await database.publishSelection(id, workingDays: days, by: principal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(workingDays: typed))
        }
        return .redirect(to: "/selections/\(id)?done=published", type: .normal)
    }

    @Sendable func adjust(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try SelectionPagesController.selection(context)
        let fields = try await FormFields.from(request, context: context)
        let number = fields["staff_number"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let reason = fields["reason"] ?? ""
        let remove = fields["action"] == "remove"
        do {
            guard !number.isEmpty else { throw LianbingError.invalid("请填写工号") }
            _ = try await database.adjustSelection(id, staffNumber: number, action: remove ? .remove : .add, reason: reason, by: principal)
        } catch let error as LianbingError {
            return try await page.refused(
                error, request, context: context, refusal: .init(adjustNumber: number, adjustReason: reason, adjustRemove: remove))
        }
        return .redirect(to: "/selections/\(id)?done=adjusted#adjustments", type: .normal)
    }

    /// Anyone the published selection covers may object, about one nominee or the list as a whole.
    @Sendable func object(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let id = try SelectionPagesController.selection(context)
        let fields = try await FormFields.from(request, context: context)
        let number = fields["staff_number"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let text = fields["text"] ?? ""
        do {
            _ = try await database.objectToSelection(id, staffNumber: number.isEmpty ? nil : number, text: text, by: principal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(objectionNumber: number, objectionText: text))
        }
        return .redirect(to: "/selections/\(id)?done=objected#objections", type: .normal)
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try SelectionPagesController.selection(context)
        let objection = try context.parameters.require("objection", as: Int64.self)
        let text = (try await FormFields.from(request, context: context))["answer"] ?? ""
        do {
            _ = try await database.answerSelectionObjection(id, objection: objection, answer: text, by: principal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(answering: objection, answer: text))
        }
        return .redirect(to: "/selections/\(id)?done=answered#objections", type: .normal)
    }

    /// Runs a store action for the selection in the address and returns to its page saying what happened; a refusal
    /// the organiser can act on is shown on the page.
    private func act(
        _ request: Request, _ context: AppRequestContext, done: String, anchor: String? = nil, _ action: (Int64, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try SelectionPagesController.selection(context)
        do {
            try await action(id, principal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context)
        }
        return .redirect(to: "/selections/\(id)?done=\(done)" + (anchor.map { "#" + $0 } ?? ""), type: .normal)
    }
}
