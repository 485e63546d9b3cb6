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
/// This checks each row on its own; whether the rows form a valid tree together with the units already
/// stored is `UnitTreeBuilder`'s job.
public enum OrgCSV {
    /// The header row, exactly.
    public static let header = ["编码", "名称", "层级", "上级编码"]
    /// Longest accepted unit name, in characters.
    public static let maxNameLength = 64

    /// The rows of an organisation file, or every problem in it, each with its line.
    public static func parse(_ data: Data, file: String) -> Result<[UnitTreeBuilder.Row], ImportFailure> {
        read(data, file: file).flatMap(\.result)
    }

    /// The rows that parsed and the problems of the rest; fails outright only when the file as a whole is unusable.
    public static func read(_ data: Data, file: String) -> Result<ParsedImport<UnitTreeBuilder.Row>, ImportFailure> {
        CSVTable.load(data, file: file, header: header).map { table in
            table.convert { row, reasons in
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

                guard let level else { return nil }
                let unit = ServiceUnit(code: code, name: name, level: level, parentCode: parentText.isEmpty ? nil : parentText)
                return UnitTreeBuilder.Row(line: row.line, unit: unit)
            }
        }
    }

    /// `units` in the import format, in the order given; `parse` reads it back to the same units.
    public static func encode(_ units: [ServiceUnit]) -> Data {
        CSVWriter.encode([header] + units.map { [$0.code, $0.name, $0.level.label, $0.parentCode ?? ""] })
    }
}
