import Foundation
import LianbingCore
import LianbingStore

extension SelectText {
    /// Why one candidate stands where they do: each criterion from raw value to what it added to the composite, the
    /// rank, and the reason they are or are not on the list (their unit's places, a requirement failed, or an
    /// administrator's change with its reason).
    static func explanation(_ selection: Selection, _ outcome: SelectionOutcome, number: String) throws -> [String] {
        guard let line = outcome.lines.first(where: { $0.candidate.number == number }) else {
            throw LianbingError.notFound("遴选 \(selection.id) 的候选人 \(number)")
        }
        let candidate = line.candidate
        let criteria = selection.rules.criteria
        var lines = [
            "候选人：\(candidate.name)（\(candidate.number)），\(candidate.unitName)；名额单位：\(candidate.quotaUnitName)",
            "标准化：\(selection.rules.normalisation.label)，在全部 \(outcome.lines.count) 名候选人中计算；\(selection.rules.missing.label)",
        ]
        lines += TableText.render(
            columns: ["指标", "权重", "原始值", "标准化值", "计入权重%", "加权得分"],
            rows: criteria.enumerated().map { index, item in
                let normalised = line.normalised.indices.contains(index) ? line.normalised[index] : nil
                let weight = line.effectiveWeights.indices.contains(index) ? line.effectiveWeights[index] : nil
                let points = normalised.flatMap { value in weight.map { value * $0 / 100 } }
                return [
                    item.criterion.label, String(item.weight), candidate.raw[index].map { MessageNumber.text($0) + item.criterion.unit } ?? "无数据",
                    normalised.map(MessageNumber.text) ?? "不计", Self.number(weight), line.failures.isEmpty ? Self.number(points) : "—",
                ]
            })
        if line.failures.isEmpty {
            lines.append("综合得分：\(line.composite.map(MessageNumber.text) ?? "无（没有任何指标的数据，排在有得分者之后）")（各指标加权得分之和）")
        }
        let ranked = outcome.lines.filter { $0.rank != nil }.count
        lines.append(line.rank.map { "名次：第 \($0) 名（共 \(ranked) 人排名）" } ?? "名次：不排名")
        lines.append(contentsOf: verdict(selection, outcome, line))
        return lines
    }

    /// The reason for the candidate's place on (or off) the list.
    private static func verdict(_ selection: Selection, _ outcome: SelectionOutcome, _ line: SelectionOutcome.Line) -> [String] {
        let candidate = line.candidate
        let listed = selection.nominees.contains { $0.number == candidate.number }
        let change = selection.adjustments.last { $0.staffNumber == candidate.number }
        var lines: [String] = []
        if !line.failures.isEmpty {
            lines.append("结论：未排名，未达入选条件——\(line.failures.joined(separator: "；"))。")
        } else {
            let quota = selection.rules.quota
            // Places are given within the candidate's quota unit (the whole selection for one list).
            let rivals = outcome.lines.filter { $0.rank != nil && (quota.sharing == .total || $0.candidate.quotaUnit == candidate.quotaUnit) }
            let position = (rivals.firstIndex { $0.candidate.number == candidate.number } ?? 0) + 1
            let context: String
            if quota.sharing == .total {
                context = "统一排名第 \(position) 名，名额 \(quota.places) 个（实际入选 \(outcome.placesGiven) 人）"
            } else {
                let share = outcome.shares.first { $0.unit == candidate.quotaUnit }
                context = "\(candidate.quotaUnitName)分得 \(share?.places ?? 0) 个名额（候选 \(share?.eligible ?? 0) 人、符合条件 \(share?.qualified ?? 0) 人），本人在该单位符合条件者中排第 \(position) 名"
            }
            if line.selected {
                lines.append("结论：按排名入选——\(context)。")
            } else {
                let lowest = rivals.filter(\.selected).last?.composite
                lines.append("结论：未按排名入选——\(context)" + (lowest.map { "；入选者最低综合得分 \(MessageNumber.text($0))" } ?? "") + "。")
            }
        }
        if let change {
            if line.selected, !listed { lines.append("名单调整：已被管理员 \(change.actor) 撤下，理由：\(change.reason)") }
            if !line.selected, listed { lines.append("名单调整：由管理员 \(change.actor) 增列，理由：\(change.reason)") }
        }
        lines.append("目前\(listed ? "在" : "不在")\(selection.status == .final ? "获奖名单" : "拟入选名单")中。")
        return lines
    }
}
