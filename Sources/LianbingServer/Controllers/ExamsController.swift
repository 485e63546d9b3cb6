import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Managing centralised assessments, as JSON (`docs/API.md`): trainers create and publish, mark and answer score
/// reviews; administrators adjust candidates, close and release. All within the caller's subtree.
struct ExamsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/blueprints/check", use: checkBlueprint)
        router.get("/api/v1/exams", use: list)
        router.post("/api/v1/exams", use: create)
        router.get("/api/v1/exams/:exam", use: detail)
        router.put("/api/v1/exams/:exam", use: update)
        router.delete("/api/v1/exams/:exam", use: delete)
        router.post("/api/v1/exams/:exam/publish", use: publish)
        router.post("/api/v1/exams/:exam/close", use: close)
        router.post("/api/v1/exams/:exam/release", use: release)
        router.get("/api/v1/exams/:exam/results", use: results)
        router.get("/api/v1/exams/:exam/statistics", use: statistics)
        router.post("/api/v1/exams/:exam/candidates", use: addCandidate)
        router.delete("/api/v1/exams/:exam/candidates/:number", use: removeCandidate)
        router.post("/api/v1/exams/:exam/candidates/:number/override", use: override)
        router.post("/api/v1/exams/:exam/candidates/:number/reopen", use: reopen)
        router.post("/api/v1/exams/:exam/candidates/:number/excuse", use: excuse)
        router.get("/api/v1/marking", use: markingQueue)
        router.post("/api/v1/marking/:attempt/:position", use: mark)
        router.get("/api/v1/score-reviews", use: scoreReviews)
        router.get("/api/v1/score-reviews/:review/answers", use: scoreReviewAnswers)
        router.post("/api/v1/score-reviews/:review/answer", use: answerScoreReview)
        router.post("/api/v1/score-reviews/:review/reopen", use: reopenScoreReview)
        router.get("/api/v1/units/:code/mastery", use: unitMastery)
        router.get("/api/v1/staff/:number/mastery", use: staffMastery)
    }

    struct BlueprintCheckRequest: Decodable {
        var blueprint: String
        var candidates: Int?
    }

    struct BlueprintCheckJSON: Codable, Sendable {
        var feasible: Bool
        var problems: [String]
        var questionCount: Int?
        var totalPoints: Double?
    }

    struct CreateRequest: Decodable {
        var title: String
        /// The blueprint file's text (`Blueprints/README.md`).
        var blueprint: String
        var unitCode: String
        var posts: [String]?
        var opensAt: Date
        var closesAt: Date
        var durationMinutes: Int
        var passMark: Double
        var certifies: Bool?
        /// What passing certifies (an internal qualification's id); the default one when absent.
        var qualificationId: Int64?
        var review: ReviewPolicy?
        /// 少选得分: the share of the points a subset of the right options earns; absent for all-or-nothing.
        var partialShare: Double?
        var reviewRequestDays: Int?
        var seed: UInt64?
        /// 考生须知, shown to candidates before they start.
        var instructions: String?
    }

    struct CandidateRequest: Decodable { var staffNumber: String }
    struct OverrideRequest: Decodable {
        var extraMinutes: Int?
        var closesAt: Date?
        /// Needed for a late window once the exam's keys have been shown.
        var confirmKeysShown: Bool?
    }
    struct ReopenRequest: Decodable {
        var minutes: Int
        /// Needed once the exam's keys have been shown.
        var confirmKeysShown: Bool?
    }
    struct ExcuseRequest: Decodable { var reason: String }
    struct MarkRequest: Decodable {
        var score: Double
        var comment: String?
        /// The score review a released result is re-marked in.
        var reviewId: Int64?
    }
    struct ReplyRequest: Decodable {
        var reply: String
        /// The score after the caller confirms (as `scoreNow` showed it); refused with 409 if it has changed since.
        var scoreAfter: Double?
    }

    @Sendable func checkBlueprint(_ request: Request, context: AppRequestContext) async throws -> JSONBody<BlueprintCheckJSON> {
        let principal = try context.principal(.trainer)
        let body = try await request.decodeJSON(BlueprintCheckRequest.self, context: context)
        switch BlueprintText.read(body.blueprint, file: "组卷规则") {
        case .failure(let failure):
            return JSONBody(BlueprintCheckJSON(feasible: false, problems: failure.issues.map(\.description), questionCount: nil, totalPoints: nil))
        case .success(let blueprint):
            let problems = try await database.checkBlueprint(blueprint, candidates: body.candidates ?? 1, by: principal)
            return JSONBody(BlueprintCheckJSON(
                feasible: problems.isEmpty, problems: problems.map(\.description), questionCount: blueprint.questionCount,
                totalPoints: blueprint.totalPoints))
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[Exam]> {
        JSONBody(try await database.exams(by: try context.principal(.trainer)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Exam> {
        let principal = try context.principal(.trainer)
        let draft = try Self.draft(try await request.decodeJSON(CreateRequest.self, context: context))
        return JSONBody(try await database.createExam(draft, by: principal), status: .created)
    }

    /// Replaces a draft's settings; the body is the one `create` takes.
    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Exam> {
        let principal = try context.principal(.trainer)
        let draft = try Self.draft(try await request.decodeJSON(CreateRequest.self, context: context))
        return JSONBody(try await database.updateExam(try exam(context), draft, by: principal))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        try await database.deleteExam(try exam(context), by: try context.principal(.trainer))
        return .noContent
    }

    private static func draft(_ body: CreateRequest) throws -> ExamDraft {
        let blueprint: Blueprint
        switch BlueprintText.read(body.blueprint, file: "组卷规则") {
        case .failure(let failure): throw LianbingError.invalid(failure.issues.map(\.description).joined(separator: "\n"))
        case .success(let read): blueprint = read
        }
        return ExamDraft(
            title: body.title, blueprint: blueprint, blueprintText: body.blueprint, unitCode: body.unitCode, posts: body.posts ?? [],
            opensAt: body.opensAt, closesAt: body.closesAt, durationMinutes: body.durationMinutes, passMark: body.passMark,
            certifies: body.certifies ?? false, review: body.review ?? ReviewPolicy(content: .score, timing: .afterRelease),
            multipleChoice: body.partialShare.map { .partial(share: $0) } ?? .allOrNothing, reviewRequestDays: body.reviewRequestDays ?? 7,
            seed: body.seed, qualificationId: body.qualificationId, instructions: body.instructions ?? "")
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Exam> {
        JSONBody(try await database.exam(try exam(context), by: try context.principal(.trainer)))
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Exam> {
        JSONBody(try await database.publishExam(try exam(context), by: try context.principal(.trainer)))
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Exam> {
        JSONBody(try await database.closeExam(try exam(context), by: try context.principal(.admin)))
    }

    @Sendable func release(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Exam> {
        JSONBody(try await database.releaseResults(try exam(context), by: try context.principal(.admin)))
    }

    @Sendable func results(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[RankedResult]> {
        JSONBody(try await database.results(ofExam: try exam(context), by: try context.principal(.trainer)))
    }

    @Sendable func statistics(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ExamStatistics> {
        JSONBody(try await database.statistics(ofExam: try exam(context), by: try context.principal(.trainer)))
    }

    @Sendable func addCandidate(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeJSON(CandidateRequest.self, context: context)
        try await database.addCandidate(body.staffNumber, toExam: try exam(context), by: try context.principal(.admin))
        return .created
    }

    @Sendable func removeCandidate(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        try await database.removeCandidate(try context.parameters.require("number"), fromExam: try exam(context), by: try context.principal(.admin))
        return .noContent
    }

    @Sendable func override(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeJSON(OverrideRequest.self, context: context)
        try await database.overrideCandidate(
            try context.parameters.require("number"), inExam: try exam(context), extraMinutes: body.extraMinutes, closesAt: body.closesAt,
            confirmKeysShown: body.confirmKeysShown ?? false, by: try context.principal(.admin))
        return .noContent
    }

    @Sendable func reopen(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeJSON(ReopenRequest.self, context: context)
        try await database.reopenAttempt(
            of: try context.parameters.require("number"), inExam: try exam(context), minutes: body.minutes,
            confirmKeysShown: body.confirmKeysShown ?? false, by: try context.principal(.admin))
        return .noContent
    }

    @Sendable func excuse(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeJSON(ExcuseRequest.self, context: context)
        try await database.excuseCandidate(try context.parameters.require("number"), inExam: try exam(context), reason: body.reason, by: try context.principal(.admin))
        return .noContent
    }

    @Sendable func markingQueue(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[MarkingItem]> {
        JSONBody(try await database.markingQueue(exam: request.query("exam").flatMap { Int64($0) }, by: try context.principal(.trainer)))
    }

    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeJSON(MarkRequest.self, context: context)
        try await database.markAnswer(
            attempt: try context.parameters.require("attempt", as: Int64.self), position: try context.parameters.require("position", as: Int.self),
            score: body.score, comment: body.comment, review: body.reviewId, by: try context.principal(.trainer))
        return .noContent
    }

    @Sendable func scoreReviews(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ScoreReview]> {
        JSONBody(try await database.scoreReviews(exam: request.query("exam").flatMap { Int64($0) }, by: try context.principal(.trainer)))
    }

    @Sendable func scoreReviewAnswers(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[MarkingItem]> {
        JSONBody(try await database.shortAnswers(
            forReview: try context.parameters.require("review", as: Int64.self), by: try context.principal(.trainer)))
    }

    @Sendable func answerScoreReview(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ScoreReview> {
        let body = try await request.decodeJSON(ReplyRequest.self, context: context)
        return JSONBody(try await database.answerScoreReview(
            try context.parameters.require("review", as: Int64.self), reply: body.reply, confirming: body.scoreAfter,
            by: try context.principal(.trainer)))
    }

    @Sendable func reopenScoreReview(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ScoreReview> {
        JSONBody(try await database.reopenScoreReview(try context.parameters.require("review", as: Int64.self), by: try context.principal(.trainer)))
    }

    @Sendable func unitMastery(_ request: Request, context: AppRequestContext) async throws -> JSONBody<MasteryReport> {
        JSONBody(try await database.mastery(ofUnit: try context.parameters.require("code"), by: try context.principal(.trainer)))
    }

    @Sendable func staffMastery(_ request: Request, context: AppRequestContext) async throws -> JSONBody<MasteryReport> {
        JSONBody(try await database.mastery(ofStaff: try context.parameters.require("number"), by: try context.principal(.trainer)))
    }

    private func exam(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("exam", as: Int64.self) }
}
