import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One session's page, and inviting people to it or withdrawing an invitation there.
struct TrainingDetailController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/training/:session", use: detailPage)
        router.post("/training/:session/invitees", use: invite)
        router.post("/training/:session/invitees/:number/remove", use: uninvite)
        router.post("/training/:session/trainers", use: assignTrainer)
    }

    var page: TrainingDetailPage { TrainingDetailPage(database: database, pages: pages) }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page.render(request, context: context)
    }

    /// Staff numbers typed or pasted (one per line, or separated by commas or spaces), or `all` for everyone in the
    /// audience who is in post.
    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        let fields = try await FormFields.from(request, context: context)
        let typed = fields["staff_numbers"] ?? ""
        do {
            let before = try await database.trainingSession(id, for: principal).invited
            let numbers = typed.split(whereSeparator: { $0.isWhitespace || "，,、；;".contains($0) }).map(String.init)
            if fields["all"] == nil, numbers.isEmpty { throw LianbingError.invalid("请填写要邀请的工号，或点击“邀请全部培训对象”") }
            let after = try await database.inviteToTraining(id, staff: fields["all"] != nil ? nil : numbers, by: principal).invited
            return .redirect(to: "/training/\(id)?done=invited&n=\(after - before)#invitees", type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(message: "", inviteNumbers: typed))
        }
    }

    /// 设为授课人: adds an expert of the pools (`expert`, an id) to the session's trainers through the ordinary update,
    /// keeping every other setting and trainer as stored. The store checks the session may still change and the expert
    /// is one its organiser may draw on.
    @Sendable func assignTrainer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        let fields = try await FormFields.from(request, context: context)
        do {
            guard let expert = Int64(fields["expert"]?.trimmingCharacters(in: .whitespaces) ?? "") else {
                throw LianbingError.invalid("请选择要设为授课人的专家")
            }
            let session = try await database.trainingSession(id, for: principal)
            var draft = session.draft
            if !draft.trainers.contains(.expert(expert)) { draft.trainers.append(.expert(expert)) }
            _ = try await database.updateTrainingSession(id, draft, by: principal)
            return .redirect(to: "/training/\(id)?done=trainer#experts", type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context)
        }
    }

    @Sendable func uninvite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        do {
            try await database.uninviteFromTraining(id, staff: try context.parameters.require("number"), by: principal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context)
        }
        return .redirect(to: "/training/\(id)?done=uninvited#invitees", type: .normal)
    }
}
