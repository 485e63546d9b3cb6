import Foundation
import LianbingCore
import LianbingStore

/// Selections as text for the terminal: the rules, where the selection stands, and the tables `show` prints.
enum SelectText {
    static let listColumns = ["编号", "名称", "奖项", "组织单位", "状态", "公示截止"]

    static func row(_ summary: SelectionSummary) -> [String] {
        [String(summary.id), summary.title, summary.award, summary.unitName, summary.status.label, summary.noticeEndsOn?.description ?? "—"]
    }

    static func number(_ value: Double?) -> String { value.map(MessageNumber.text) ?? "—" }

    /// Everything that decides the winners, one line each.
    static func rules(_ selection: Selection) -> [String] {
        let rules = selection.rules
        let criteria = rules.criteria.map { "\($0.criterion.label)（\($0.criterion.rawValue)）\($0.weight) 分" }
        return [
            "组织单位：\(selection.unitName)（\(selection.unitCode)）",
            "奖项：\(rules.award)",
            "参评岗位：\(rules.posts.joined(separator: "、"))；参评层级：\(rules.levels.isEmpty ? "不限" : rules.levels.map(\.displayName).joined(separator: "、"))",
            "评选期间：\(rules.from) 至 \(rules.through)",
            "指标与权重：\(criteria.joined(separator: "，"))",
            "标准化：\(rules.normalisation.label)；\(rules.missing.label)",
            "入选条件：\(rules.minimums.descriptions.isEmpty ? "无" : rules.minimums.descriptions.joined(separator: "；"))",
            "名额：\(rules.quota.description)",
        ]
    }

    /// Status and the dates of each step taken.
    static func status(_ selection: Selection) -> [String] {
        var lines = ["状态：\(selection.status.label)；创建人 \(selection.createdBy)，\(ChinaTime.format(selection.createdAt))"]
        if let at = selection.computedAt { lines.append("计算时间：\(ChinaTime.format(at))") }
        if let at = selection.publishedAt {
            lines.append("公示：\(ChinaTime.format(at)) 起" + (selection.noticeEndsOn.map { "，至 \($0) 止" } ?? ""))
        }
        if let at = selection.finalisedAt { lines.append("定稿时间：\(ChinaTime.format(at))") }
        if selection.openObjections > 0 { lines.append("待答复异议：\(selection.openObjections) 条") }
        return lines
    }

    static func shares(_ outcome: SelectionOutcome, quota: SelectionQuota) -> [String] {
        TableText.render(
            title: "名额分配（共 \(quota.places) 个，已分配 \(outcome.placesGiven) 个）", columns: ["名额单位", "编码", "候选人", "符合条件", "名额"],
            rows: outcome.shares.map { [$0.unitName, $0.unit, String($0.eligible), String($0.qualified), String($0.places)] })
    }

    /// The ranked candidates, marking who is on the list now: by rank, added by an administrator, or removed.
    static func ranked(_ selection: Selection, _ outcome: SelectionOutcome) -> [String] {
        let listed = Set(selection.nominees.map(\.number))
        let lines = outcome.lines.filter { $0.rank != nil }
        return TableText.render(
            title: "排名（\(lines.count) 人）", columns: ["名次", "工号", "姓名", "单位", "综合得分", "入选"],
            rows: lines.map { line in
                let staff = line.candidate.number
                let mark = switch (line.selected, listed.contains(staff)) {
                case (true, true): "入选"
                case (true, false): "撤下"
                case (false, true): "增列"
                case (false, false): ""
                }
                return [line.rank.map(String.init) ?? "", staff, line.candidate.name, line.candidate.unitName, number(line.composite), mark]
            })
    }

    /// Candidates who failed a minimum requirement, with the reasons.
    static func unranked(_ outcome: SelectionOutcome) -> [String] {
        let lines = outcome.lines.filter { !$0.failures.isEmpty }
        guard !lines.isEmpty else { return [] }
        return TableText.render(
            title: "未排名（\(lines.count) 人，未达入选条件）", columns: ["工号", "姓名", "单位", "原因"],
            rows: lines.map { [$0.candidate.number, $0.candidate.name, $0.candidate.unitName, $0.failures.joined(separator: "；")] })
    }

    static func adjustments(_ selection: Selection) -> [String] {
        guard !selection.adjustments.isEmpty else { return [] }
        return TableText.render(
            title: "名单调整（\(selection.adjustments.count) 条）", columns: ["时间", "调整", "工号", "姓名", "理由", "操作人"],
            rows: selection.adjustments.map {
                [ChinaTime.format($0.at), $0.action == .add ? "增列" : "撤下", $0.staffNumber, $0.name, $0.reason, $0.actor]
            })
    }

    static func objections(_ selection: Selection) -> [String] {
        guard !selection.objections.isEmpty else { return [] }
        return TableText.render(
            title: "异议（\(selection.objections.count) 条，待答复 \(selection.openObjections) 条）",
            columns: ["编号", "对象", "内容", "提出人", "时间", "答复", "答复人"],
            rows: selection.objections.map {
                [String($0.id), $0.staffNumber ?? "整个名单", $0.text, $0.author, ChinaTime.format($0.at), $0.answer ?? "（待答复）", $0.answeredBy ?? ""]
            })
    }

    static func nominees(_ selection: Selection) -> [String] { TableText.render(selection.nomineeTable) }
}
