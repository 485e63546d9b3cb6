import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Creating a centralised assessment in the browser: one form that checks its blueprint against the bank before
/// anything is saved (检查组卷规则), and saves a draft only when the store finds nothing wrong.
struct ExamCreationController {
    let database: AppDatabase
    let pages: PageRenderer
    var shipped = ShippedBlueprints()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/exams/new", use: newPage)
        router.post("/exams", use: submit)
    }

    /// What the check found, or why saving was refused.
    struct Report {
        var heading: String
        var feasible: Bool
        /// Questions per paper, total points, candidates; present once the blueprint could be read.
        var summary: String?
        var problems: [String]
        /// Stored, not computed: templates see stored properties only.
        var hasProblems: Bool

        init(heading: String, feasible: Bool, summary: String?, problems: [String]) {
            self.heading = heading
            self.feasible = feasible
            self.summary = summary
            self.problems = problems
            hasProblems = !problems.isEmpty
        }
    }

    struct PostChoice {
        var field: String
        var name: String
        var checked: Bool
    }

    struct Content {
        var form: ExamForm
        var blueprintFiles: [SelectOption]
        var units: [SelectOption]
        var posts: [PostChoice]
        var reviewContents: [SelectOption]
        var reviewTimings: [SelectOption]
        var report: Report?
    }

    @Sendable func newPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let root = try await database.scopeRoot(for: principal)
        let form = ExamForm.blank(now: database.clock(), unitCode: root.code, blueprintFile: shipped.files().first?.name ?? "")
        return try await render(form, report: nil, context: context, principal: principal)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let fields = try await FormFields.from(request, context: context)
        let form = ExamForm(fields, posts: try await database.posts())
        let checking = fields["action"] == "check"
        func refused(_ problems: [String], _ status: HTTPResponse.Status) async throws -> Response {
            let heading = checking ? "无法检查组卷规则" : "未能保存，请修改以下问题"
            let report = Report(heading: heading, feasible: false, summary: nil, problems: problems)
            return try await render(form, report: report, context: context, principal: principal, status: status)
        }
        do {
            if checking {
                return try await render(form, report: try await check(form, principal: principal), context: context, principal: principal)
            }
            let exam = try await database.createExam(try form.draft(shipped).get(), by: principal)
            return .redirect(to: "/exams/\(exam.id)?done=created", type: .normal)
        } catch let problems as FormProblems {
            return try await refused(problems.messages, .badRequest)
        } catch let error as LianbingError {
            switch error {
            case .invalid(let message): return try await refused(message.split(separator: "\n").map(String.init), .badRequest)
            case .conflict(let message): return try await refused([message], .conflict)
            case .notFound: return try await refused([error.message], .notFound)
            default: throw error
            }
        }
    }

    /// The feasibility report: the blueprint against the current bank, for the candidates the list would hold today.
    private func check(_ form: ExamForm, principal: Principal) async throws -> Report {
        guard !form.unit.isEmpty else { throw FormProblems(["请选择考生所在单位"]) }
        let candidates = try await candidateCount(unit: form.unit, posts: form.posts, principal: principal)
        let blueprint = try form.blueprint(shipped).get().blueprint
        var problems = try await database.checkBlueprint(blueprint, candidates: max(1, candidates), by: principal).map(\.description)
        if candidates == 0 { problems.insert("考生名单为空：所选单位及下级没有符合条件的在岗人员", at: 0) }
        let summary = "每份试卷 \(blueprint.questionCount) 题，总分 \(AppDatabase.points(blueprint.totalPoints)) 分，"
            + "\(blueprint.cells.count) 个细目；按今天的花名册，考生 \(candidates) 人"
        return Report(
            heading: problems.isEmpty ? "组卷规则可行" : "组卷规则不可行，共 \(problems.count) 个问题", feasible: problems.isEmpty,
            summary: summary, problems: problems)
    }

    /// Active staff of the unit's subtree holding one of `posts`: the list publication will freeze, counted ahead
    /// because the exposure cap depends on it.
    private func candidateCount(unit: String, posts: [String], principal: Principal) async throws -> Int {
        var count = 0
        var page = 1
        while true {
            let batch = try await database.staff(
                query: nil, unit: unit, page: PageRequest(page: page, perPage: PageRequest.maximumPerPage), for: principal)
            count += batch.items.filter { $0.staff.isActive && (posts.isEmpty || posts.contains($0.staff.post)) }.count
            if page >= batch.pageCount { return count }
            page += 1
        }
    }

    private func render(
        _ form: ExamForm, report: Report?, context: AppRequestContext, principal: Principal, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let posts = try await database.posts()
        let content = Content(
            form: form,
            blueprintFiles: shipped.files().map {
                SelectOption(
                    value: $0.name, label: "\($0.name)（\($0.blueprint.questionCount) 题，\(AppDatabase.points($0.blueprint.totalPoints)) 分）",
                    selected: $0.name == form.blueprintFile)
            },
            units: try await UnitChoices.options(selected: form.unitCode, for: principal, database: database),
            posts: posts.enumerated().map { PostChoice(field: "post_\($0.offset)", name: $0.element, checked: form.posts.contains($0.element)) },
            reviewContents: ReviewPolicy.Content.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.reviewContent) },
            reviewTimings: ReviewPolicy.Timing.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.reviewTiming) },
            report: report)
        return pages.render(
            "exam-new", title: "新建集中考核", path: "/exams", session: context.session, content: content, status: status,
            styles: ["manage.css"], scripts: ["manage.js"])
    }
}
