import Foundation
import LianbingCore

/// Marks of a paper's sittings, one candidate per row and one question per column, for item analysis of results
/// marked elsewhere (a paper sitting, another system's export).
///
/// ```
/// 考生,Q1,Q2,Q3
/// max,1,2,5
/// GZ0001,1,1.5,4
/// GZ0002,0,2,3
/// ```
///
/// The first column names the candidate; its header cell is free text. The `max` row (also `满分`) is optional and
/// must come right after the header; without it every question is out of 1, the common case of right/wrong
/// questions. Every problem in the file is reported in one pass, each at its line, as the other imports do.
public enum MarkMatrixCSV {
    /// What `ItemStatistics.compute` takes.
    public struct MarkMatrix: Sendable, Equatable {
        public var candidates: [String]
        public var questions: [String]
        /// candidates × questions
        public var marks: [[Double]]
        public var maxMarks: [Double]

        public init(candidates: [String], questions: [String], marks: [[Double]], maxMarks: [Double]) {
            self.candidates = candidates
            self.questions = questions
            self.marks = marks
            self.maxMarks = maxMarks
        }
    }

    public static func parse(_ data: Data, file: String, sheet: String? = nil) -> Result<MarkMatrix, ImportFailure> {
        let records: [CSVRecord]
        switch TabularFile.records(data, file: file, sheet: sheet) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): records = read
        }
        guard let header = records.first else { return fail(file, "文件没有内容") }
        var reader = Reader(file: file, header: header)
        for (index, record) in records.dropFirst().enumerated() {
            reader.read(record.fitted(to: reader.questions.count + 1), first: index == 0)
        }
        if reader.candidates.isEmpty, reader.issues.isEmpty { return fail(file, "文件没有考生行") }
        guard reader.issues.isEmpty else { return .failure(ImportFailure(issues: reader.issues)) }
        return .success(
            MarkMatrix(candidates: reader.candidates, questions: reader.questions, marks: reader.marks, maxMarks: reader.maxMarks))
    }

    private static func fail(_ file: String, _ reason: String) -> Result<MarkMatrix, ImportFailure> {
        .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: reason)]))
    }

    /// First cells that mark the row of maximum marks.
    static func isMaxRow(_ firstCell: String) -> Bool { ["max", "满分"].contains(firstCell.lowercased()) }
}

/// The state of one pass over the records after the header.
private struct Reader {
    let file: String
    let sheet: String?
    let questions: [String]
    private(set) var maxMarks: [Double]
    private(set) var candidates: [String] = []
    private(set) var marks: [[Double]] = []
    private(set) var issues: [ImportIssue] = []
    private var firstLineOfCandidate: [String: Int] = [:]
    /// Questions whose maximum is unusable: their marks are still checked for being numbers, not against it.
    private var badMax: Set<Int> = []

    init(file: String, header: CSVRecord) {
        self.file = file
        sheet = header.sheet
        let cells = header.fields.map(trim)
        questions = Array(cells.dropFirst())
        maxMarks = Array(repeating: 1, count: questions.count)
        if questions.isEmpty { fail(header.line, "表头应为：第一列为考生，其后每列一道题的编号") }
        var seen: [String: Int] = [:]
        for (column, question) in questions.enumerated() {
            if question.isEmpty {
                fail(header.line, "表头第 \(column + 2) 列的题目编号为空")
            } else if let first = seen[question] {
                fail(header.line, "表头第 \(column + 2) 列的题目编号“\(question)”与第 \(first + 2) 列重复")
            } else {
                seen[question] = column
            }
        }
    }

    mutating func read(_ record: CSVRecord, first: Bool) {
        let cells = record.fields.map(trim)
        guard cells.count == questions.count + 1 else {
            fail(record.line, "应有 \(questions.count + 1) 列（考生和 \(questions.count) 道题），实际有 \(cells.count) 列")
            return
        }
        if MarkMatrixCSV.isMaxRow(cells[0]) {
            if first { readMax(cells, line: record.line) } else { fail(record.line, "满分行（max）应紧接在表头之后") }
            return
        }
        readCandidate(cells, line: record.line)
    }

    private mutating func readMax(_ cells: [String], line: Int) {
        for (column, cell) in cells.dropFirst().enumerated() {
            if let value = Double(number: cell), value > 0 {
                maxMarks[column] = value
            } else {
                badMax.insert(column)
                fail(line, "“\(questions[column])”的满分“\(cell)”无效：应为大于 0 的数")
            }
        }
    }

    private mutating func readCandidate(_ cells: [String], line: Int) {
        let candidate = cells[0]
        if candidate.isEmpty {
            fail(line, "考生为空")
        } else if let first = firstLineOfCandidate[candidate] {
            fail(line, "考生 \(candidate) 重复（第 \(first) 行已出现）")
        } else {
            firstLineOfCandidate[candidate] = line
        }
        var row: [Double] = []
        row.reserveCapacity(questions.count)
        for (column, cell) in cells.dropFirst().enumerated() {
            let question = questions[column]
            guard !cell.isEmpty else {
                fail(line, "“\(question)”的分数为空：未作答请填 0")
                continue
            }
            guard let mark = Double(number: cell) else {
                fail(line, "“\(question)”的分数“\(cell)”不是数字")
                continue
            }
            if badMax.contains(column) {
                if mark < 0 { fail(line, "“\(question)”的分数 \(cell) 不能小于 0") }
            } else if mark < 0 || mark > maxMarks[column] {
                fail(line, "“\(question)”的分数 \(cell) 超出范围：应在 0 到 \(maxMarks[column].markText) 之间")
            }
            row.append(mark)
        }
        candidates.append(candidate)
        marks.append(row)
    }

    private mutating func fail(_ line: Int, _ reason: String) {
        issues.append(ImportIssue(file: file, line: line, reason: reason, sheet: sheet))
    }
}

extension Double {
    /// A plain decimal such as `1`, `0.5` or `-2`: `Double.init` also takes `nan`, `inf`, `1e3` and hex, which no
    /// spreadsheet writes for a mark and which would only hide a mistake.
    fileprivate init?(number text: String) {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let value = Double(text)
        else { return nil }
        self = value
    }

    /// `2` rather than `2.0` in messages.
    fileprivate var markText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

/// Spreadsheet cells often carry stray spaces (including the full-width U+3000) that users cannot see.
private func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
