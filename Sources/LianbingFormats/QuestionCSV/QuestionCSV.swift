import Foundation
import LianbingCore

/// The question template (题目模板.csv): one question per row, for authors who prefer Excel or WPS to a text editor.
///
/// ```
/// 编号,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,评分要点,知识点,难度,出处,用途,原文,标签,状态
/// XD19-001,单选,某镇…？,每季度,每半年,每年,每两年,,,,,B,…,,队伍建设/学习培训形式,2,粤退役军人发〔2023〕22号 二（五）19,通用,…,情景题,启用
/// ```
///
/// Cells follow the bank's text format (`QuestionBank/README.md`): 答案 is `B` or `ABD` for choices, `正确`/`错误`,
/// blanks separated by `|` with variants by `/`, or the reference answer of a 简答; 评分要点, 知识点 and 标签 are
/// separated by `;`; `\|`, `\/`, `\;` and `\\` write those characters literally in the split columns.
///
/// The first 18 columns are the template; 原文, 标签 and 状态 may follow, all three or none, so that the short
/// template keeps working while an export loses nothing. Encodings and line endings are `CSVTextDecoder`'s and
/// `CSVReader`'s: UTF-8 with or without BOM, or GB18030, in; UTF-8 with BOM out.
public enum QuestionCSV {
    /// The template's columns, exactly.
    public static let header = [
        "编号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G", "选项H",
        "答案", "解析", "评分要点", "知识点", "难度", "出处", "用途",
    ]
    /// Columns that may follow `header`, all together: what the bank has and the template leaves out.
    public static let optionalColumns = ["原文", "标签", "状态"]
    /// What `write` produces.
    public static var fullHeader: [String] { header + optionalColumns }

    /// The questions of a template file, each with its line; rows with problems become `issues` (every reason of
    /// every row, so one upload shows everything to fix). Fails only when the file as a whole is unusable:
    /// encoding, broken quoting, a wrong header, no rows.
    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<QuestionImport, ImportFailure> {
        let records: [CSVRecord]
        switch TabularFile.records(data, file: file, sheet: sheet) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): records = read
        }
        func refuse(_ line: Int, _ reasons: [String], sheet: String? = nil) -> Result<QuestionImport, ImportFailure> {
            .failure(ImportFailure(issues: reasons.map { ImportIssue(file: file, line: line, reason: $0, sheet: sheet) }))
        }
        guard !records.isEmpty else { return refuse(0, ["文件没有内容"]) }
        let at = TabularFile.headerIndex(records, names: fullHeader) { $0 == header || $0 == fullHeader }
        let first = records[at]

        // The header decides which layout the rows follow; anything past the 18 template columns must be the
        // three optional ones, so a typo in them is still caught.
        let actual = first.fields.map(QuestionCSVRow.trim)
        let expected = actual.count > header.count ? fullHeader : header
        let headerProblems = CSVHeader.problems(actual, expected: expected)
        if !headerProblems.isEmpty { return refuse(first.line, headerProblems, sheet: first.sheet) }
        guard records.count > at + 1 else { return refuse(0, ["文件只有表头，没有数据行"], sheet: first.sheet) }

        var result = QuestionImport()
        var seen = SeenQuestionIDs()
        for record in records[(at + 1)...].map({ $0.fitted(to: expected.count) }) {
            var reasons: [String] = []
            if record.fields.count != expected.count {
                reasons.append("应有 \(expected.count) 列（\(expected.joined(separator: ","))），实际有 \(record.fields.count) 列")
            } else if let question = QuestionCSVRow.question(record.fields.map(QuestionCSVRow.trim), reasons: &reasons),
                reasons.isEmpty
            {
                if let duplicate = seen.claim(question.id, line: record.line) {
                    reasons.append(duplicate)
                } else {
                    result.questions.append(LocatedQuestion(question: question, file: file, line: record.line))
                }
            }
            result.issues += reasons.map { record.issue(file, $0) }
        }
        return .success(result)
    }

    /// `questions` as a template file with all 21 columns, in the order given.
    ///
    /// `read(write(qs))` gives back `qs` for every question whose text has no surrounding whitespace and whose list
    /// entries contain no line breaks (the reader trims cells, as spreadsheets pad them) — every valid bank question.
    public static func write(_ questions: [Question]) -> Data {
        CSVWriter.encode([fullHeader] + questions.map(QuestionCSVRow.cells))
    }

    /// The template authors download: the full header and two worked examples from the seed, a 单选 and a 填空
    /// (the second shows the `\/` escape in `三分之一/1\/3`).
    public static func template() -> Data { write(QuestionCSVTemplate.examples) }
}
