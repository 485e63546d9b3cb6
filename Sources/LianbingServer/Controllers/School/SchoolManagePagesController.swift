import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 网校管理 for trainers and administrators: lesson completion by unit and lesson with the most-failed checks,
/// required lessons (必修) with who has not done them, and scheduling a study day (学习日). Everything is the
/// caller's subtree; a refused form comes back with what was typed and why.
struct SchoolManagePagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/school/manage", use: manage)
        router.post("/school/assignments", use: assign)
        router.get("/school/assignments/:assignment", use: assignment)
        router.post("/school/study-days", use: scheduleStudyDay)
    }

    struct LessonChoice {
        var id: String
        var title: String
        var minutes: Int
        var checked: Bool
    }

    /// The two forms as typed.
    struct Typed: Sendable {
        var assignmentTitle = ""
        var deadline = ""
        var assignmentLessons: Set<String> = []
        var dayTitle = ""
        var startsAt = ""
        var endsAt = ""
        var hours = "2"
        var selfTest = ""
        var dayLessons: Set<String> = []
        var unit = ""
    }

    struct ManageContent {
        var report: SchoolReport
        var units: [SelectOption]
        var assignments: [LessonAssignment]
        var hasAssignments: Bool
        var assignmentLessons: [LessonChoice]
        var dayLessons: [LessonChoice]
        var typed: Typed
        var canAssign: Bool
        var problem: String?
        var hasMostFailed: Bool
        /// The unit's weak points from its latest assessments, offered when choosing a study day's lessons.
        var weakPoints: [WeakRow]
        var hasWeakPoints: Bool
    }

    struct WeakRow {
        var point: String
        var reason: String
        var lessons: String
    }

    @Sendable func manage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let unit = request.uri.queryParameters.get("unit").map { String($0.prefix(32)) }
        return try await render(unit: unit, typed: nil, problem: nil, context: context)
    }

    func render(unit: String?, typed: Typed?, problem: String?, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let report = try await database.schoolReport(unit: unit.flatMap { $0.isEmpty ? nil : $0 }, for: principal)
        let lessons = try await database.lessons()
        let tomorrow = ChinaTime.civilDate(of: Date().addingTimeInterval(86_400))
        var form = typed ?? Typed()
        if typed == nil {
            form.unit = report.unitCode
            form.deadline = ChinaTime.civilDate(of: Date().addingTimeInterval(30 * 86_400)).description
            form.startsAt = "\(tomorrow)T08:00"
            form.endsAt = "\(tomorrow)T21:00"
        }
        let choices = { (chosen: Set<String>) in
            lessons.map { LessonChoice(id: $0.lesson.id, title: $0.lesson.title, minutes: $0.lesson.minutes, checked: chosen.contains($0.lesson.id)) }
        }
        let content = ManageContent(
            report: report, units: report.units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == form.unit) },
            assignments: try await database.lessonAssignments(for: principal), hasAssignments: false,
            assignmentLessons: choices(form.assignmentLessons), dayLessons: choices(form.dayLessons), typed: form, canAssign: principal.has(.admin),
            problem: problem, hasMostFailed: !report.mostFailed.isEmpty, weakPoints: [], hasWeakPoints: false)
        var shown = content
        shown.hasAssignments = !content.assignments.isEmpty
        shown.weakPoints = try await database.weakPoints(ofUnit: report.unitCode, by: principal).points.prefix(5).map {
            WeakRow(
                point: $0.weakPoint.knowledgePoint, reason: $0.weakPoint.reason,
                lessons: $0.lessons.isEmpty ? "暂无微课" : $0.lessons.map(\.title).joined(separator: "、"))
        }
        shown.hasWeakPoints = !shown.weakPoints.isEmpty
        return pages.render(
            "school-manage", title: "网校管理", path: "/school", session: context.session, content: shown, status: problem == nil ? .ok : .unprocessableContent,
            styles: ["school.css"])
    }

    static func typed(_ fields: FormFields, lessons: [String]) -> Typed {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        var typed = Typed()
        typed.unit = text("unit_code")
        typed.assignmentTitle = text("title")
        typed.deadline = text("deadline")
        typed.assignmentLessons = Set(lessons.filter { fields["lesson_\($0)"] != nil })
        typed.dayTitle = text("day_title")
        typed.startsAt = text("starts_at")
        typed.endsAt = text("ends_at")
        typed.hours = text("hours")
        typed.selfTest = text("self_test")
        typed.dayLessons = Set(lessons.filter { fields["day_lesson_\($0)"] != nil })
        return typed
    }

    func fields(_ request: Request, context: AppRequestContext) async throws -> (FormFields, Typed, [String]) {
        var request = request
        let fields = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        let ids = try await database.lessons().map(\.lesson.id)
        return (fields, Self.typed(fields, lessons: ids), ids)
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let (_, typed, ids) = try await fields(request, context: context)
        do {
            guard let deadline = CivilDate(typed.deadline) else { throw LianbingError.invalid("请填写截止日期（年-月-日）") }
            let assignment = try await database.assignLessons(
                LessonAssignmentDraft(unitCode: typed.unit, title: typed.assignmentTitle, lessons: ids.filter(typed.assignmentLessons.contains), deadline: deadline),
                by: principal)
            return .redirect(to: "/school/assignments/\(assignment.id)", type: .normal)
        } catch let error as LianbingError {
            guard case .invalid = error else { throw error }
            return try await render(unit: nil, typed: typed, problem: error.message, context: context)
        }
    }

    @Sendable func scheduleStudyDay(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let (_, typed, ids) = try await fields(request, context: context)
        do {
            guard let starts = ChinaTime.parse(typed.startsAt), let ends = ChinaTime.parse(typed.endsAt) else {
                throw LianbingError.invalid("请填写学习日的开始和结束时间（年-月-日 时:分）")
            }
            guard let hours = Double(typed.hours), hours.isFinite else { throw LianbingError.invalid("学时须为数字，如 2 或 1.5") }
            var length: Int?
            if !typed.selfTest.isEmpty {
                guard let value = Int(typed.selfTest) else { throw LianbingError.invalid("自测题量须为整数，不安排自测请留空") }
                length = value
            }
            let day = try await database.scheduleStudyDay(
                TrainingSessionDraft(unitCode: typed.unit, title: typed.dayTitle, kind: .studyDay, startsAt: starts, endsAt: ends, hours: hours),
                lessons: ids.filter(typed.dayLessons.contains), selfTestLength: length, by: principal)
            return .redirect(to: "/training/\(day.session.id)", type: .normal)
        } catch let error as LianbingError {
            guard case .invalid = error else { throw error }
            return try await render(unit: nil, typed: typed, problem: error.message, context: context)
        }
    }

    struct ProgressContent {
        var progress: LessonAssignmentProgress
        var finished: Int
        var total: Int
        var lessonCount: Int
        var unfinished: [LessonAssignmentProgress.Person]
        var done: [LessonAssignmentProgress.Person]
    }

    @Sendable func assignment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let progress = try await database.lessonAssignmentProgress(try context.parameters.require("assignment", as: Int64.self), for: principal)
        let count = progress.assignment.lessons.count
        let content = ProgressContent(
            progress: progress, finished: progress.finishedCount, total: progress.people.count, lessonCount: count,
            unfinished: progress.people.filter { $0.completed < count }, done: progress.people.filter { $0.completed == count })
        return pages.render(
            "school-assignment", title: progress.assignment.title, path: "/school", session: context.session, content: content, styles: ["school.css"])
    }
}
