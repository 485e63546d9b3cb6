import Foundation
import LianbingCore

/// The marks of a paper sitting (纸笔考试成绩), one candidate per row: the staff number, the form (卷别) they sat,
/// then one mark per question in the order the questions appear on that form.
///
/// ```
/// 工号,卷别,1,2,3
/// GZ0001,A,2,0,3
/// GZ0002,B,2,2,1.5
/// ```
///
/// Only what a row says about itself is checked here: every cell of every row, in one pass. Whether the candidate
/// sits the exam, whether the form exists and whether each mark fits its question's points depend on the exam and
/// are checked by the store.
public enum PaperMarksCSV {
    /// One candidate's marks and the line they came from.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var staffNumber: String
        public var form: String
        public var marks: [Double]

        public init(line: Int, staffNumber: String, form: String, marks: [Double]) {
            self.line = line
            self.staffNumber = staffNumber
            self.form = form
            self.marks = marks
        }
    }

    /// `工号,卷别,1,2,…,questionCount`.
    public static func header(questionCount: Int) -> [String] {
        ["工号", "卷别"] + (0..<max(0, questionCount)).map { String($0 + 1) }
    }

    /// The rows that parsed and the problems of the rest; fails outright only when the file as a whole is unusable
    /// (encoding, structure, header).
    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<ParsedImport<Row>, ImportFailure> {
        let records: [CSVRecord]
        switch TabularFile.records(data, file: file, sheet: sheet) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): records = read
        }
        guard !records.isEmpty else { return fail(file, line: 0, "文件没有内容") }
        let at = TabularFile.headerIndex(records, names: ["工号", "卷别"]) { $0.count > 2 && $0 == header(questionCount: $0.count - 2) }
        let first = records[at]
        let cells = first.fields.map(trim)
        let expected = header(questionCount: cells.count - 2)
        guard cells.count > 2 else {
            return fail(file, line: first.line, "表头应为：工号,卷别,1,2,…（每道题一列，按卷面题序编号）")
        }
        let problems = CSVHeader.problems(cells, expected: expected)
        guard problems.isEmpty else {
            return .failure(ImportFailure(issues: problems.map { first.issue(file, $0) }))
        }
        guard records.count > at + 1 else { return fail(file, line: 0, "文件只有表头，没有成绩行") }

        var firstLineOfNumber: [String: Int] = [:]
        let table = CSVTable(
            file: file, header: expected, records: records[(at + 1)...].map { $0.fitted(to: expected.count) }, codeColumns: [0])
        return .success(table.convert { row, reasons in
            let number = row.cells[0]
            if number.isEmpty {
                reasons.append("工号为空")
            } else if number.contains(where: \.isWhitespace) {
                reasons.append("工号“\(number)”不能包含空格")
            } else if let line = firstLineOfNumber[number] {
                reasons.append("工号 \(number) 重复（第 \(line) 行已出现）")
            } else {
                firstLineOfNumber[number] = row.line
            }

            let form = row.cells[1].uppercased()
            if form.isEmpty {
                reasons.append("卷别为空：应填 A、B 等卷型字母")
            } else if !form.allSatisfy({ $0.isASCII && $0.isLetter }) {
                reasons.append("卷别“\(row.cells[1])”无效：应为 A、B 等卷型字母")
            }

            var marks: [Double] = []
            for (index, cell) in row.cells.dropFirst(2).enumerated() {
                if cell.isEmpty {
                    reasons.append("第 \(index + 1) 题的得分为空：未作答请填 0")
                } else if let mark = decimal(cell), mark >= 0 {
                    marks.append(mark)
                } else {
                    reasons.append("第 \(index + 1) 题的得分“\(cell)”无效：应为不小于 0 的数")
                }
            }
            return Row(line: row.line, staffNumber: number, form: form, marks: marks)
        })
    }

    private static func fail(_ file: String, line: Int, _ reason: String) -> Result<ParsedImport<Row>, ImportFailure> {
        .failure(ImportFailure(issues: [ImportIssue(file: file, line: line, reason: reason)]))
    }

    /// A plain decimal such as `2` or `1.5`; `Double.init` alone would also take `nan`, `inf` and `1e3`.
    private static func decimal(_ text: String) -> Double? {
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else { return nil }
        return Double(text)
    }
}

/// Spreadsheet cells often carry stray spaces (including the full-width U+3000) that users cannot see.
private func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
