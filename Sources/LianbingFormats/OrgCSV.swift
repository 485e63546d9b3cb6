import Foundation
import LianbingCore

/// The organisation import file (单位.csv): one service unit per row.
///
/// ```
/// 编码,名称,层级,上级编码
/// 44,广东省退役军人服务中心,省,
/// 4401,广州市退役军人服务中心,市,44
/// ```
///
/// Two columns may follow, together or not at all, for the half-year rule (`HalfYearObligation`):
///
/// ```
/// 编码,名称,层级,上级编码,辖区退役军人数,任务较重
/// 440183101001,某某村服务站,村,440183101,860,是
/// ```
///
/// 辖区退役军人数 is a whole number (empty: unknown) and 任务较重 是 or 否 (empty: 否). A file with them gives every
/// row `attributes`; a file without them gives none, so importing it leaves stored attributes alone.
///
/// This checks each row on its own; whether the rows form a valid tree together with the units already
/// stored is `UnitTreeBuilder`'s job.
public enum OrgCSV {
    /// The header row, exactly, or followed by `attributeColumns`.
    public static let header = ["编码", "名称", "层级", "上级编码"]
    /// The optional trailing columns: 辖区退役军人数 and 任务较重.
    public static let attributeColumns = ["辖区退役军人数", "任务较重"]
    /// Largest accepted 辖区退役军人数: more than any one unit could serve, so a bigger number is a typing mistake.
    public static let maxVeteransServed = 10_000_000
    /// Longest accepted unit name, in characters.
    public static let maxNameLength = 64

    /// The rows of an organisation file, or every problem in it, each with its line.
    public static func parse(_ data: Data, file: String, sheet: String? = nil) -> Result<[UnitTreeBuilder.Row], ImportFailure> {
        read(data, file: file, sheet: sheet).flatMap(\.result)
    }

    /// The rows that parsed and the problems of the rest; fails outright only when the file as a whole is unusable.
    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<ParsedImport<UnitTreeBuilder.Row>, ImportFailure> {
        CSVTable.load(data, file: file, header: header, optionalTrailing: attributeColumns, codeColumns: ["编码", "上级编码"], sheet: sheet).map { table in
            let veteransColumn = table.index(of: attributeColumns[0])
            let heavyDutyColumn = table.index(of: attributeColumns[1])
            return table.convert { row, reasons in
                let cells = row.cells
                let (code, name, levelText, parentText) = (cells[0], cells[1], cells[2], cells[3])

                if code.isEmpty {
                    reasons.append("编码为空")
                } else if let problem = CodeCell.problem(code, field: "编码") {
                    reasons.append(problem)
                }
                if name.isEmpty {
                    reasons.append("名称为空")
                } else if name.count > maxNameLength {
                    reasons.append("名称过长：\(name.count) 个字，最多 \(maxNameLength) 个")
                }
                let level = UnitLevel(label: levelText)
                if level == nil {
                    reasons.append(levelText.isEmpty ? "层级为空：应为 省、市、县、镇、村 之一" : "层级“\(levelText)”无效：应为 省、市、县、镇、村 之一")
                }
                // The root is the province: it alone has no parent, and nothing else may lack one.
                if parentText.isEmpty {
                    if let level, level != .province { reasons.append("上级编码为空：只有省级单位可以没有上级") }
                } else if let problem = CodeCell.problem(parentText, field: "上级编码") {
                    reasons.append(problem)
                } else if parentText == code {
                    reasons.append("上级编码不能是单位自己的编码")
                } else if level == .province {
                    reasons.append("省级单位是整棵树的根，上级编码应为空")
                }

                var attributes: UnitAttributes?
                if veteransColumn != nil || heavyDutyColumn != nil {
                    attributes = UnitAttributes(
                        veteransServed: veteransColumn.flatMap { veteransServed(cells[$0], reasons: &reasons) },
                        heavyDuty: heavyDutyColumn.map { heavyDuty(cells[$0], reasons: &reasons) } ?? false)
                }

                guard let level else { return nil }
                let unit = ServiceUnit(code: code, name: name, level: level, parentCode: parentText.isEmpty ? nil : parentText)
                return UnitTreeBuilder.Row(line: row.line, unit: unit, attributes: attributes)
            }
        }
    }

    /// `units` in the import format, in the order given; `parse` reads it back to the same units.
    ///
    /// With `attributes` (by unit code) the file has the two attribute columns, and `parse` gives each unit its
    /// attributes back; a unit missing from `attributes` is written with 辖区退役军人数 empty and 任务较重 否.
    public static func encode(_ units: [ServiceUnit], attributes: [String: UnitAttributes]? = nil) -> Data {
        ReportTableCSV.encode(table(units, attributes: attributes))
    }

    /// The rows `encode` writes, for a workbook too: codes text (a workbook would drop a code's leading zeros),
    /// 辖区退役军人数 a number.
    public static func table(_ units: [ServiceUnit], attributes: [String: UnitAttributes]? = nil) -> ReportTable {
        guard let attributes else {
            return ReportTable(
                title: "单位", columns: header, rows: units.map { [$0.code, $0.name, $0.level.label, $0.parentCode ?? ""] },
                kinds: Array(repeating: .text, count: header.count))
        }
        return ReportTable(
            title: "单位", columns: header + attributeColumns,
            rows: units.map {
                let values = attributes[$0.code] ?? UnitAttributes()
                return [
                    $0.code, $0.name, $0.level.label, $0.parentCode ?? "", values.veteransServed.map(String.init) ?? "",
                    CSVFlag.text(values.heavyDuty),
                ]
            },
            kinds: [.text, .text, .text, .text, .number, .text])
    }

    /// 辖区退役军人数: empty is unknown; otherwise plain digits, 0 to `maxVeteransServed`.
    private static func veteransServed(_ cell: String, reasons: inout [String]) -> Int? {
        if cell.isEmpty { return nil }
        // Digits only (no sign, decimals or exponent); the length bound keeps the conversion from overflowing.
        if cell.count <= 12, cell.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(cell), value <= maxVeteransServed {
            return value
        }
        reasons.append("辖区退役军人数“\(cell)”无效：应为 0 到 \(maxVeteransServed) 之间的整数，不清楚可留空")
        return nil
    }

    /// 任务较重: empty is 否.
    private static func heavyDuty(_ cell: String, reasons: inout [String]) -> Bool {
        if cell.isEmpty { return false }
        if let value = CSVFlag.parse(cell) { return value }
        reasons.append("“任务较重”应为 是 或 否，实际为“\(cell)”")
        return false
    }
}
