import Foundation
import LianbingCore
import LianbingFormats

/// Reading a 50,000-row staff roster as an .xlsx workbook (written by the product's `WorkbookWriter`) and as the
/// same roster in CSV: the workbook's unzip and XML parse against the CSV reader. Target: workbook under 5 s.
func benchRoster() throws {
    let count = 50_000
    let posts = ["主任（站长）", "副主任", "工作人员", "接访员"]
    let rows = (0..<count).map { index -> [String] in
        let number = String(format: "GZ%06d", index)
        let unit = "4401" + String(format: "%08d", index % 500)
        let veteran = index % 3 == 0 ? "是" : "否"
        let specialties = index % 7 == 0 ? "法律;心理服务" : ""
        return [number, "人员\(index)", unit, posts[index % posts.count], veteran, "否", specialties, "2021-03-05", "是"]
    }
    let csv = CSVWriter.encode([StaffCSV.header] + rows)
    let workbook = try WorkbookWriter.encode([ReportTable(title: "人员", columns: StaffCSV.header, rows: rows)], exportedAt: Date())
    print("roster: \(count) rows, \(workbook.count / 1024) KiB .xlsx, \(csv.count / 1024) KiB CSV")
    for (name, data, file) in [("xlsx", workbook, "roster.xlsx"), ("CSV", csv, "roster.csv")] {
        let start = ContinuousClock.now
        let read = StaffCSV.read(data, file: file)
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        guard case .success(let parsed) = read, parsed.rows.count == count, parsed.issues.isEmpty else {
            fatalError("the generated \(name) roster does not read: \(String(describing: read).prefix(500))")
        }
        let target = name == "xlsx" ? "  (target: under 5 s)" : ""
        print("  read \(name.padding(toLength: 8, withPad: " ", startingAt: 0))" + String(format: "%7.3f s", elapsed) + target)
    }
}
