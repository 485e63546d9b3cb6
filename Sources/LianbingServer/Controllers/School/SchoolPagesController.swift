import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// 网校微课 (item 19): the lesson catalogue by knowledge area and a lesson's page, readable on a phone. Lessons are the
/// province's teaching material, so everyone signed in reads all of them; the body is cmark-gfm's safe HTML.
struct SchoolPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/school", use: catalogue)
        router.get("/school/lessons/:lesson", use: lesson)
        router.post("/school/lessons/:lesson/check", use: startCheck)
        router.get("/school/record", use: record)
    }

    struct LessonRow: Sendable {
        var id: String
        var title: String
        var minutes: Int
        var points: String
    }

    struct Area: Sendable {
        var name: String
        var lessons: [LessonRow]
    }

    struct CatalogueContent {
        var areas: [Area]
        var count: Int
        var minutes: Int
        var point: String?
        var posts: [SelectOption]
        /// 必修 first: what the reader's administrators require of them.
        var required: [RequiredRow]
        var studyDays: [StudyDayRow]
        var isStaff: Bool
        var hasRequired: Bool
        var hasStudyDays: Bool
        /// The first few of 推荐学习, the rest a click away.
        var recommended: [RecommendationPagesController.RecommendationRow]
        var hasRecommended: Bool
        var manages: Bool
    }

    struct RequiredRow {
        var id: String
        var title: String
        var minutes: Int
        var deadline: String
        var assignment: String
        var completed: Bool
        var overdue: Bool
    }

    struct StudyDayRow {
        var title: String
        var window: String
        var lessons: [LessonRow]
        var done: Int
        var total: Int
        var attended: Bool
        /// The day's self-test: its lessons' knowledge points, and how many questions.
        var points: [String]
        var selfTestLength: Int?
    }

    @Sendable func catalogue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let point = request.uri.queryParameters.get("point").map { String($0.prefix(64)) }.flatMap { $0.isEmpty ? nil : $0 }
        let post = request.uri.queryParameters.get("post").map { String($0.prefix(32)) }.flatMap { $0.isEmpty ? nil : $0 }
        // A lesson that names no post is for every post.
        let lessons = try await database.lessons(knowledgePoint: point).filter { stored in post.map { stored.lesson.posts.isEmpty || stored.lesson.posts.contains($0) } ?? true }
        var areas: [Area] = []
        for stored in lessons {
            let lesson = stored.lesson
            let area = lesson.knowledgePoints.first.map { String($0.split(separator: "/").first ?? Substring($0)) } ?? "其他"
            let audience = lesson.posts.isEmpty ? "" : " · 适用岗位：" + lesson.posts.joined(separator: "、")
            let row = LessonRow(id: lesson.id, title: lesson.title, minutes: lesson.minutes, points: lesson.knowledgePoints.joined(separator: "、") + audience)
            if let index = areas.firstIndex(where: { $0.name == area }) { areas[index].lessons.append(row) } else { areas.append(Area(name: area, lessons: [row])) }
        }
        let principal = try context.principal()
        let required = try await database.myRequiredLessons(by: principal).map {
            RequiredRow(
                id: $0.lesson.id, title: $0.lesson.title, minutes: $0.lesson.minutes, deadline: $0.deadline.description, assignment: $0.assignmentTitle,
                completed: $0.completed, overdue: $0.overdue)
        }
        let studyDays = try await database.myStudyDays(by: principal).map { mine in
            StudyDayRow(
                title: mine.studyDay.session.title,
                window: "\(mine.studyDay.session.startsAt.chinaTime) 至 \(mine.studyDay.session.endsAt.chinaTime)",
                lessons: mine.studyDay.lessons.map { LessonRow(id: $0.id, title: $0.title, minutes: $0.minutes, points: $0.knowledgePoints.joined(separator: "、")) },
                done: mine.completedInWindow.count, total: mine.studyDay.lessons.count, attended: mine.attended,
                points: Array(Set(mine.studyDay.lessons.flatMap(\.knowledgePoints))).sorted(), selfTestLength: mine.studyDay.selfTestLength)
        }
        let recommended = principal.staffNumber == nil ? [] : try await database.recommendations(by: principal).prefix(3).map(RecommendationPagesController.row)
        let content = CatalogueContent(
            areas: areas, count: lessons.count, minutes: lessons.reduce(0) { $0 + $1.lesson.minutes }, point: point,
            posts: try await database.posts().map { SelectOption(value: $0, label: $0, selected: $0 == post) }, required: required,
            studyDays: studyDays, isStaff: principal.staffNumber != nil, hasRequired: !required.isEmpty, hasStudyDays: !studyDays.isEmpty,
            recommended: Array(recommended), hasRecommended: !recommended.isEmpty, manages: principal.has(.trainer))
        return pages.render("school-catalogue", title: "网校微课", path: "/school", session: context.session, content: content, styles: ["school.css"])
    }

    struct LessonContent {
        var id: String
        var title: String
        var minutes: Int
        var source: String
        var points: [String]
        var revision: Int
        /// cmark-gfm's safe rendering: raw HTML and dangerous links are already gone.
        var html: String
        var players: [LessonHTML.Player]
        /// The reader's progress; none for accounts without a staff record.
        var progress: ProgressView?
    }

    /// Where a reader stands on a lesson, as its page shows it (and `school.js` keeps current).
    struct ProgressView {
        var readPermille: Int
        var visibleMinutes: Int
        var requiredMinutes: Int
        var endReached: Bool
        var checkPassed: Bool
        var completed: String?
        /// Offer to jump back to where they stopped, unless at the very top or end.
        var resume: Bool
        var resumePercent: Int

        init(_ progress: LessonProgress) {
            readPermille = progress.readPermille
            visibleMinutes = progress.visibleSeconds / 60
            requiredMinutes = (progress.requiredSeconds + 59) / 60
            endReached = progress.endReachedAt != nil
            checkPassed = progress.checkPassedAt != nil
            completed = progress.completedAt?.chinaTime
            resume = progress.completedAt == nil && (51..<950).contains(progress.readPermille)
            resumePercent = progress.readPermille / 10
        }
    }

    @Sendable func lesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let id = try context.parameters.require("lesson")
        guard Question.isValidID(id) else { throw LianbingError.notFound("微课 \(id.prefix(32))") }
        let stored = try await database.lesson(id)
        guard stored.lesson.status == .active else { throw LianbingError.notFound("微课 \(id)") }
        let lesson = stored.lesson
        let body = LessonHTML(
            body: lesson.body, fileURL: { SchoolFilesController.fileURL(lesson: lesson.id, revision: stored.revision, name: $0) },
            mediaURL: SchoolFilesController.mediaURL)
        let content = LessonContent(
            id: lesson.id, title: lesson.title, minutes: lesson.minutes, source: lesson.source, points: lesson.knowledgePoints, revision: stored.revision,
            html: body.html, players: body.players, progress: try await database.openLesson(id, by: principal).map(ProgressView.init))
        return pages.render(
            "school-lesson", title: lesson.title, path: "/school", session: context.session, content: content, styles: ["school.css"], scripts: ["school.js"])
    }

    /// The check (小测) button: a self-test on the lesson's knowledge points, whose result page leads back here.
    @Sendable func startCheck(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try LessonsController.lessonId(context)
        let attempt = try await database.startLessonCheck(id, by: try context.principal())
        return .redirect(to: "/my/self-tests/\(attempt.id)", type: .normal)
    }
}
