import Foundation
import LianbingCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one worksheet part row by row, turning each cell into the text an import reads: shared and inline strings
/// as written, numbers in plain digits, booleans as 是/否, dates (by the cell's number format) as `2021-03-05`,
/// formulas by the value Excel saved with them. Blank rows are skipped, as the CSV reader skips `,,,` lines.
final class WorksheetDelegate: NSObject, XMLParserDelegate {
    private let sheet: String
    private let file: String
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool

    private(set) var records: [CSVRecord] = []
    private(set) var issues: [ImportIssue] = []

    private var rowNumber = 0
    private var fields: [String] = []
    private var numbers: [Int: Double] = [:]
    private var column = -1
    private var type = ""
    private var style = 0
    private var hasFormula = false
    private var value: String?
    private var inline: String?
    private var collecting = false
    private var inPhonetic = false

    init(sheet: String, file: String, sharedStrings: [String], dateStyles: [Bool], date1904: Bool) {
        self.sheet = sheet
        self.file = file
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            fields.removeAll(keepingCapacity: true)
            numbers = [:]
            column = -1
        case "c":
            column = attributes["r"].flatMap(CellReference.parse)?.column ?? column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            hasFormula = false
            value = nil
            inline = nil
        case "f": hasFormula = true
        case "v":
            value = ""
            collecting = true
        case "is": inline = ""
        case "rPh": inPhonetic = true
        case "t" where inline != nil && !inPhonetic: collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting else { return }
        if inline != nil, value == nil { inline? += string } else { value? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "v", "t": collecting = false
        case "rPh": inPhonetic = false
        case "c": endCell()
        case "row":
            while fields.last?.isEmpty == true { fields.removeLast() }
            let record = CSVRecord(line: rowNumber, fields: fields, sheet: sheet, numbers: numbers)
            if !record.isBlank { records.append(record) }
        default: break
        }
    }

    private func endCell() {
        guard column >= 0, column < 16_384 else { return }
        guard let text = cellText() else { return }
        if fields.count <= column { fields.append(contentsOf: repeatElement("", count: column + 1 - fields.count)) }
        fields[column] = text
    }

    /// The cell's text, or `nil` (with an issue when the cell holds something unusable) when it has none.
    private func cellText() -> String? {
        if type == "inlineStr" { return inline ?? "" }
        // openpyxl and other writers that cannot compute leave a formula's value empty rather than out.
        guard let value, !value.isEmpty || type == "str" else {
            if hasFormula { fail("是公式，但文件里没有保存计算结果：请在 Excel 或 WPS 中打开并保存后重新导入，或把公式单元格“选择性粘贴”为数值") }
            return nil
        }
        switch type {
        case "s":
            guard let index = Int(value), sharedStrings.indices.contains(index) else {
                fail("引用了不存在的共享字符串，文件可能已损坏")
                return nil
            }
            return sharedStrings[index]
        case "str": return value
        case "b": return value == "1" ? "是" : "否"
        case "e":
            fail("是错误值 \(value)：请先在 Excel 或 WPS 中改正")
            return nil
        case "d":
            // An ISO 8601 date Excel writes only in strict mode: keep the date, and the time when there is one.
            let text = value.replacingOccurrences(of: "T", with: " ")
            return text.hasSuffix(" 00:00:00") || text.count == 10 ? String(text.prefix(10)) : String(text.prefix(16))
        default:
            guard let number = Double(value), number.isFinite else {
                fail("不是有效的数字“\(value)”")
                return nil
            }
            if style < dateStyles.count, dateStyles[style] {
                guard let date = ExcelDate.text(serial: number, date1904: date1904) else {
                    fail("不是有效的日期（序号 \(value)）：请重新输入日期")
                    return nil
                }
                return date
            }
            numbers[column] = number
            return Self.digits(number)
        }
    }

    /// A number as a person reads it: `12` rather than `12.0`, and integers up to 15 digits (all Excel keeps) in full.
    static func digits(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    private func fail(_ reason: String) {
        issues.append(ImportIssue(file: file, line: rowNumber, reason: "单元格\(reason)", sheet: sheet, column: column))
    }
}
