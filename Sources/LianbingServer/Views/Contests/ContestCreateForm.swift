import Foundation
import LianbingCore
import LianbingStore

/// The new-contest form (举办比赛) as typed. Every field stays text, so a refused form comes back exactly as sent;
/// the store checks every range.
struct ContestCreateForm: Sendable {
    /// How many tie-breakers the form offers, each a select (`tie_1` …).
    static let tieSlots = TieBreaker.allCases.count

    var title = ""
    var unitCode = ""
    var format = ContestFormat.team.rawValue
    var heldOn = ""
    var basePoints = "100"
    /// The chosen tie-breakers by slot, raw values; `""` for none.
    var tieBreakers: [String] = ContestDraft(title: "", unitCode: "", format: .team, heldOn: CivilDate(year: 2000, month: 1, day: 1)!)
        .tieBreakers.map(\.rawValue)

    init() {}

    /// A week from today for the caller's own unit: a plausible start the organiser edits.
    static func blank(now: Date, unitCode: String) -> ContestCreateForm {
        var form = ContestCreateForm()
        form.unitCode = unitCode
        form.heldOn = ChinaTime.civilDate(of: now.addingTimeInterval(7 * 86_400)).description
        return form
    }

    init(_ fields: FormFields) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        title = text("title")
        unitCode = text("unit_code")
        format = text("format")
        heldOn = text("held_on")
        basePoints = text("base_points")
        tieBreakers = (1...Self.tieSlots).map { text("tie_\($0)") }
    }

    /// The draft the store checks further, or every problem the form has on its own.
    func draft() throws -> ContestDraft {
        var problems: [String] = []
        if unitCode.isEmpty { problems.append("请选择举办单位") }
        let contestFormat = ContestFormat(rawValue: format)
        if contestFormat == nil { problems.append("请选择比赛形式（个人赛或团体赛）") }
        let date = CivilDate(heldOn)
        if date == nil { problems.append("请填写比赛日期（年-月-日）") }
        let base = Int(basePoints)
        if base == nil { problems.append("基础分须为整数，如 100；不设基础分请填 0") }
        var chosen: [TieBreaker] = []
        for value in tieBreakers where !value.isEmpty {
            guard let tieBreaker = TieBreaker(rawValue: value) else {
                problems.append("请从列表中选择同分比较规则")
                break
            }
            chosen.append(tieBreaker)
        }
        guard let contestFormat, let date, let base, problems.isEmpty else { throw FormProblems(problems) }
        return ContestDraft(title: title, unitCode: unitCode, format: contestFormat, heldOn: date, basePoints: base, tieBreakers: chosen)
    }
}

/// What the new-contest form partial (`contest-form.mustache`) shows: the form as typed, its choices and problems.
struct ContestCreateFormContent: Sendable {
    struct TieSlot: Sendable {
        var field: String
        var label: String
        var options: [SelectOption]
    }

    var form: ContestCreateForm
    var units: [SelectOption]
    var hasUnits: Bool
    var formats: [SelectOption]
    var tieSlots: [TieSlot]
    var problems: [String]
    var hasProblems: Bool

    static func make(_ form: ContestCreateForm, problems: [String], principal: Principal, database: AppDatabase) async throws -> ContestCreateFormContent {
        var units = try await UnitChoices.organisers(selected: form.unitCode, for: principal, database: database)
        // A unit the select does not offer (a refused form) stays chosen.
        if !form.unitCode.isEmpty, !units.contains(where: \.selected) {
            units.insert(SelectOption(value: form.unitCode, label: form.unitCode, selected: true), at: 0)
        }
        let ordinals = ["第一", "第二", "第三", "第四", "第五"]
        let slots = (0..<ContestCreateForm.tieSlots).map { index in
            let chosen = index < form.tieBreakers.count ? form.tieBreakers[index] : ""
            return TieSlot(
                field: "tie_\(index + 1)", label: "\(index < ordinals.count ? ordinals[index] : "第 \(index + 1) ")比较",
                options: [SelectOption(value: "", label: "（不比较）", selected: chosen.isEmpty)]
                    + TieBreaker.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen) })
        }
        return ContestCreateFormContent(
            form: form, units: units, hasUnits: !units.isEmpty,
            formats: ContestFormat.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.format) },
            tieSlots: slots, problems: problems, hasProblems: !problems.isEmpty)
    }
}
