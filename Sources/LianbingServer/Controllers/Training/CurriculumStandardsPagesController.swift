import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Curriculum standards (培训标准) in the browser: the standards judging the current cycle per post and level, every
/// version with its effective date, and for the province's administrators the form that sets a new version. The
/// store decides who may set one.
struct CurriculumStandardsPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/training/standards", use: page)
        router.post("/training/standards", use: set)
    }

    /// The form as typed.
    struct StandardForm: Sendable {
        var post = ""
        var level = UnitLevel.village.label
        var hours = ""
        /// One per line, or separated by 、，,；;
        var topics = ""
        /// `YYYY-MM-DD`; blank is today.
        var effectiveFrom = ""

        init() {}

        init(_ fields: FormFields) {
            let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            post = text("post")
            level = text("level")
            hours = text("hours")
            topics = fields["topics"] ?? ""
            effectiveFrom = text("effective_from")
        }
    }

    struct Row: Sendable {
        var post: String
        var level: String
        var version: Int
        var hours: String
        var topics: String
        var effectiveFrom: String
        var status: String
        var statusLabel: String
        var isCurrent: Bool
        var createdBy: String
    }

    struct Content {
        var cycle: String
        var current: [Row]
        var history: [Row]
        var hasHistory: Bool
        var canSet: Bool
        var isAdmin: Bool
        var form: StandardForm
        var posts: [SelectOption]
        var levels: [SelectOption]
        var problems: [String]
        var hasProblems: Bool
        var notice: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, context: context, form: StandardForm(), problems: [], status: .ok)
    }

    @Sendable func set(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let form = StandardForm(try await FormFields.from(request, context: context))
        do {
            guard let level = UnitLevel(label: form.level) else { throw LianbingError.invalid("请选择层级") }
            guard let hours = Double(form.hours), hours.isFinite else { throw LianbingError.invalid("学时须为数字，如 8 或 7.5") }
            var effectiveFrom: CivilDate?
            if !form.effectiveFrom.isEmpty {
                guard let date = CivilDate(form.effectiveFrom) else { throw LianbingError.invalid("生效日期须为 2026-03-05 这样的日期") }
                effectiveFrom = date
            }
            let standard = try await database.setCurriculumStandard(
                post: form.post, level: level, hours: hours, topics: TrainingSessionForm.items(form.topics), effectiveFrom: effectiveFrom,
                by: principal)
            return .redirect(to: "/training/standards?done=set&v=\(standard.version)", type: .normal)
        } catch let error as LianbingError {
            // Not allowed to set standards is a 403 page; what the form names is a form problem.
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            return try await render(request, context: context, form: form, problems: [error.message], status: status)
        }
    }

    private func render(
        _ request: Request, context: AppRequestContext, form: StandardForm, problems: [String], status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let list = try await database.curriculumStandards(for: principal)
        let rows = list.versions.map { version in
            let standard = version.standard
            return Row(
                post: standard.post, level: standard.level.displayName, version: standard.version,
                hours: standard.isWithdrawal ? "撤销" : AppDatabase.points(standard.hours),
                topics: standard.topics.isEmpty ? "—" : standard.topics.joined(separator: "、"), effectiveFrom: standard.effectiveFrom.description,
                status: version.status.rawValue, statusLabel: version.status.label, isCurrent: version.status == .current,
                createdBy: version.createdBy)
        }
        // The province's administrators set standards; others read them.
        let isAdmin = principal.has(.admin)
        let canSet = try await database.maySetCurriculumStandards(principal)
        var form = form
        let posts = try await database.posts()
        if form.post.isEmpty { form.post = posts.first ?? "" }
        let content = Content(
            cycle: "\(list.cycle.start) 至 \(list.cycle.lastDay)",
            current: rows.filter { $0.isCurrent && $0.hours != "撤销" }, history: rows, hasHistory: !rows.isEmpty, canSet: canSet,
            isAdmin: isAdmin, form: form, posts: posts.map { SelectOption(value: $0, label: $0, selected: $0 == form.post) },
            levels: UnitLevel.allCases.map {
                SelectOption(value: $0.label, label: $0.displayName, selected: $0.label == form.level || $0.displayName == form.level)
            },
            problems: problems, hasProblems: !problems.isEmpty,
            notice: request.query("done") == "set" ? "已设定新版本标准（第 \(request.queryInt("v") ?? 0) 版）。" : nil)
        return pages.render(
            "training-standards", title: "培训标准", path: "/training", session: context.session, content: content, status: status,
            styles: ["manage.css", "training.css"])
    }
}
