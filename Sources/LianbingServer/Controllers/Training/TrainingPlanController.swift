import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The coverage planner (全覆盖排班) in the browser and as JSON: given an organising unit, the dates available
/// (listed, or weekdays over a range), the capacity per session and the kind, it shows the cohorts the store proposes
/// and, when asked, creates them as draft sessions. The bounds and rules are the store's (`planCoverage`,
/// `applyCoveragePlan`); the server only parses what was typed.
struct TrainingPlanController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/training/plan", use: api)
        router.get("/training/plan", use: page)
        router.post("/training/plan", use: submit)
    }

    // MARK: JSON

    /// `POST /api/v1/training/plan`: dates as `dates` or as `weekdays` (1 = Monday … 7 = Sunday) from `from` (default
    /// today) to `to` (default the cycle's last day).
    struct PlanRequest: Decodable, Sendable {
        var unitCode: String
        var dates: [String]?
        var weekdays: [Int]?
        var from: String?
        var to: String?
        var capacity: Int
        var kind: String?
        /// Give each cohort the topics its members' curriculum standards lack.
        var withTopics: Bool?
        var on: String?
        var apply: Bool?
        var title: String?
        var startTime: String?
        var endTime: String?
        var hours: Double?
        var place: String?
    }

    /// What applying a plan created: the new draft sessions, in date order.
    struct PlanApplied: Encodable, Sendable {
        var sessionIds: [Int64]
    }

    @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let body = try await request.decodeJSON(PlanRequest.self, context: context)
        let on = try ReportQuery.date(body.on, field: "on（按该日计算）")
        let weekdays = try body.weekdays.map { days -> Set<Int> in
            guard days.count <= 7, days.allSatisfy({ (1...7).contains($0) }) else {
                throw LianbingError.invalid("weekdays 须为 1（周一）到 7（周日）之间的整数")
            }
            return Set(days)
        }
        let input = PlanInput(
            unit: body.unitCode, dates: try await resolveDates(listed: body.dates, weekdays: weekdays, from: body.from, to: body.to, on: on),
            capacity: body.capacity, kind: try PlanInput.kind(body.kind), withTopics: body.withTopics ?? false, on: on,
            title: body.title ?? PlanInput.defaultTitle,
            startTime: body.startTime ?? "09:00", endTime: body.endTime ?? "17:00", hours: body.hours ?? 6, place: body.place ?? "")
        if body.apply == true {
            return try JSONBody(PlanApplied(sessionIds: try await apply(input, by: principal)), status: .created).response(from: request, context: context)
        }
        return try JSONBody(try await plan(input, for: principal)).response(from: request, context: context)
    }

    // MARK: Pages

    struct KindOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct WeekdayBox: Sendable {
        var name: String
        var label: String
        var checked: Bool
    }

    struct Created: Sendable {
        var id: Int64
        var href: String
    }

    struct Content {
        var units: [SelectOption]
        var dates: String
        var weekdays: [WeekdayBox]
        var from: String
        var to: String
        var capacity: String
        var kinds: [KindOption]
        var withTopics: Bool
        var title: String
        var startTime: String
        var endTime: String
        var hours: String
        var place: String
        var cycle: String
        var problems: [String]
        var hasProblems: Bool
        var result: PlanView?
        var created: [Created]
        var hasCreated: Bool
        var createdCount: Int
        var createdNone: Bool
        var dashboard: String
    }

    /// A proposed plan as the page shows it, with the hidden fields that apply exactly these dates.
    struct PlanView: Sendable {
        var summary: String
        var outcome: String
        var isShort: Bool
        var table: ReportTableView
        var canApply: Bool
        var unit: String
        var dates: String
        var capacity: Int
        var kind: String
        var withTopics: Bool
        var title: String
        var startTime: String
        var endTime: String
        var hours: String
        var place: String
    }

    static let weekdayNames: [(field: String, label: String, day: Int)] = [
        ("mon", "一", 1), ("tue", "二", 2), ("wed", "三", 3), ("thu", "四", 4), ("fri", "五", 5), ("sat", "六", 6), ("sun", "日", 7),
    ]

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        var form = PlanForm()
        if let unit = request.query("unit") {
            form.unit = try await database.unitDetail(unit, for: principal).unit.code
        } else {
            form.unit = try await database.scopeRoot(for: principal).code
        }
        // After applying: the new drafts, as links (the session pages check scope themselves).
        let created = (request.query("created") ?? "").split(separator: ",").prefix(1_000).compactMap { Int64($0) }.filter { $0 > 0 }
        return try await render(
            form, problems: [], result: nil, created: created, createdNone: request.query("done") == "none", context: context, status: .ok)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let form = PlanForm(try await FormFields.from(request, context: context))
        let input: PlanInput
        do {
            input = try await form.input(planner: self)
        } catch let error as LianbingError {
            guard case .invalid = error else { throw error }
            return try await render(form, problems: [error.message], result: nil, context: context, status: .badRequest)
        }
        do {
            if form.action == "apply" {
                let ids = try await apply(input, by: principal)
                let target =
                    ids.isEmpty
                    ? Pager.href("/training/plan", query: ["unit": input.unit, "done": "none"])
                    : Pager.href("/training/plan", query: ["unit": input.unit, "created": ids.map(String.init).joined(separator: ",")])
                return .redirect(to: target, type: .normal)
            }
            let result = try await plan(input, for: principal)
            return try await render(form, problems: [], result: Self.view(result, input: input), context: context, status: .ok)
        } catch let error as LianbingError {
            guard case .invalid = error else { throw error }
            return try await render(form, problems: [error.message], result: nil, context: context, status: .badRequest)
        }
    }

    private func render(
        _ form: PlanForm, problems: [String], result: PlanView?, created: [Int64] = [], createdNone: Bool = false, context: AppRequestContext,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        var units = try await UnitChoices.options(selected: form.unit, for: principal, database: database)
        if !form.unit.isEmpty, !units.contains(where: { $0.value == form.unit }),
            let detail = try? await database.unitDetail(form.unit, for: principal)
        {
            units.append(SelectOption(value: detail.unit.code, label: detail.unit.name, selected: true))
        }
        let today = ChinaTime.civilDate(of: database.clock())
        let cycle = try await database.trainingSettings().cycle(containing: today)
        let content = Content(
            units: units, dates: form.dates,
            weekdays: Self.weekdayNames.map { WeekdayBox(name: $0.field, label: "周" + $0.label, checked: form.weekdays.contains($0.day)) },
            from: form.from.isEmpty ? today.description : form.from, to: form.to.isEmpty ? cycle.lastDay.description : form.to,
            capacity: form.capacity,
            kinds: TrainingKind.allCases.filter { $0 != .higherLevel }.map {
                KindOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.kind || $0.label == form.kind)
            },
            withTopics: form.withTopics, title: form.title, startTime: form.startTime, endTime: form.endTime, hours: form.hours, place: form.place,
            cycle: "\(cycle.start) 至 \(cycle.lastDay)", problems: problems, hasProblems: !problems.isEmpty, result: result,
            created: created.map { Created(id: $0, href: "/training/\($0)") }, hasCreated: !created.isEmpty, createdCount: created.count, createdNone: createdNone,
            dashboard: Pager.href("/training/dashboard", query: ["unit": form.unit.isEmpty ? nil : form.unit]))
        return pages.render(
            "training-plan", title: "全覆盖培训排班", path: "/training/plan", session: context.session, content: content, status: status,
            styles: ["manage.css", "dashboard.css"])
    }

    static func view(_ plan: CoveragePlanResult, input: PlanInput) -> PlanView {
        let placed = plan.cohorts.reduce(0) { $0 + $1.people.count }
        var summary = "\(plan.unit.name) 本周期 \(plan.cycle.start) 至 \(plan.cycle.lastDay)，截至 \(plan.today)：待编排 \(plan.toPlan) 人"
        if plan.alreadyInvited > 0 { summary += "（另有 \(plan.alreadyInvited) 人已受邀参加尚未举办的培训，不再编排）" }
        summary += "；可用日期 \(plan.dates.count) 个，每期不超过 \(plan.capacity) 人，类型 \(plan.kind.label)。"
        let outcome: String =
            if plan.toPlan == 0 {
                "本周期需参训的人员都已覆盖或已安排，无需编排。"
            } else if plan.unplaced.isEmpty {
                "共 \(plan.cohorts.count) 期，安排 \(placed) 人：可以全部覆盖。"
            } else {
                "共 \(plan.cohorts.count) 期，安排 \(placed) 人；仍有 \(plan.unplaced.count) 人无法安排，按每期 \(plan.capacity) 人还需 \(plan.missingSessionDates) 个培训日。"
            }
        return PlanView(
            summary: summary, outcome: outcome, isShort: !plan.unplaced.isEmpty, table: ReportTableView(plan.table, id: "plan-table", csv: nil),
            canApply: !plan.cohorts.isEmpty, unit: plan.unit.code, dates: input.dates.map(\.description).joined(separator: ","),
            capacity: plan.capacity, kind: plan.kind.rawValue, withTopics: plan.withTopics, title: input.title, startTime: input.startTime, endTime: input.endTime,
            hours: PlanForm.number(input.hours), place: input.place)
    }

    // MARK: The store

    func plan(_ input: PlanInput, for principal: Principal) async throws -> CoveragePlanResult {
        try await database.planCoverage(
            unit: input.unit, dates: input.dates, capacity: input.capacity, kind: input.kind, withTopics: input.withTopics, on: input.on, for: principal)
    }

    func apply(_ input: PlanInput, by principal: Principal) async throws -> [Int64] {
        try await database.applyCoveragePlan(
            unit: input.unit, dates: input.dates, capacity: input.capacity, kind: input.kind, withTopics: input.withTopics, on: input.on,
            title: input.title,
            startTime: input.startTime, endTime: input.endTime, hours: input.hours, place: input.place, by: principal)
    }

    /// The dates of a request: those listed, else every date on `weekdays` from `from` (default the report day) to
    /// `to` (default the cycle's last day). More than `PlanInput.maximumDates` is refused before any is parsed.
    func resolveDates(listed: [String]?, weekdays: Set<Int>?, from: String?, to: String?, on: CivilDate?) async throws -> [CivilDate] {
        if let listed, !listed.isEmpty {
            guard listed.count <= PlanInput.maximumDates else {
                throw LianbingError.invalid("培训日期最多 \(PlanInput.maximumDates) 个，收到 \(listed.count) 个")
            }
            return try listed.map { text in
                guard let date = try ReportQuery.date(text, field: "培训日期“\(text.prefix(20))”") else {
                    throw LianbingError.invalid("培训日期不能为空")
                }
                return date
            }
        }
        guard let weekdays, !weekdays.isEmpty else { throw LianbingError.invalid("请填写可用的培训日期（每行一个），或选择每周哪几天可以培训") }
        let day = on ?? ChinaTime.civilDate(of: database.clock())
        let start = try ReportQuery.date(from, field: "起始日期") ?? day
        var end = try ReportQuery.date(to, field: "截止日期")
        if end == nil { end = try await database.trainingSettings().cycle(containing: day).lastDay }
        guard let end else { throw LianbingError.invalid("请填写截止日期") }
        guard start <= end else { throw LianbingError.invalid("截止日期不能早于起始日期") }
        var dates: [CivilDate] = []
        var date = start
        while date <= end {
            if weekdays.contains(Self.isoWeekday(date)) {
                dates.append(date)
                guard dates.count <= PlanInput.maximumDates else {
                    throw LianbingError.invalid("\(start) 至 \(end) 之间符合所选星期的日期超过 \(PlanInput.maximumDates) 个，请缩短日期范围")
                }
            }
            guard let next = date.adding(days: 1) else { break }
            date = next
        }
        guard !dates.isEmpty else { throw LianbingError.invalid("\(start) 至 \(end) 之间没有符合所选星期的日期") }
        return dates
    }

    /// 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday.
    static func isoWeekday(_ date: CivilDate) -> Int {
        let offset = (date.dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }
}

/// A plan request once parsed.
struct PlanInput: Sendable {
    static let maximumDates = 1_000
    static let defaultTitle = "全覆盖培训"

    var unit: String
    var dates: [CivilDate]
    var capacity: Int
    var kind: TrainingKind
    var withTopics: Bool
    var on: CivilDate?
    var title: String
    var startTime: String
    var endTime: String
    var hours: Double
    var place: String

    /// A kind by its English value or its Chinese name; 专题培训班 when not given.
    static func kind(_ text: String?) throws -> TrainingKind {
        guard let value = text?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return .course }
        if let kind = TrainingKind(rawValue: value) ?? TrainingKind.allCases.first(where: { $0.label == value }) { return kind }
        throw LianbingError.invalid("培训类型须为 " + TrainingKind.allCases.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、") + " 之一")
    }
}

/// The planner form's fields as typed, kept to fill the form again.
struct PlanForm: Sendable {
    var unit = ""
    var dates = ""
    var weekdays: Set<Int> = []
    var from = ""
    var to = ""
    var capacity = "60"
    var kind = TrainingKind.course.rawValue
    var withTopics = false
    var title = PlanInput.defaultTitle
    var startTime = "09:00"
    var endTime = "17:00"
    var hours = "6"
    var place = ""
    var action = "preview"

    init() {}

    init(_ fields: FormFields) {
        func text(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        unit = text("unit")
        dates = text("dates")
        weekdays = Set(TrainingPlanController.weekdayNames.filter { fields[$0.field] != nil }.map(\.day))
        from = text("from")
        to = text("to")
        capacity = text("capacity")
        kind = text("kind")
        withTopics = fields["with_topics"] != nil
        title = text("title")
        startTime = text("start_time")
        endTime = text("end_time")
        hours = text("hours")
        place = text("place")
        action = text("action")
    }

    func input(planner: TrainingPlanController) async throws -> PlanInput {
        guard !unit.isEmpty else { throw LianbingError.invalid("请选择主办单位") }
        guard let capacity = Int(capacity) else { throw LianbingError.invalid("每期人数须为整数") }
        guard let hours = Double(hours.isEmpty ? "6" : hours), hours.isFinite else { throw LianbingError.invalid("学时须为 0 到 500 之间的数") }
        // One date per line (commas, spaces and 、 separate too); more than the store accepts is refused before parsing.
        let listed = dates.split(whereSeparator: { "\n\r,，、 \t".contains($0) }).map(String.init)
        return PlanInput(
            unit: unit,
            dates: try await planner.resolveDates(
                listed: listed, weekdays: weekdays, from: from.isEmpty ? nil : from, to: to.isEmpty ? nil : to, on: nil),
            capacity: capacity, kind: try PlanInput.kind(kind), withTopics: withTopics, on: nil,
            title: title.isEmpty ? PlanInput.defaultTitle : title,
            startTime: startTime.isEmpty ? "09:00" : startTime, endTime: endTime.isEmpty ? "17:00" : endTime, hours: hours, place: place)
    }

    /// `6`, not `6.0`.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        return String(value)
    }
}
