import LianbingCore
import LianbingStore

/// The advancement form (晋级): a finished lower-level contest of the same format, and how many of its teams go on —
/// the top N overall, or the top N of each unit.
struct ContestAdvanceForm: Sendable {
    var from = ""
    var rule = "top"
    var count = "3"

    init() {}

    init(_ fields: FormFields) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        from = text("from_contest")
        rule = text("rule")
        count = text("count")
    }

    func parsed() throws -> (from: Int64, rule: AdvancementRule) {
        guard let lower = Int64(from) else { throw LianbingError.invalid("请选择晋级来源的下级比赛") }
        guard let n = Int(count) else { throw LianbingError.invalid("晋级名额须为整数") }
        switch rule {
        case "top": return (lower, .top(n))
        case "per-unit": return (lower, .perUnit(n))
        default: throw LianbingError.invalid("请选择晋级方式")
        }
    }

    /// Finished contests of the same format the caller runs, other than `contest`: the store checks the levels.
    func candidates(for contest: Contest, among contests: [Contest]) -> [SelectOption] {
        var options = contests.filter { $0.id != contest.id && $0.status == .finished && $0.format == contest.format && $0.boardToken != nil }.map {
            SelectOption(value: String($0.id), label: "\($0.heldOn) \($0.unitName)：\($0.title)", selected: String($0.id) == from)
        }
        // A contest the list does not offer (a refused form) stays chosen.
        if !from.isEmpty, !options.contains(where: \.selected) {
            options.insert(SelectOption(value: from, label: "比赛 \(from)", selected: true), at: 0)
        }
        return options
    }

    var rules: [SelectOption] {
        [
            SelectOption(value: "top", label: "前 N 名晋级", selected: rule == "top"),
            SelectOption(value: "per-unit", label: "每单位前 N 名晋级", selected: rule == "per-unit"),
        ]
    }
}
