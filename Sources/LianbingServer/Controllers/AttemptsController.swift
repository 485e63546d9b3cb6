import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The candidate's side of exams and self-tests, as JSON (`docs/API.md`). Every call acts for the signed-in
/// member of staff on their own attempts; another person's attempt is reported as missing.
struct AttemptsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/my/exams", use: myExams)
        router.post("/api/v1/my/exams/:exam/attempt", use: start)
        router.post("/api/v1/my/exams/:exam/score-review", use: requestReview)
        router.get("/api/v1/my/attempts/:attempt", use: attempt)
        router.put("/api/v1/my/attempts/:attempt/answers/:position", use: save)
        router.post("/api/v1/my/attempts/:attempt/submit", use: submit)
        router.post("/api/v1/my/attempts/:attempt/hidden", use: hidden)
        router.get("/api/v1/my/self-tests", use: selfTests)
        router.post("/api/v1/my/self-tests", use: startSelfTest)
        router.post("/api/v1/my/self-tests/:attempt/answers/:position", use: answerSelfTest)
        router.get("/api/v1/my/wrong-questions", use: wrongQuestions)
        router.get("/api/v1/my/review", use: review)
        router.get("/api/v1/my/mastery", use: mastery)
    }

    struct SaveRequest: Decodable {
        /// `null` clears the answer.
        var response: LianbingCore.Response?
    }

    struct AnswerRequest: Decodable { var response: LianbingCore.Response }

    struct HiddenRequest: Decodable { var seconds: Double }

    struct SelfTestRequestJSON: Decodable {
        var knowledgePoints: [String]?
        var length: Int
        /// Practise the wrong-question book instead of chosen knowledge points.
        var wrongQuestions: Bool?
        /// Review the questions due in 今日复习 instead.
        var dueReviews: Bool?
    }

    struct ReviewRequest: Decodable { var reason: String }

    @Sendable func myExams(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[MyExam]> {
        JSONBody(try await database.myExams(by: try context.principal()))
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttemptView> {
        let client = ClientInfo(address: context.remoteAddress, userAgent: request.headers[.userAgent])
        return JSONBody(try await database.startAttempt(exam: try context.parameters.require("exam", as: Int64.self), client: client, by: try context.principal()))
    }

    @Sendable func attempt(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttemptView> {
        JSONBody(try await database.attempt(try context.parameters.require("attempt", as: Int64.self), by: try context.principal()))
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SavedAnswer> {
        let body = try await request.decodeJSON(SaveRequest.self, context: context)
        return JSONBody(try await database.saveAnswer(
            attempt: try context.parameters.require("attempt", as: Int64.self), position: try context.parameters.require("position", as: Int.self),
            response: body.response, by: try context.principal()))
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttemptView> {
        JSONBody(try await database.submitAttempt(try context.parameters.require("attempt", as: Int64.self), by: try context.principal()))
    }

    @Sendable func hidden(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeJSON(HiddenRequest.self, context: context)
        try await database.recordHidden(attempt: try context.parameters.require("attempt", as: Int64.self), seconds: body.seconds, by: try context.principal())
        return .noContent
    }

    @Sendable func selfTests(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[AttemptSummary]> {
        JSONBody(try await database.mySelfTests(by: try context.principal()))
    }

    @Sendable func startSelfTest(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttemptView> {
        let body = try await request.decodeJSON(SelfTestRequestJSON.self, context: context)
        let selfTest: SelfTestRequest =
            if body.dueReviews == true { .dueReviews(length: body.length) }
            else if body.wrongQuestions == true { .wrongQuestions(length: body.length) }
            else { .knowledgePoints(body.knowledgePoints ?? [], length: body.length) }
        return JSONBody(try await database.startSelfTest(selfTest, by: try context.principal()), status: .created)
    }

    @Sendable func answerSelfTest(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Feedback> {
        let body = try await request.decodeJSON(AnswerRequest.self, context: context)
        return JSONBody(try await database.answerSelfTest(
            attempt: try context.parameters.require("attempt", as: Int64.self), position: try context.parameters.require("position", as: Int.self),
            response: body.response, by: try context.principal()))
    }

    @Sendable func wrongQuestions(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[WrongQuestion]> {
        JSONBody(try await database.wrongBook(by: try context.principal()))
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ReviewQueue> {
        JSONBody(try await database.reviewQueue(by: try context.principal()))
    }

    @Sendable func mastery(_ request: Request, context: AppRequestContext) async throws -> JSONBody<MasteryReport> {
        JSONBody(try await database.mastery(by: try context.principal()))
    }

    @Sendable func requestReview(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ScoreReview> {
        let body = try await request.decodeJSON(ReviewRequest.self, context: context)
        return JSONBody(
            try await database.requestScoreReview(exam: try context.parameters.require("exam", as: Int64.self), reason: body.reason, by: try context.principal()),
            status: .created)
    }
}
