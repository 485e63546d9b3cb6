import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Excellence selections (遴选) as JSON: administrators of a subtree create one with its rules, compute it, adjust the
/// list with reasons, publish it for a notice period, answer objections and finalise it; everyone the published
/// selection covers reads the list and may object while it is published; a record's awards. Scope, roles and states
/// are the store's: another subtree's selection is "not found", a read-only one refuses management with 403.
struct SelectionsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/selections", use: list)
        router.post("/api/v1/selections", use: create)
        router.get("/api/v1/selections/:selection", use: detail)
        router.put("/api/v1/selections/:selection/rules", use: updateRules)
        router.post("/api/v1/selections/:selection/compute", use: compute)
        router.post("/api/v1/selections/:selection/adjustments", use: adjust)
        router.post("/api/v1/selections/:selection/publish", use: publish)
        router.post("/api/v1/selections/:selection/objections", use: object)
        router.post("/api/v1/selections/:selection/objections/:objection/answer", use: answer)
        router.post("/api/v1/selections/:selection/finalise", use: finalise)
        router.get("/api/v1/staff/:number/awards", use: awards)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[SelectionSummaryJSON]> {
        JSONBody(try await database.selections(by: try context.principal()).map(SelectionSummaryJSON.init))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(SelectionCreateRequest.self, context: context)
        let selection = try await database.createSelection(unitCode: body.unitCode, title: body.title, rules: body.rules, by: principal)
        return JSONBody(SelectionJSON(selection), status: .created)
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        JSONBody(SelectionJSON(try await database.selection(try Self.selection(context), by: try context.principal())))
    }

    @Sendable func updateRules(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.selection(context)
        let body = try await request.decodeJSON(SelectionRulesRequest.self, context: context)
        return JSONBody(SelectionJSON(try await database.updateSelectionRules(id, title: body.title, rules: body.rules, by: principal)))
    }

    @Sendable func compute(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        return JSONBody(SelectionJSON(try await database.computeSelection(try Self.selection(context), by: principal)))
    }

    @Sendable func adjust(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.selection(context)
        let body = try await request.decodeJSON(SelectionAdjustmentRequest.self, context: context)
        let selection = try await database.adjustSelection(
            id, staffNumber: try Self.staffNumber(body.staffNumber), action: body.action, reason: body.reason, by: principal)
        return JSONBody(SelectionJSON(selection))
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.selection(context)
        let body = try await request.decodeJSON(SelectionPublishRequest.self, context: context)
        let days = body.workingDays ?? NoticePeriod.defaultWorkingDays
        try InputBounds.check(days, in: NoticePeriod.workingDays, "公示期", unit: "个工作日")
        return JSONBody(SelectionJSON(try await database.publishSelection(id, workingDays: days, by: principal)))
    }

    /// Anyone the published selection covers, about one nominee or the whole list.
    @Sendable func object(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal()
        let id = try Self.selection(context)
        let body = try await request.decodeJSON(SelectionObjectionRequest.self, context: context)
        let number = try body.staffNumber.flatMap { $0.isEmpty ? nil : try Self.staffNumber($0) }
        let selection = try await database.objectToSelection(id, staffNumber: number, text: body.text, by: principal)
        return JSONBody(SelectionJSON(selection), status: .created)
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.selection(context)
        guard let objection = context.parameters.get("objection", as: Int64.self), objection > 0 else { throw LianbingError.notFound("异议") }
        let body = try await request.decodeJSON(SelectionAnswerRequest.self, context: context)
        return JSONBody(SelectionJSON(try await database.answerSelectionObjection(id, objection: objection, answer: body.answer, by: principal)))
    }

    @Sendable func finalise(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SelectionJSON> {
        let principal = try context.principal(.admin)
        return JSONBody(SelectionJSON(try await database.finaliseSelection(try Self.selection(context), by: principal)))
    }

    /// The member's own awards, or those of someone in a trainer's or administrator's subtree.
    @Sendable func awards(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[SelectionAward]> {
        let principal = try context.principal()
        guard let number = context.parameters.get("number"), !number.isEmpty, number.count <= 64 else { throw LianbingError.notFound("工作人员") }
        return JSONBody(try await database.selectionAwards(ofStaff: number.removingPercentEncoding ?? number, by: principal))
    }

    /// The selection's id from the path: anything but a positive 64-bit integer names no selection.
    static func selection(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("selection", as: Int64.self), id > 0 else { throw LianbingError.notFound("遴选") }
        return id
    }

    /// A staff number from a body, bounded before it is looked up or quoted in a message.
    static func staffNumber(_ text: String) throws -> String {
        let number = text.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(number.count) else { throw LianbingError.invalid("工号须为 1 到 64 个字符") }
        return number
    }
}
