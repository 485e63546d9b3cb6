import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The expert pools (专家库) in the browser: the searchable list with what each expert taught, and for
/// administrators the add form, the CSV import, editing and removing the experts of their subtree's pools. Experts of
/// ancestor units' pools are listed read-only. Scope and roles are the store's.
struct ExpertPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/experts", use: listPage)
        router.post("/experts", use: add)
        router.post("/experts/import", use: importFile)
        router.get("/experts/:expert/edit", use: editPage)
        router.post("/experts/:expert/edit", use: edit)
        router.post("/experts/:expert/remove", use: remove)
    }

    /// The add and edit form as typed: every field stays text, so a refused form comes back as sent.
    struct ExpertForm: Sendable {
        var unitCode = ""
        var name = ""
        var category = ExpertCategory.backbone.rawValue
        /// One per line, or separated by 、，,；;
        var specialties = ""
        var affiliation = ""
        var staffNumber = ""

        init() {}

        init(_ expert: Expert) {
            unitCode = expert.unitCode
            name = expert.name
            category = expert.category.rawValue
            specialties = expert.specialties.joined(separator: "\n")
            affiliation = expert.affiliation
            staffNumber = expert.staffNumber ?? ""
        }

        init(_ fields: FormFields) {
            let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            unitCode = text("unit_code")
            name = text("name")
            category = text("category")
            specialties = fields["specialties"] ?? ""
            affiliation = text("affiliation")
            staffNumber = text("staff_number")
        }

        func draft() throws -> ExpertDraft {
            guard !unitCode.isEmpty else { throw LianbingError.invalid("请选择专家库所属单位") }
            guard let category = ExpertCategory(label: category) else { throw LianbingError.invalid("请选择专家类别") }
            return ExpertDraft(
                unitCode: unitCode, name: name, category: category, specialties: TrainingSessionForm.items(specialties), affiliation: affiliation,
                staffNumber: staffNumber)
        }
    }

    struct FormContent: Sendable {
        var action: String
        var submitLabel: String
        var form: ExpertForm
        var pools: [SelectOption]
        var categories: [SelectOption]
        var problems: [String]
        var hasProblems: Bool
    }

    struct Row: Sendable {
        var id: Int64
        var name: String
        var categoryLabel: String
        var category: String
        var unitName: String
        /// `nil` when blank: an empty string would still open a Mustache section.
        var specialties: String?
        var affiliation: String?
        var staffNumber: String?
        var sessions: Int
        var hours: String
        var lastTaught: String?
        var isOwnPool: Bool
        var canEdit: Bool
    }

    struct ListContent {
        var rows: [Row]
        var total: Int
        var query: String
        var specialty: String
        var unit: String
        var categories: [SelectOption]
        var isAdmin: Bool
        var notice: String?
        var error: String?
        var issues: [String]
        var hasIssues: Bool
        var addForm: FormContent?
        var formOpen: Bool
        var importText: String
        var importOpen: Bool
    }

    /// What a refused form sends back to the list.
    struct Refusal {
        var message: String?
        var issues: [String] = []
        var form: ExpertForm?
        var problems: [String] = []
        var importText = ""
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderList(request, context: context, refusal: Refusal(), status: .ok)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let form = ExpertForm(try await FormFields.from(request, context: context))
        do {
            let expert = try await database.addExpert(try form.draft(), by: principal)
            return .redirect(to: "/experts?done=added#expert-\(expert.id)", type: .normal)
        } catch let error as LianbingError {
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            return try await renderList(request, context: context, refusal: Refusal(form: form, problems: [error.message]), status: status)
        }
    }

    /// Pasted CSV text; a chosen file (CSV or .xlsx) the page's `upload.js` sends unchanged to the API's import instead.
    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let text = try await FormFields.from(request, context: context)["csv"] ?? ""
        do {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw LianbingError.invalid("请粘贴或选择专家库文件（CSV）") }
            let summary = try await ExpertsController.importExperts(Data(text.utf8), database: database, by: principal)
            return .redirect(to: "/experts?done=imported&n=\(summary.inserted)&m=\(summary.updated)", type: .normal)
        } catch let error as LianbingError {
            var refusal = Refusal(message: error.message, importText: text)
            let status: HTTPResponse.Status
            switch error {
            case .importRejected(let failure):
                refusal.issues = failure.issues.map(\.description)
                status = .unprocessableContent
            default:
                guard let formStatus = TrainingPagesController.formStatus(error) else { throw error }
                status = formStatus
            }
            return try await renderList(request, context: context, refusal: refusal, status: status)
        }
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        do {
            try await database.removeExpert(try ExpertsController.expert(context), by: principal)
        } catch let error as LianbingError {
            // Missing or out of scope is a 404 page; an expert who taught stays, and the list says why.
            guard case .conflict = error else { throw error }
            return try await renderList(request, context: context, refusal: Refusal(message: error.message), status: .conflict)
        }
        return .redirect(to: "/experts?done=removed", type: .normal)
    }

    private func renderList(_ request: Request, context: AppRequestContext, refusal: Refusal, status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.principal(.trainer)
        let category = try ExpertsController.category(request)
        let unit = request.query("unit")
        let experts = try await database.experts(
            query: request.query("q"), specialty: request.query("specialty"), category: category, unit: unit, for: principal)
        let activity = Dictionary(
            try await database.expertActivity(unit: unit, for: principal).rows.map { ($0.expert.id, $0) }, uniquingKeysWith: { first, _ in first })
        let isAdmin = principal.has(.admin)
        let rows = experts.map { expert in
            let taught = activity[expert.id]
            return Row(
                id: expert.id, name: expert.name, categoryLabel: expert.category.label, category: expert.category.rawValue, unitName: expert.unitName,
                specialties: expert.specialties.isEmpty ? nil : expert.specialties.joined(separator: "、"),
                affiliation: expert.affiliation.isEmpty ? nil : expert.affiliation, staffNumber: expert.staffNumber,
                sessions: taught?.sessions ?? 0, hours: AppDatabase.points(taught?.hours ?? 0), lastTaught: taught?.lastTaught?.description,
                isOwnPool: expert.isOwnPool, canEdit: isAdmin && expert.isOwnPool)
        }
        var addForm: FormContent?
        if isAdmin {
            var form = refusal.form ?? ExpertForm()
            if form.unitCode.isEmpty { form.unitCode = try await database.scopeRoot(for: principal).code }
            addForm = try await Self.formContent(
                form, action: "/experts", submitLabel: "添加专家", problems: refusal.problems, principal: principal, database: database)
        }
        let content = ListContent(
            rows: rows, total: rows.count, query: request.query("q") ?? "", specialty: request.query("specialty") ?? "", unit: unit ?? "",
            categories: Self.categoryOptions(selected: category?.rawValue ?? ""), isAdmin: isAdmin,
            notice: Self.notice(request.query("done"), inserted: request.queryInt("n"), updated: request.queryInt("m")), error: refusal.message,
            issues: refusal.issues, hasIssues: !refusal.issues.isEmpty, addForm: addForm, formOpen: !refusal.problems.isEmpty,
            importText: refusal.importText, importOpen: !refusal.importText.isEmpty)
        return pages.render(
            "expert-list", title: "专家库", path: "/training", session: context.session, content: content, status: status,
            styles: ["manage.css", "training.css"], scripts: ["training.js", "upload.js"])
    }

    // MARK: Editing

    struct EditContent {
        var name: String
        var unitName: String
        var editForm: FormContent
    }

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let expert = try await managedExpert(try ExpertsController.expert(context), for: principal)
        return try await renderEdit(expert, form: ExpertForm(expert), problems: [], context: context, status: .ok)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try ExpertsController.expert(context)
        let form = ExpertForm(try await FormFields.from(request, context: context))
        do {
            _ = try await database.updateExpert(id, try form.draft(), by: principal)
            return .redirect(to: "/experts?done=edited#expert-\(id)", type: .normal)
        } catch let error as LianbingError {
            // A missing or out-of-scope expert is a 404 page; what the form names is a form problem.
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            let expert = try await managedExpert(id, for: principal)
            return try await renderEdit(expert, form: form, problems: [error.message], context: context, status: status)
        }
    }

    /// An expert of a pool the administrator may change; anything else reads as missing, as the store answers.
    private func managedExpert(_ id: Int64, for principal: Principal) async throws -> Expert {
        guard let expert = try await database.experts(for: principal).first(where: { $0.id == id }), expert.isOwnPool else {
            throw LianbingError.notFound("专家 \(id)")
        }
        return expert
    }

    private func renderEdit(
        _ expert: Expert, form: ExpertForm, problems: [String], context: AppRequestContext, status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal(.admin)
        let content = EditContent(
            name: expert.name, unitName: expert.unitName,
            editForm: try await Self.formContent(
                form, action: "/experts/\(expert.id)/edit", submitLabel: "保存修改", problems: problems, principal: principal, database: database))
        return pages.render(
            "expert-edit", title: "修改专家", path: "/training", session: context.session, content: content, status: status,
            styles: ["manage.css", "training.css"])
    }

    // MARK: Shared

    /// The pools an administrator may fill: province, city and county units among their own and the two levels below.
    static func formContent(
        _ form: ExpertForm, action: String, submitLabel: String, problems: [String], principal: Principal, database: AppDatabase
    ) async throws -> FormContent {
        let root = try await database.scopeRoot(for: principal)
        var units = [(root, 0)]
        for child in try await database.units(parent: root.code, for: principal) where child.level <= .county {
            units.append((child, 1))
            if child.childCount > 0 {
                units += try await database.units(parent: child.code, for: principal).filter { $0.level <= .county }.map { ($0, 2) }
            }
        }
        var pools = units.filter { $0.0.level <= .county }.map { unit, depth in
            SelectOption(value: unit.code, label: String(repeating: "　", count: depth) + unit.name, selected: unit.code == form.unitCode)
        }
        // A pool the select does not offer (typed through the API, or a refused form) stays chosen.
        if !form.unitCode.isEmpty, !pools.contains(where: \.selected) {
            pools.insert(SelectOption(value: form.unitCode, label: form.unitCode, selected: true), at: 0)
        }
        return FormContent(
            action: action, submitLabel: submitLabel, form: form, pools: pools, categories: categoryOptions(selected: form.category),
            problems: problems, hasProblems: !problems.isEmpty)
    }

    static func categoryOptions(selected: String) -> [SelectOption] {
        ExpertCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected || $0.label == selected) }
    }

    /// Codes and numbers, not text, travel in the address (as `TrainingNotice`).
    static func notice(_ code: String?, inserted: Int?, updated: Int?) -> String? {
        switch code {
        case "added": "专家已添加。"
        case "edited": "专家信息已保存。"
        case "removed": "专家已删除。"
        case "imported": "专家库已导入：新增 \(inserted ?? 0) 位，更新 \(updated ?? 0) 位。"
        default: nil
        }
    }
}
