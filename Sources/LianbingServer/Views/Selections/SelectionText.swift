import Foundation
import LianbingCore
import LianbingStore

/// How the selection pages word a selection: its rules as facts, numbers, the rules of computation in words, and
/// the line shown after a form succeeded.
enum SelectionText {
    /// Two decimals without trailing zeros (86.5, 100, -0.37), as the exports write them.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A raw value with its unit (`86.5%`, `12 学时`), or 无数据.
    static func raw(_ value: Double?, _ criterion: SelectionCriterion) -> String {
        value.map { number($0) + criterion.unit } ?? "无数据"
    }

    /// The rules as the selection's page lists them.
    static func facts(_ selection: Selection) -> [Fact] {
        let rules = selection.rules
        let minimums = rules.minimums.descriptions
        return [
            Fact(label: "奖项", value: rules.award),
            Fact(label: "遴选单位", value: "\(selection.unitName)（\(selection.unitCode)）"),
            Fact(label: "参评岗位", value: rules.posts.joined(separator: "、")),
            Fact(label: "参评单位层级", value: rules.levels.isEmpty ? "本单位及全部下级" : rules.levels.map(\.displayName).joined(separator: "、")),
            Fact(label: "评选期间", value: "\(rules.from) 至 \(rules.through)"),
            Fact(label: "评选指标", value: rules.criteria.map { "\($0.criterion.label) \($0.weight) 分" }.joined(separator: "；")),
            Fact(label: "标准化", value: rules.normalisation.label),
            Fact(label: "缺少数据", value: rules.missing.label),
            Fact(label: "基本条件", value: minimums.isEmpty ? "无" : minimums.joined(separator: "；")),
            Fact(label: "名额", value: rules.quota.description),
        ]
    }

    /// The normalisation in words, for the candidate's explanation.
    static func normalisationRule(_ normalisation: Normalisation) -> String {
        switch normalisation {
        case .zScore:
            "标准分：（原始值 − 全体候选人的平均值）÷ 标准差。0 表示与平均水平相同，正数高于平均，负数低于平均；全体相同的指标人人为 0。"
        case .minMax:
            "极差标准化：（原始值 − 最低值）÷（最高值 − 最低值）× 100。最低者为 0，最高者为 100；全体相同的指标人人为 100。"
        }
    }

    static func missingRule(_ missing: MissingCriterion) -> String {
        switch missing {
        case .zero: "缺少数据的指标按原始值 0 计，和其他人一起标准化，权重不变。"
        case .rescale: "缺少数据的指标不计，其余指标的权重按比例放大，合计仍为 100%。"
        }
    }

    static let compositeRule = "综合得分 = 各指标标准化值 × 计入权重 之和；指标权重按各项分值占总分值的比例计算。"
    static let tieRule = "综合得分相同的，依次比较：有数据的指标多者在前，按权重从大到小逐项比较标准化值，工号小者在前。"

    /// The line after a form succeeded (`?done=…`). Codes, not text, travel in the address, so a crafted link cannot
    /// make the page say anything else.
    static func notice(_ code: String?) -> String? {
        switch code {
        case "created": "遴选已创建为草稿。核对规则后点“计算”。"
        case "edited": "规则已保存。"
        case "computed": "已计算：规则已锁定。核对名单后可公示。"
        case "adjusted": "名单已调整。"
        case "published": "名单已公示。公示期结束且异议全部答复后可定稿。"
        case "objected": "异议已提交，由组织单位核查答复。"
        case "answered": "已答复异议。"
        case "finalised": "已定稿：获奖情况已记入各获奖人员的记录，可以打印荣誉证书。"
        default: nil
        }
    }
}

