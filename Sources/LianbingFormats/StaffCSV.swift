import Foundation
import LianbingCore

/// The staff import file (人员.csv): one member of staff per row.
///
/// ```
/// 工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗
/// GZ0001,张三,4401,主任（站长）,是,否,法律;心理服务,2021-03-05,是
/// ```
///
/// Only what a row says about itself is checked here. Whether the unit and the post exist, and whether the
/// staff number is already taken, depend on the database and are checked by the store.
public enum StaffCSV {
    /// The header row, exactly.
    public static let header = ["工号", "姓名", "单位编码", "岗位", "退役军人", "其他优抚对象", "专长", "入职日期", "在岗"]
    /// Longest accepted staff number (工号), in characters; staff numbers also become usernames.
    public static let maxNumberLength = StaffNumberCell.maxLength
    /// Longest accepted name (姓名), in characters.
    public static let maxNameLength = Staff.maxNameLength
    /// Specialties are written `法律;心理服务`; the full-width `；` and the enumeration comma `、` are what a
    /// Chinese input method produces, so they separate too.
    public static let specialtySeparators: Set<Character> = ListCell.separators

    /// A parsed row and the line it came from, so the store's checks can still point at the file.
    public typealias Row = StaffImportRow

    /// The rows of a staff file, or every problem in it, each with its line.
    public static func parse(_ data: Data, file: String, sheet: String? = nil) -> Result<[Row], ImportFailure> {
        read(data, file: file, sheet: sheet).flatMap(\.result)
    }

    /// The rows that parsed and the problems of the rest; fails outright only when the file as a whole is unusable.
    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<ParsedImport<Row>, ImportFailure> {
        var firstLineOfNumber: [String: Int] = [:]
        return CSVTable.load(data, file: file, header: header, codeColumns: ["工号", "单位编码"], sheet: sheet).map { table in
            table.convert { row, reasons in
                let cells = row.cells

                // The cells' own reasons come after those of the staff they describe, in column order.
                var cellReasons: [String] = []
                // An unticked box is "no"; only 在岗 defaults to yes, since most people imported are in post.
                let isVeteran = flag(cells[4], column: header[4], ifEmpty: false, reasons: &cellReasons)
                let isEntitled = flag(cells[5], column: header[5], ifEmpty: false, reasons: &cellReasons)
                let isActive = flag(cells[8], column: header[8], ifEmpty: true, reasons: &cellReasons)
                var hireDate: CivilDate?
                switch Staff.hireDate(from: cells[7]) {
                case .success(let date): hireDate = date
                case .failure(let problem): cellReasons.append(problem.message)
                }

                let staff = Staff(
                    number: cells[0], name: cells[1], unitCode: cells[2], post: cells[3], isVeteran: isVeteran ?? false,
                    isEntitledPerson: isEntitled ?? false, specialties: specialties(in: cells[6]), hireDate: hireDate,
                    isActive: isActive ?? true)
                let problems = staff.problems
                reasons += problems.filter { $0.field == .number }.map(\.message)
                if !problems.contains(where: { $0.field == .number }) {
                    if let first = firstLineOfNumber[staff.number] {
                        reasons.append("工号 \(staff.number) 重复（第 \(first) 行已出现）")
                    } else {
                        firstLineOfNumber[staff.number] = row.line
                    }
                }
                reasons += problems.filter { $0.field != .number }.map(\.message) + cellReasons
                return Row(line: row.line, staff: staff)
            }
        }
    }

    /// `staff` in the import format, in the order given; `parse` reads it back to the same staff.
    public static func encode(_ staff: [Staff]) -> Data {
        CSVWriter.encode([header] + table(staff, title: "").rows)
    }

    /// The roster as a table in the import format (`staff export`, the roster page's downloads): 工号 and 单位编码
    /// text cells, 入职日期 a date, so the workbook imports back as it came.
    public static func table(_ staff: [Staff], title: String) -> ReportTable {
        ReportTable(
            title: title, columns: header,
            rows: staff.map {
                [
                    $0.number, $0.name, $0.unitCode, $0.post, CSVFlag.text($0.isVeteran), CSVFlag.text($0.isEntitledPerson),
                    $0.specialties.joined(separator: ListCell.joiner), $0.hireDate?.description ?? "", CSVFlag.text($0.isActive),
                ]
            },
            kinds: [.text, .text, .text, .text, .text, .text, .text, .date, .text])
    }

    /// Specialties in the order written, trimmed, without empties or repeats; also how a form's or an option's
    /// list is read.
    public static func specialties(in cell: String) -> [String] { ListCell.items(in: cell) }

    private static func flag(_ cell: String, column: String, ifEmpty: Bool, reasons: inout [String]) -> Bool? {
        if cell.isEmpty { return ifEmpty }
        if let value = CSVFlag.parse(cell) { return value }
        reasons.append("“\(column)”应为 是 或 否，实际为“\(cell)”")
        return nil
    }
}
