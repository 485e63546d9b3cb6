import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// The roster's administration in the browser: add and edit a person (checked as a row of the import is), move
/// them from a date, record or withdraw their leaving, and upload the roster with a dry run first. Each goes
/// through the same store method as `lianbing staff add|edit|move|leave|import`.
struct StaffEditPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/staff/new", use: newPage)
        router.post("/staff/new", use: add)
        router.get("/staff/import", use: importPage)
        router.uploads(.file).post("/api/v1/staff/import", use: importFile)
        router.get("/staff/:number/edit", use: editPage)
        router.post("/staff/:number/edit", use: edit)
        router.post("/staff/:number/move", use: move)
        router.post("/staff/:number/leave", use: leave)
    }

    /// The form as typed, so a refused form comes back as it was.
    struct Form: Sendable {
        var number = ""
        var name = ""
        var unitCode = ""
        var otherUnitCode = ""
        var post = ""
        var isVeteran = false
        var isEntitledPerson = false
        var specialties = ""
        var hireDate = ""
        var isActive = true

        init() {}

        init(_ staff: Staff) {
            number = staff.number
            name = staff.name
            unitCode = staff.unitCode
            post = staff.post
            isVeteran = staff.isVeteran
            isEntitledPerson = staff.isEntitledPerson
            specialties = staff.specialties.joined(separator: "；")
            hireDate = staff.hireDate?.description ?? ""
            isActive = staff.isActive
        }

        init(_ fields: FormFields) {
            let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            number = text("number")
            name = text("name")
            unitCode = text("unit_code")
            otherUnitCode = text("other_unit_code")
            post = text("post")
            isVeteran = fields["veteran"] != nil
            isEntitledPerson = fields["entitled"] != nil
            specialties = text("specialties")
            hireDate = text("hire_date")
            isActive = fields["active"] != nil
        }

        /// The person the form describes, or the hire date's problem in the import's words.
        func staff() -> (Staff, StaffProblem?) {
            var problem: StaffProblem?
            var hired: CivilDate?
            switch Staff.hireDate(from: hireDate) {
            case .success(let date): hired = date
            case .failure(let failure): problem = StaffProblem(.hireDate, failure.message)
            }
            let staff = Staff(
                number: number, name: name, unitCode: otherUnitCode.isEmpty ? unitCode : otherUnitCode, post: post, isVeteran: isVeteran,
                isEntitledPerson: isEntitledPerson, specialties: StaffCSV.specialties(in: specialties), hireDate: hired, isActive: isActive)
            return (staff, problem)
        }
    }

    struct FormContent: Sendable {
        var form: Form
        var isNew: Bool
        var action: String
        var units: [SelectOption]
        var posts: [SelectOption]
        /// Field (`StaffField` case name: mustache names are ASCII) → its messages.
        var messages: [String: String]
        var hasProblems: Bool
    }

    @Sendable func newPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.principal(.admin)
        return try await render(Form(), isNew: true, problems: [], context: context)
    }

    @Sendable func editPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let listing = try await database.staffMember(try context.parameters.require("number"), for: principal)
        return try await render(Form(listing.staff), isNew: false, problems: [], context: context)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, number: nil, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, number: try context.parameters.require("number"), context: context)
    }

    /// Adds (`number` nil) or edits; a refused form comes back with each message beside its field.
    private func save(_ request: Request, number: String?, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        var form = Form(try await Self.fields(request, context: context))
        if let number {
            // The number is not the form's to change, and the unit changes by a dated move.
            let old = try await database.staffMember(number, for: principal).staff
            form.number = number
            form.unitCode = old.unitCode
            form.otherUnitCode = ""
        }
        let (staff, dateProblem) = form.staff()
        let problems = try await database.staffProblems(staff, isNew: number == nil, by: principal) + [dateProblem].compactMap { $0 }
        guard problems.isEmpty else { return try await render(form, isNew: number == nil, problems: problems, context: context) }
        if number == nil { try await database.addStaff(staff, by: principal) } else { try await database.editStaff(staff, by: principal) }
        return .redirect(to: "/staff/\(Self.escaped(staff.number))?done=\(number == nil ? "added" : "saved")", type: .normal)
    }

    private func render(_ form: Form, isNew: Bool, problems: [StaffProblem], context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        // Only a new person's unit is chosen here: an existing one changes unit by a dated move.
        let units = isNew ? try await UnitChoices.options(selected: form.unitCode, for: principal, database: database) : []
        var form = form
        if isNew, !form.unitCode.isEmpty, !units.contains(where: \.selected) { form.otherUnitCode = form.unitCode }
        let posts = try await database.posts()
        let content = FormContent(
            form: form, isNew: isNew,
            action: isNew ? "/staff/new" : "/staff/\(Self.escaped(form.number))/edit", units: units,
            posts: [SelectOption(value: "", label: "请选择", selected: form.post.isEmpty)]
                + posts.map { SelectOption(value: $0, label: $0, selected: $0 == form.post) },
            messages: Dictionary(grouping: problems, by: { "\($0.field)" }).mapValues { $0.map(\.message).joined(separator: "；") },
            hasProblems: !problems.isEmpty)
        return pages.render(
            "staff-form", title: isNew ? "新增工作人员" : "修改工作人员", path: "/staff", session: context.session, content: content,
            status: problems.isEmpty ? .ok : .badRequest)
    }

    /// Moves the person to the chosen unit (or one typed by code) from the date given.
    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let number = try context.parameters.require("number")
        let fields = try await Self.fields(request, context: context)
        let other = fields["other_unit_code"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let unit = other.isEmpty ? fields["unit_code"] ?? "" : other
        return try await refusingInvalid(number, context: context) {
            guard let date = fields["moved_on"].flatMap(CivilDate.init) else { throw LianbingError.invalid("请填写调动日期（年-月-日）") }
            try await database.moveStaff(number, to: unit, on: date, by: principal)
            return "moved"
        }
    }

    /// Records the leaving date, or withdraws it (`undo`).
    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let number = try context.parameters.require("number")
        let fields = try await Self.fields(request, context: context)
        return try await refusingInvalid(number, context: context) {
            if fields["undo"] != nil {
                try await database.recordLeaving(number, on: nil, by: principal)
                return "returned"
            }
            guard let date = fields["left_on"].flatMap(CivilDate.init) else { throw LianbingError.invalid("请填写离职日期（年-月-日）") }
            try await database.recordLeaving(number, on: date, by: principal)
            return "left"
        }
    }

    /// Runs a change from the person's page; a refusal the person can correct (a date, a unit) shows on that page.
    private func refusingInvalid(_ number: String, context: AppRequestContext, _ body: () async throws -> String) async throws -> Response {
        do {
            let done = try await body()
            return .redirect(to: "/staff/\(Self.escaped(number))?done=\(done)", type: .normal)
        } catch let error as LianbingError {
            // A unit not found (or outside the caller's subtree) is the form's mistake, shown on the page but still a
            // 404; the person not found is the page's own.
            let status: HTTPResponse.Status
            switch error {
            case .invalid, .conflict: status = .badRequest
            case .notFound(let what) where what.hasPrefix("单位"): status = .notFound
            default: throw error
            }
            return try await StaffMemberPage.render(
                number, problem: error.message, status: status, context: context, database: database, pages: pages)
        }
    }

    @Sendable func importPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.principal(.admin)
        return pages.render(
            "staff-import", title: "导入花名册", path: "/staff", session: context.session,
            content: ["maxMegabytes": UploadLimit.file.bytes / 1_048_576, "header": StaffCSV.header.joined(separator: ",")],
            scripts: ["upload.js", "roster.js"])
    }

    /// The body is the roster file itself (CSV or .xlsx, `TableUpload`); `dry_run=1` checks it and reports who would
    /// be added or changed without writing. All or nothing: a refused file answers 422 naming every bad line or cell.
    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> JSONBody<StaffImportJSON> {
        let principal = try context.principal(.admin)
        guard TableUpload.accepts(contentType: request.headers[.contentType]) else { throw HTTPError(.unsupportedMediaType) }
        var request = request
        let data = Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        let file = "花名册"
        switch StaffCSV.read(data, file: file) {
        case .failure(let failure): throw LianbingError.importRejected(failure)
        case .success(let parsed):
            let summary = try await database.importStaff(parsed, file: file, dryRun: request.query("dry_run") == "1", by: principal)
            return JSONBody(StaffImportJSON(summary, dryRun: request.query("dry_run") == "1"))
        }
    }

    static func fields(_ request: Request, context: AppRequestContext) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
    }

    static func escaped(_ number: String) -> String {
        number.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? number
    }
}

/// What a roster upload did, or with `dryRun` would do.
struct StaffImportJSON: Codable, Sendable {
    var dryRun: Bool
    var inserted: Int
    var updated: Int
    var unchanged: Int
    var changes: [StaffImportChange]

    init(_ summary: StaffImportSummary, dryRun: Bool) {
        self.dryRun = dryRun
        inserted = summary.inserted
        updated = summary.updated
        unchanged = summary.unchanged
        changes = summary.changes
    }
}
