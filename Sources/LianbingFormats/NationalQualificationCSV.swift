import Foundation
import LianbingCore

/// The national qualifications file (`lianbing qualification import`): one 退役军人事务员 certificate per row.
///
/// ```
/// 工号,等级,证书编号,发证机关,发证日期
/// GD0001,四级/中级工,S000044010000241000123,广东省人力资源和社会保障厅,2024-06-30
/// ```
///
/// 等级 is one of 五级/初级工 … 一级/高级技师, or either half of one (四级, 中级工). Whether the member of staff exists
/// and is within reach, the fields' bounds and whether the number is already recorded are the store's checks.
public enum NationalQualificationCSV {
    public static let header = ["工号", "等级", "证书编号", "发证机关", "发证日期"]

    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<ParsedImport<NationalQualificationImportRow>, ImportFailure> {
        CSVTable.load(data, file: file, header: header, codeColumns: ["工号", "证书编号"], sheet: sheet).map { table in
            table.convert { row, reasons in
                let cells = row.cells
                if let problem = StaffNumberCell.problem(cells[0]) { reasons.append(problem) }
                let draft = NationalQualificationDraft(
                    staffNumber: cells[0], level: cells[1], certificateNumber: cells[2], issuer: cells[3], issuedOn: cells[4])
                return NationalQualificationImportRow(line: row.line, draft: draft)
            }
        }
    }
}
