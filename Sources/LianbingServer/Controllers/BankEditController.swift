import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Creating, correcting, retiring and restoring questions in the browser, for trainers and administrators of the unit
/// that owns them. The form is read as a block of a bank file and checked as `bank validate` checks one, so it gives
/// the same messages; a save may regrade every submitted paper that used the question (from the item statistics or a
/// score review, where a wrong key shows).
struct BankEditController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/bank/new", use: newPage)
        router.post("/bank/new", use: create)
        router.get("/bank/:id/edit", use: editPage)
        router.post("/bank/:id/edit", use: edit)
        router.post("/bank/:id/retire", use: retire)
        router.post("/bank/:id/restore", use: restore)
        router.post("/bank/:id/regrade", use: regrade)
    }

    struct Option {
        var label: String
        var selected: Bool
    }

    struct FormContent {
        var id: String?
        var action: String
        var heading: String
        var values: [String: String]
        var kinds: [Option]
        var difficulties: [Option]
        var usages: [Option]
        var statuses: [Option]
        var revision: Int?
        var reason: String
        var regrade: Bool
        var messages: FieldMessages
        var refused: Bool
    }

    /// Each form field with the words that name it in a message, most specific first (`参考答案` before `答案`).
    static let fields: [(name: String, words: [String])] = {
        let order: [BankTextForm.Field] = [
            .id, .reference, .scoringPoints, .answer, .source, .quote, .knowledgePoints, .difficulty, .stem, .options, .usage, .status, .tags,
            .explanation, .kind,
        ]
        return [("reason", ["修改原因"])] + order.map { ($0.rawValue, [$0.label]) } + [("options", ["单选题", "多选题"])]
    }()

    @Sendable func newPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.principal(.trainer)
        let blank = BankTextForm([.kind: QuestionKind.singleChoice.label, .difficulty: "3", .usage: QuestionUsage.both.label, .status: QuestionStatus.active.label])
        return render(blank, id: nil, revision: nil, reason: "", regrade: false, messages: .none, context: context)
    }

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let current = try await changeable(id, by: try context.principal(.trainer)).revisions[0]
        return render(
            BankTextForm(current.question), id: id, revision: current.revision, reason: "", regrade: request.query("regrade") == "1",
            messages: .none, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context: context, id: nil)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        // Out of scope is refused before the form is read, not answered with its problems.
        _ = try await changeable(id, by: try context.principal(.trainer))
        return try await save(request, context: context, id: id)
    }

    /// The question's history, when `principal` may change it.
    private func changeable(_ id: String, by principal: Principal) async throws -> QuestionHistory {
        let history = try await database.questionHistory(id, for: principal)
        guard history.mayChange else { throw LianbingError.forbidden("本题属于上级单位的题库，只有其培训师和管理员可以修改") }
        return history
    }

    /// Reads the form as a bank file block, saves it as a new revision, and regrades on request.
    private func save(_ request: Request, context: AppRequestContext, id: String?) async throws -> Response {
        let principal = try context.principal(.trainer)
        let fields = try await FormFields.from(request, context: context)
        var form = BankTextForm()
        for field in BankTextForm.Field.allCases { form[field] = fields[field.rawValue] ?? "" }
        if let id { form[.id] = id }
        let revision = try id.map { _ in
            guard let text = fields["revision"], let value = Int(text) else { throw LianbingError.invalid("表单缺少版本号，请重新打开后再改") }
            return value
        }
        let reason = fields["reason"] ?? ""
        let regrade = fields["regrade"] != nil
        func refused(_ messages: [String], _ status: HTTPResponse.Status) -> Response {
            render(
                form, id: id, revision: revision, reason: reason, regrade: regrade, messages: FieldMessages(messages, fields: Self.fields),
                context: context, status: status)
        }
        let read = form.read()
        guard let question = read.questions.first?.question else { return refused(read.issues.map(\.reason), .badRequest) }
        do {
            try await database.saveQuestion(question, basedOn: revision, reason: reason, by: principal)
        } catch let error as LianbingError {
            switch error {
            case .importRejected(let failure): return refused(failure.issues.map(\.reason), .badRequest)
            case .invalid(let message): return refused([message], .badRequest)
            case .conflict(let message): return refused([message], .conflict)
            default: throw error
            }
        }
        if regrade { _ = try await database.regrade(question: question.id, by: principal) }
        let done = regrade ? "regraded" : id == nil ? "created" : "saved"
        // A saved 题号 is letters, digits, - and _ (`Question.isValidID`): safe in a path as it stands.
        return .redirect(to: "/bank/\(question.id)?done=\(done)", type: .normal)
    }

    @Sendable func retire(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await setStatus(.retired, request, context: context)
    }

    @Sendable func restore(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await setStatus(.active, request, context: context)
    }

    private func setStatus(_ status: QuestionStatus, _ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try context.parameters.require("id")
        let fields = try await FormFields.from(request, context: context)
        do {
            try await database.setQuestionStatus(id, to: status, reason: fields["reason"] ?? "", by: principal)
        } catch LianbingError.importRejected(let failure) {
            throw LianbingError.invalid(failure.issues.map(\.reason).joined(separator: "；"))
        }
        return .redirect(to: "/bank/\(id)?done=\(status == .retired ? "retired" : "restored")", type: .normal)
    }

    @Sendable func regrade(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await database.regrade(question: id, by: try context.principal(.trainer))
        return .redirect(to: "/bank/\(id)?done=regraded", type: .normal)
    }

    /// What the question page says after one of these forms succeeded; codes, not text, travel in the address.
    static func notice(_ code: String?) -> String? {
        switch code {
        case "created": "试题已新增（第 1 版）。"
        case "saved": "已保存为新版本。"
        case "regraded": "已按本题当前答案重新评分：用过本题的已交试卷分数随之更新，每位考生的变化记入成绩变更和操作日志。"
        case "retired": "试题已停用：以后的试卷不再抽到它，已出的试卷不变。"
        case "restored": "试题已恢复启用。"
        default: nil
        }
    }

    private func render(
        _ form: BankTextForm, id: String?, revision: Int?, reason: String, regrade: Bool, messages: FieldMessages, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let options = { (labels: [String], current: String) in labels.map { Option(label: $0, selected: $0 == current) } }
        let content = FormContent(
            id: id, action: id.map { "/bank/\($0)/edit" } ?? "/bank/new", heading: id.map { "修改试题 \($0)" } ?? "新增试题",
            values: Dictionary(uniqueKeysWithValues: BankTextForm.Field.allCases.map { ($0.rawValue, form[$0]) }),
            kinds: options(QuestionKind.allCases.map(\.label), form[.kind]), difficulties: options((1...5).map(String.init), form[.difficulty]),
            usages: options(QuestionUsage.allCases.map(\.label), form[.usage]), statuses: options(QuestionStatus.allCases.map(\.label), form[.status]),
            revision: revision, reason: reason, regrade: regrade, messages: messages, refused: status != .ok)
        return pages.render(
            "bank-form", title: content.heading, path: "/bank", session: context.session, content: content, status: status, styles: ["manage.css"])
    }
}
