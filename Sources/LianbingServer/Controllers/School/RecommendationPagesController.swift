import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 以考促学 in the browser: a person's 推荐学习 with the targeted self-test after it, a unit's weak knowledge points
/// from its latest assessments, and the before-and-after comparison of those who studied.
struct RecommendationPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/school/recommended", use: recommended)
        router.get("/school/weak-points", use: weakPoints)
        router.get("/school/comparison", use: comparison)
    }

    static let styles = ["school.css", "manage.css"]

    struct RecommendationRow {
        var href: String
        var title: String
        var minutes: Int
        /// 知识点：why, one per weak point the lesson teaches.
        var reasons: [String]
    }

    struct RecommendedContent {
        var hasStaff: Bool
        var rows: [RecommendationRow]
        var points: [String]
        var hasPoints: Bool
        var lengths: [SelectOption]
    }

    @Sendable func recommended(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        var content = RecommendedContent(hasStaff: principal.staffNumber != nil, rows: [], points: [], hasPoints: false, lengths: [])
        if content.hasStaff {
            let recommendations = try await database.recommendations(by: principal)
            content.rows = recommendations.map(Self.row)
            content.points = StudyRecommendation.selfTestPoints(recommendations)
            content.hasPoints = !content.points.isEmpty
            content.lengths = MyPagesController.lengths.map { SelectOption(value: String($0), label: "\($0) 题", selected: $0 == 10) }
        }
        return pages.render("school-recommended", title: "推荐学习", path: "/school", session: context.session, content: content, styles: Self.styles)
    }

    static func row(_ recommendation: StudyRecommendation) -> RecommendationRow {
        RecommendationRow(
            href: "/school/lessons/\(recommendation.lessonId)", title: recommendation.title, minutes: recommendation.minutes,
            reasons: recommendation.points.map { "\($0.knowledgePoint)：\($0.reason)" })
    }

    struct ExamRow {
        var title: String
        var closes: String
        var attempts: Int
    }

    struct WeakRow {
        var point: String
        var percent: Int
        var answered: Int
        var lessons: [LessonLink]
    }

    struct WeakPointsContent {
        /// The unit as a query value, for the link to the other report.
        var unitQuery: String
        var unitName: String
        var units: [SelectOption]
        var latest: Int
        var exams: [ExamRow]
        var rows: [WeakRow]
    }

    @Sendable func weakPoints(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let report = try await database.weakPoints(ofUnit: request.query("unit"), by: principal)
        let content = WeakPointsContent(
            unitQuery: report.unitCode.urlEncoded, unitName: report.unitName,
            units: try await UnitChoices.options(selected: report.unitCode, for: principal, database: database),
            latest: AppDatabase.weakPointExams,
            exams: report.exams.map { ExamRow(title: $0.title, closes: $0.closesAt.chinaTime, attempts: $0.attempts) },
            rows: report.points.map { entry in
                WeakRow(
                    point: entry.weakPoint.knowledgePoint, percent: Int((entry.weakPoint.accuracy * 100).rounded()), answered: entry.weakPoint.answered,
                    lessons: LessonLink.links([PointLessons(knowledgePoint: entry.weakPoint.knowledgePoint, lessons: entry.lessons)]))
            })
        return pages.render("school-weak-points", title: "薄弱知识点", path: "/school", session: context.session, content: content, styles: Self.styles)
    }

    struct ComparisonRow {
        var point: String
        var studied: Int
        var studiedBefore: String
        var studiedAfter: String
        var others: Int
        var othersBefore: String
        var othersAfter: String
    }

    struct ComparisonContent {
        var unitQuery: String
        var unitName: String
        var units: [SelectOption]
        var windowDays: Int
        var rows: [ComparisonRow]
    }

    @Sendable func comparison(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let report = try await database.studyComparison(ofUnit: request.query("unit"), by: principal)
        let content = ComparisonContent(
            unitQuery: report.unitCode.urlEncoded, unitName: report.unitName,
            units: try await UnitChoices.options(selected: report.unitCode, for: principal, database: database),
            windowDays: report.windowDays,
            rows: report.rows.map {
                ComparisonRow(
                    point: $0.knowledgePoint, studied: $0.studied.people, studiedBefore: Self.accuracy($0.studied.before),
                    studiedAfter: Self.accuracy($0.studied.after), others: $0.comparison.people, othersBefore: Self.accuracy($0.comparison.before),
                    othersAfter: Self.accuracy($0.comparison.after))
            })
        return pages.render(
            "school-comparison", title: "学习前后对比", path: "/school", session: context.session, content: content, styles: Self.styles)
    }

    /// 42%（答 12 题）, or a dash when nothing was answered.
    static func accuracy(_ point: Mastery.Point) -> String {
        point.accuracy.map { "\(Int(($0 * 100).rounded()))%（答 \(point.answered) 题）" } ?? "—（答 0 题）"
    }
}
