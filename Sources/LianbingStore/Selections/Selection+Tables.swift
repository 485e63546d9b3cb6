import Foundation
import LianbingCore

extension Selection {
    /// Every eligible candidate's line, as the explanation page lists it and the exports write it: rank, who, each
    /// criterion raw and normalised with the weight it counted with, the composite, and either the place or why not
    /// ranked. Nil before anything is computed, or for a reader who sees only the list.
    public var resultTable: ReportTable? {
        guard let outcome else { return nil }
        let criteria = rules.criteria
        var columns = ["名次", "工号", "姓名", "单位", "名额单位"]
        // A raw value carries its unit (`12学时`): text; the normalised value and the weight are numbers.
        var kinds: [ReportTable.ColumnKind] = [.number, .text, .text, .text, .text]
        for item in criteria {
            columns += ["\(item.criterion.label)（原始）", "\(item.criterion.label)（标准化）", "\(item.criterion.label)（计入权重%）"]
            kinds += [.text, .number, .number]
        }
        columns += ["综合得分", "是否入选", "未排名原因"]
        kinds += [.number, .text, .text]
        let listed = Set(nominees.map(\.number))
        let rows = outcome.lines.map { line -> [String] in
            let candidate = line.candidate
            var row = [line.rank.map(String.init) ?? "", candidate.number, candidate.name, candidate.unitName, candidate.quotaUnitName]
            for (index, item) in criteria.enumerated() {
                row.append(candidate.raw[index].map { Self.number($0) + item.criterion.unit } ?? "无数据")
                row.append(line.normalised[index].map(Self.number) ?? "不计")
                row.append(line.effectiveWeights.indices.contains(index) ? Self.number(line.effectiveWeights[index]) : "")
            }
            row.append(line.composite.map(Self.number) ?? "")
            row.append(listed.contains(candidate.number) ? "入选" : "")
            row.append(line.failures.joined(separator: "；"))
            return row
        }
        return ReportTable(title: "\(title) · 计算结果（\(outcome.lines.count) 人）", columns: columns, rows: rows, kinds: kinds)
    }

    /// The list (公示名单 or, once final, 获奖名单): what anyone the selection covers may read.
    public var nomineeTable: ReportTable {
        ReportTable(
            title: "\(title) · \(status == .final ? "获奖名单" : "拟入选名单")（\(nominees.count) 人）",
            columns: ["序号", "姓名", "单位", "综合得分", "名次", "备注"],
            rows: nominees.enumerated().map { index, nominee in
                [
                    String(index + 1), nominee.name, nominee.unitName, nominee.composite.map(Self.number) ?? "", nominee.rank.map(String.init) ?? "",
                    nominee.added ? "管理员增列" : "",
                ]
            },
            kinds: [.number, .text, .text, .number, .number, .text])
    }

    /// Two decimals, without trailing zeros: 86.5, 100, -0.37.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
