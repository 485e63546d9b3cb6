import Foundation
import LianbingCore

/// The expert pool file (专家库.csv): one expert per row.
///
/// ```
/// 姓名,单位编码,类别,专长,工作单位及职务,工号
/// 王五,4401,高校专家,政策法规;优抚,华南师范大学法学院 教授,
/// 赵六,440103,业务骨干,退役安置、就业创业,越秀区退役军人服务中心 副主任,GZ0002
/// ```
///
/// 类别 is 高校专家, 行业精英 or 业务骨干 (or university, industry, backbone). 专长 are the knowledge points the expert
/// can teach, separated as in the staff file. 工号 is given when the expert is also a member of staff.
///
/// Only what a row says about itself is checked here. Whether the unit exists and the staff number belongs to
/// someone depend on the database and are checked by the store.
public enum ExpertCSV {
    /// The header row, exactly.
    public static let header = ["姓名", "单位编码", "类别", "专长", "工作单位及职务", "工号"]
    /// Longest accepted name (姓名), in characters.
    public static let maxNameLength = 32
    /// Longest accepted 工作单位及职务, in characters.
    public static let maxAffiliationLength = 100

    /// A parsed row and the line it came from, so the store's checks can still point at the file.
    public typealias Row = ExpertImportRow

    /// The rows of an expert file, or every problem in it, each with its line.
    public static func parse(_ data: Data, file: String, sheet: String? = nil) -> Result<[Row], ImportFailure> {
        read(data, file: file, sheet: sheet).flatMap(\.result)
    }

    /// The rows that parsed and the problems of the rest; fails outright only when the file as a whole is unusable.
    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<ParsedImport<Row>, ImportFailure> {
        var firstLineOfNumber: [String: Int] = [:]
        var firstLineOfNameInUnit: [String: Int] = [:]
        let categories = ExpertCategory.allCases.map(\.label).joined(separator: "、")
        return CSVTable.load(data, file: file, header: header, codeColumns: ["单位编码", "工号"], sheet: sheet).map { table in
            table.convert { row, reasons in
                let cells = row.cells

                let name = cells[0]
                if let problem = NameCell.problem(name, maxLength: maxNameLength) { reasons.append(problem) }

                let unitCode = cells[1]
                if let problem = CodeCell.requiredProblem(unitCode, field: "单位编码") { reasons.append(problem) }

                let category = ExpertCategory(label: cells[2])
                if cells[2].isEmpty {
                    reasons.append("类别为空：应为 \(categories) 之一")
                } else if category == nil {
                    reasons.append("类别“\(cells[2])”无效：应为 \(categories) 之一")
                }

                let affiliation = cells[4]
                if affiliation.count > maxAffiliationLength {
                    reasons.append("工作单位及职务过长：\(affiliation.count) 个字，最多 \(maxAffiliationLength) 个")
                }

                // An expert on the staff is known by their number; anyone else by their name within the unit.
                let number = cells[5]
                if !number.isEmpty {
                    if let problem = StaffNumberCell.problem(number) {
                        reasons.append(problem)
                    } else if let first = firstLineOfNumber[number] {
                        reasons.append("工号 \(number) 重复（第 \(first) 行已出现）")
                    } else {
                        firstLineOfNumber[number] = row.line
                    }
                } else if !name.isEmpty, !unitCode.isEmpty {
                    let key = unitCode + "\n" + name
                    if let first = firstLineOfNameInUnit[key] {
                        reasons.append("单位 \(unitCode) 的专家 \(name) 重复（第 \(first) 行已出现）")
                    } else {
                        firstLineOfNameInUnit[key] = row.line
                    }
                }

                guard let category else { return nil }
                let expert = ExpertDraft(
                    unitCode: unitCode, name: name, category: category, specialties: ListCell.items(in: cells[3]),
                    affiliation: affiliation, staffNumber: number.isEmpty ? nil : number)
                return Row(line: row.line, expert: expert)
            }
        }
    }

    /// `experts` in the import format, in the order given; `parse` reads it back to the same experts.
    public static func encode(_ experts: [ExpertDraft]) -> Data {
        CSVWriter.encode(
            [header]
                + experts.map {
                    [
                        $0.name, $0.unitCode, $0.category.label, $0.specialties.joined(separator: ListCell.joiner), $0.affiliation,
                        $0.staffNumber ?? "",
                    ]
                })
    }
}
