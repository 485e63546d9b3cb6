import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The online school as JSON: a lesson page's reading reports and check, the caller's learning record and required
/// lessons, and for administrators required lessons (必修) and study days (学习日).
struct LessonsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/lessons/:lesson/reading", use: reading)
        router.post("/api/v1/lessons/:lesson/check", use: check)
        router.get("/api/v1/my/learning", use: learning)
        router.get("/api/v1/my/required-lessons", use: required)
        router.get("/api/v1/lesson-assignments", use: assignments)
        router.post("/api/v1/lesson-assignments", use: assign)
        router.get("/api/v1/lesson-assignments/:assignment", use: assignment)
        router.post("/api/v1/study-days", use: scheduleStudyDay)
        router.get("/api/v1/study-days/:session", use: studyDay)
    }

    /// `POST /api/v1/study-days`: a training session of kind 学习日 with its lessons.
    struct StudyDayRequest: Decodable, Sendable {
        var unitCode: String
        var title: String
        var startsAt: Date
        var endsAt: Date
        var hours: Double
        var audienceUnit: String?
        var audiencePosts: [String]?
        var place: String?
        var lessons: [String]
        var selfTestLength: Int?

        var draft: TrainingSessionDraft {
            TrainingSessionDraft(
                unitCode: unitCode, title: title, kind: .studyDay, startsAt: startsAt, endsAt: endsAt, hours: hours, audienceUnit: audienceUnit,
                audiencePosts: audiencePosts ?? [], place: place ?? "")
        }
    }

    struct StudyDayJSON: Encodable, Sendable {
        var session: TrainingSessionJSON
        var lessons: [LessonSummary]
        var selfTestLength: Int?

        init(_ day: StudyDay) {
            session = TrainingSessionJSON(day.session)
            lessons = day.lessons
            selfTestLength = day.selfTestLength
        }
    }

    static func lessonId(_ context: AppRequestContext) throws -> String {
        let id = try context.parameters.require("lesson")
        guard Question.isValidID(id) else { throw LianbingError.notFound("微课 \(id.prefix(32))") }
        return id
    }

    @Sendable func reading(_ request: Request, context: AppRequestContext) async throws -> JSONBody<LessonProgress> {
        let body = try await request.decodeJSON(ReadingReport.self, context: context)
        return JSONBody(try await database.reportReading(try Self.lessonId(context), body, by: try context.principal()))
    }

    @Sendable func check(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttemptView> {
        JSONBody(try await database.startLessonCheck(try Self.lessonId(context), by: try context.principal()), status: .created)
    }

    @Sendable func learning(_ request: Request, context: AppRequestContext) async throws -> JSONBody<LearningRecord> {
        JSONBody(try await database.learningRecord(by: try context.principal()))
    }

    @Sendable func required(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[RequiredLesson]> {
        JSONBody(try await database.myRequiredLessons(by: try context.principal()))
    }

    @Sendable func assignments(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[LessonAssignment]> {
        JSONBody(try await database.lessonAssignments(for: try context.principal(.trainer)))
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> JSONBody<LessonAssignment> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(LessonAssignmentDraft.self, context: context)
        return JSONBody(try await database.assignLessons(body, by: principal), status: .created)
    }

    @Sendable func assignment(_ request: Request, context: AppRequestContext) async throws -> JSONBody<LessonAssignmentProgress> {
        let principal = try context.principal(.trainer)
        return JSONBody(try await database.lessonAssignmentProgress(try context.parameters.require("assignment", as: Int64.self), for: principal))
    }

    @Sendable func scheduleStudyDay(_ request: Request, context: AppRequestContext) async throws -> JSONBody<StudyDayJSON> {
        let principal = try context.principal(.trainer)
        let body = try await request.decodeJSON(StudyDayRequest.self, context: context)
        let day = try await database.scheduleStudyDay(body.draft, lessons: body.lessons, selfTestLength: body.selfTestLength, by: principal)
        return JSONBody(StudyDayJSON(day), status: .created)
    }

    @Sendable func studyDay(_ request: Request, context: AppRequestContext) async throws -> JSONBody<StudyDayJSON> {
        JSONBody(StudyDayJSON(try await database.studyDay(try context.parameters.require("session", as: Int64.self), for: try context.principal())))
    }
}
