import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Creating and editing a centralised assessment in the browser: one form that shows each shipped blueprint as a
/// table, checks the chosen one against the bank and draws one paper to read before anything is saved (检查并预览),
/// and saves a draft only when the store finds nothing wrong, each refusal beside its field; and deleting a draft.
/// Once published, an exam's settings stay as they are.
struct ExamCreationController {
    let database: AppDatabase
    let pages: PageRenderer
    var shipped = ShippedBlueprints()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/exams/new", use: newPage)
        router.post("/exams", use: create)
        router.get("/exams/:exam/edit", use: editPage)
        router.post("/exams/:exam/edit", use: edit)
        router.post("/exams/:exam/delete", use: delete)
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
        /// The checked blueprint as a table, for pasted text, which has no panel of its own.
        var table: BlueprintTable?
        var preview: PreviewView?

        init(heading: String, feasible: Bool, summary: String?, problems: [String], table: BlueprintTable? = nil, preview: PreviewView? = nil) {
            self.heading = heading
            self.feasible = feasible
            self.summary = summary
            self.problems = problems
            hasProblems = !problems.isEmpty
            self.table = table
            self.preview = preview
        }
    }

    /// One paper as the preview lists it.
    struct PreviewView {
        struct Item {
            var kind: String
            var points: String
            var knowledgePoint: String
            var stem: String
        }

        var summary: String
        var items: [Item]

        init(_ preview: PaperPreview) {
            summary = "共 \(preview.items.count) 题，满分 \(AppDatabase.points(preview.maxScore)) 分，平均难度 \(AppDatabase.points(preview.meanDifficulty))"
            items = preview.items.map {
                Item(kind: CandidateWording.kind($0.kind), points: AppDatabase.points($0.points), knowledgePoint: $0.knowledgePoint, stem: $0.stem)
            }
        }
    }

    /// A shipped blueprint as the form shows it; `manage.js` shows the one the select names.
    struct BlueprintPanel {
        var name: String
        var chosen: Bool
        var table: BlueprintTable
        var text: String
    }

    struct PostChoice {
        var field: String
        var name: String
        var checked: Bool
    }

    struct Content {
        /// The draft being edited; `nil` on the create form.
        var examId: Int64?
        var heading: String
        var action: String
        var form: ExamForm
        var blueprintFiles: [SelectOption]
        var units: [SelectOption]
        /// A typed unit code is shown, not folded away.
        var otherUnitOpen: Bool
        var qualifications: [SelectOption]
        var posts: [PostChoice]
        var reviewContents: [SelectOption]
        var reviewTimings: [SelectOption]
        var report: Report?
        var blueprintPanels: [BlueprintPanel]
        var messages: FieldMessages
        var instructionsLength: Int
    }

    /// The words by which the store and the form name each field, most specific first: the unit comes last, as
    /// other messages mention units in passing. Feasibility problems name cells and knowledge points: the blueprint's.
    static let fields: [(name: String, words: [String])] = [
        ("title", ["考试名称"]), ("opens_at", ["开考时间"]), ("closes_at", ["截止时间", "结束时间"]), ("duration_minutes", ["答题时长"]),
        ("pass_mark", ["合格分数"]), ("review_request_days", ["成绩复核申请期限"]), ("partial_percent", ["少选得分"]),
        ("instructions", ["考生须知"]), ("blueprint", ["组卷规则", "细目", "知识点", "曝光", "互斥", "难度", "题库"]),
        ("unit_code", ["考生", "单位"]),
    ]

    @Sendable func newPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let root = try await database.scopeRoot(for: principal)
        let form = ExamForm.blank(now: database.clock(), unitCode: root.code, blueprintFile: shipped.files().first?.name ?? "")
        return try await render(form, report: nil, editing: nil, context: context, principal: principal)
    }

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let exam = try await database.exam(try context.parameters.require("exam", as: Int64.self), by: principal)
        guard exam.status == .draft else { return .redirect(to: "/exams/\(exam.id)", type: .normal) }
        return try await render(ExamForm(exam), report: nil, editing: exam.id, context: context, principal: principal)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, editing: nil)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        // A missing or out-of-scope exam is a 404 page; a unit the form names that cannot be found is a form problem.
        let exam = try await database.exam(try context.parameters.require("exam", as: Int64.self), by: try context.principal(.trainer))
        return try await save(request, context: context, editing: exam.id)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        try await database.deleteExam(try context.parameters.require("exam", as: Int64.self), by: principal)
        return .redirect(to: "/exams?done=deleted", type: .normal)
    }

    /// Checks the form (检查组卷规则) or saves it as a new draft, or over the draft being edited.
    private func save(_ request: Request, context: AppRequestContext, editing: Int64?) async throws -> Response {
        let principal = try context.principal(.trainer)
        let fields = try await FormFields.from(request, context: context)
        let form = ExamForm(fields, posts: try await database.posts())
        let checking = fields["action"] == "check"
        func refused(_ problems: [String], _ status: HTTPResponse.Status) async throws -> Response {
            let messages = FieldMessages(problems, fields: Self.fields)
            let heading = checking ? "无法检查组卷规则，请修改标出的问题" : "未能保存，请修改标出的问题"
            let report = Report(heading: heading, feasible: false, summary: nil, problems: messages.general)
            return try await render(form, report: report, messages: messages, editing: editing, context: context, principal: principal, status: status)
        }
        do {
            if checking {
                let report = try await check(form, principal: principal)
                return try await render(form, report: report, editing: editing, context: context, principal: principal)
            }
            let draft = try form.draft(shipped).get()
            if let editing {
                _ = try await database.updateExam(editing, draft, by: principal)
                return .redirect(to: "/exams/\(editing)?done=edited", type: .normal)
            }
            let exam = try await database.createExam(draft, by: principal)
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

    /// The feasibility report: the blueprint against the current bank, for the candidates the list would hold today;
    /// when feasible, one paper drawn from it to read.
    private func check(_ form: ExamForm, principal: Principal) async throws -> Report {
        guard !form.unit.isEmpty else { throw FormProblems(["请选择考生所在单位"]) }
        let candidates = try await database.candidateCount(unit: form.unit, posts: form.posts, by: principal)
        let blueprint = try form.blueprint(shipped).get().blueprint
        var problems = try await database.checkBlueprint(blueprint, candidates: max(1, candidates), by: principal).map(\.description)
        let preview = problems.isEmpty ? try await database.previewPaper(blueprint, candidates: max(1, candidates), by: principal) : nil
        if candidates == 0 { problems.insert("考生名单为空：所选单位及下级没有符合条件的在岗人员", at: 0) }
        let summary = "每份试卷 \(blueprint.questionCount) 题，总分 \(AppDatabase.points(blueprint.totalPoints)) 分，"
            + "\(blueprint.cells.count) 个细目；按今天的花名册，考生 \(candidates) 人"
        return Report(
            heading: problems.isEmpty ? "组卷规则可行" : "组卷规则不可行，共 \(problems.count) 个问题", feasible: problems.isEmpty,
            summary: summary, problems: problems, table: form.blueprintFile.isEmpty ? BlueprintTable(blueprint) : nil,
            preview: preview.map(PreviewView.init))
    }

    private func render(
        _ form: ExamForm, report: Report?, messages: FieldMessages = .none, editing: Int64?, context: AppRequestContext, principal: Principal,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let files = shipped.files()
        let posts = try await database.posts()
        let units = try await UnitChoices.options(selected: form.unitCode, for: principal, database: database)
        var form = form
        // A unit deeper than the select offers comes back in the typed-code field.
        if !units.contains(where: \.selected), form.otherUnitCode.isEmpty { form.otherUnitCode = form.unitCode }
        let heading = editing == nil ? "新建集中考核" : "修改考试草稿"
        let content = Content(
            examId: editing, heading: heading, action: editing.map { "/exams/\($0)/edit" } ?? "/exams",
            form: form,
            blueprintFiles: files.map {
                SelectOption(
                    value: $0.name, label: "\($0.name)（\($0.blueprint.questionCount) 题，\(AppDatabase.points($0.blueprint.totalPoints)) 分）",
                    selected: $0.name == form.blueprintFile)
            },
            units: units, otherUnitOpen: !form.otherUnitCode.isEmpty,
            qualifications: try await database.qualifications().filter { $0.kind == .internal }.map {
                SelectOption(value: String($0.id), label: "\($0.name)（有效期 \($0.validityYears ?? 0) 年）", selected: String($0.id) == form.qualification)
            },
            posts: posts.enumerated().map { PostChoice(field: "post_\($0.offset)", name: $0.element, checked: form.posts.contains($0.element)) },
            reviewContents: ReviewPolicy.Content.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.reviewContent) },
            reviewTimings: ReviewPolicy.Timing.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.reviewTiming) },
            report: report,
            blueprintPanels: files.map { BlueprintPanel(name: $0.name, chosen: $0.name == form.blueprintFile, table: BlueprintTable($0.blueprint), text: $0.text) },
            messages: messages, instructionsLength: AppDatabase.instructionsLength)
        return pages.render(
            "exam-new", title: heading, path: "/exams", session: context.session, content: content, status: status,
            styles: ["manage.css"], scripts: ["manage.js"])
    }
}
