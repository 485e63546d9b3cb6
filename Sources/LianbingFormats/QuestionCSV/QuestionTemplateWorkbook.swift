import Foundation
import LianbingCore

/// The question template as an Excel workbook (`bank template --format xlsx`): the sheet to fill in, with the same
/// columns and two worked examples as the CSV template and drop-down lists for 题型, 难度, 用途 and 状态; and a
/// second sheet saying what each column takes, beside the two examples' values.
public enum QuestionTemplateWorkbook {
    /// What each column of `QuestionCSV.fullHeader` takes, in its order.
    static let explanations = [
        "可留空（导入时自动编号）；同一题库内不能重复，字母、数字、- 和 _",
        "必填，下拉选择：单选、多选、判断、填空、简答",
        "必填；填空题用 ____ 标出空位",
        "单选、多选题的选项，从 A 起连续填写；其他题型留空",
        "同上", "同上", "同上", "同上", "同上", "同上", "同上",
        "必填。单选、多选填选项字母（如 B、ABD）；判断填 正确 或 错误；填空各空用 | 分隔，同一空的几种答案用 / 分隔（答案中的 / 写作 \\/）；简答填参考答案",
        "可留空；答题后显示给考生",
        "只有简答题填写：评分要点，用 ; 分隔",
        "可留空；多个用 ; 分隔，层级用 / 分隔，如 队伍建设/人员配备",
        "必填，下拉选择：1（最易）至 5（最难）",
        "可留空；题目依据的文件及条款",
        "下拉选择：考试、练习、通用；留空为通用",
        "可留空；依据文件的原文",
        "可留空；多个用 ; 分隔",
        "下拉选择：草稿、启用、停用；留空为启用。草稿题不会进入试卷",
    ]

    public static func encode(exportedAt: Date) throws -> Data {
        let examples = QuestionCSVTemplate.examples.map(QuestionCSVRow.cells)
        let header = QuestionCSV.fullHeader
        let column = { (name: String) in header.firstIndex(of: name)! }
        let questions = ReportTable(
            title: "题目", columns: header, rows: examples, kinds: Array(repeating: .text, count: header.count))
        let guide = ReportTable(
            title: "填写说明", columns: ["列", "填写说明", "示例一（单选）", "示例二（填空）"],
            rows: header.indices.map { [header[$0], explanations[$0], examples[0][$0], examples[1][$0]] },
            kinds: Array(repeating: .text, count: 4))
        let choices = [
            column("题型"): QuestionKind.allCases.map(\.label),
            column("难度"): (1...5).map(String.init),
            column("用途"): QuestionUsage.allCases.map(\.label),
            column("状态"): QuestionStatus.allCases.map(\.label),
        ]
        return try WorkbookWriter.encode([WorkbookSheet(questions, choices: choices), WorkbookSheet(guide)], exportedAt: exportedAt)
    }
}
