import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Who a session invites, as JSON: the list (a read-only viewer sees only their own people), inviting some people of
/// the audience or all of it, and withdrawing an invitation.
struct TrainingInviteesController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/training/sessions/:session/invitees", use: list)
        router.post("/api/v1/training/sessions/:session/invitees", use: invite)
        router.delete("/api/v1/training/sessions/:session/invitees/:number", use: uninvite)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[StaffJSON]> {
        let invitees = try await database.trainingInvitees(try TrainingSessionsController.session(context), for: try context.principal(.trainer))
        return JSONBody(invitees.map(StaffJSON.init))
    }

    /// `{"staffNumbers": […]}` or `{"all": true}` (everyone in the audience who is in post); capacity applies.
    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> JSONBody<TrainingSessionJSON> {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        let body = try await request.decodeJSON(InviteRequest.self, context: context)
        let numbers: [String]?
        switch (body.all ?? false, body.staffNumbers) {
        case (true, nil): numbers = nil
        case (false, let given?): numbers = given
        default: throw LianbingError.invalid("请给出 staffNumbers（工号列表）或 \"all\": true 之一")
        }
        return JSONBody(TrainingSessionJSON(try await database.inviteToTraining(id, staff: numbers, by: principal)))
    }

    @Sendable func uninvite(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        try await database.uninviteFromTraining(
            try TrainingSessionsController.session(context), staff: try context.parameters.require("number"), by: try context.principal(.trainer))
        return .noContent
    }
}
