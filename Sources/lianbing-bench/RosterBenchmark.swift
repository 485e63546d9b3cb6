import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// Importing a 50,000-row staff roster as an .xlsx workbook (written by the product's `WorkbookWriter`) and as the
/// same roster in CSV, each into a fresh database holding the load benchmark's unit tree: the file read and checked,
/// then the import's one transaction. Target: the workbook under 5 s.
func benchRoster() async throws {
    let count = 50_000
    let posts = Post.seeded
    let villages = LoadDatabase.villages()
    let rows = (0..<count).map { index -> [String] in
        let number = String(format: "GZ%06d", index)
        let veteran = index % 3 == 0 ? "是" : "否"
        let specialties = index % 7 == 0 ? "法律;心理服务" : ""
        return [number, "人员\(index)", villages[index % villages.count], posts[index % posts.count], veteran, "否", specialties, "2021-03-05", "是"]
    }
    let csv = CSVWriter.encode([StaffCSV.header] + rows)
    let workbook = try WorkbookWriter.encode([ReportTable(title: "人员", columns: StaffCSV.header, rows: rows)], exportedAt: Date())
    print("roster: \(count) rows, \(workbook.count / 1024) KiB .xlsx, \(csv.count / 1024) KiB CSV")
    var totals: [String: Double] = [:]
    for (name, data, file) in [("xlsx", workbook, "roster.xlsx"), ("CSV", csv, "roster.csv")] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-roster-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("roster.sqlite").path)
        _ = try await database.importUnits(LoadDatabase.units(), file: "roster", by: Principal.operator(root: UnitPath(codes: [])))
        let principal = try await database.operatorPrincipal()

        let start = ContinuousClock.now
        let read = StaffCSV.read(data, file: file)
        let readSeconds = (ContinuousClock.now - start) / .seconds(1)
        guard case .success(let parsed) = read, parsed.rows.count == count, parsed.issues.isEmpty else {
            fatalError("the generated \(name) roster does not read: \(String(describing: read).prefix(500))")
        }
        let summary = try await database.importStaff(parsed, file: file, by: principal)
        let total = (ContinuousClock.now - start) / .seconds(1)
        totals[name] = total
        let target = name == "xlsx" ? "  (target: under 5 s)" : ""
        print(
            "  \(name.padding(toLength: 5, withPad: " ", startingAt: 0)) read and checked " + String(format: "%6.3f s", readSeconds)
                + ", imported " + String(format: "%6.3f s", total - readSeconds) + ", in all " + String(format: "%6.3f s", total)
                + " (\(summary.inserted) added)" + target)
    }
    if let xlsx = totals["xlsx"], let csv = totals["CSV"] { print(String(format: "  xlsx / CSV: %.2f", xlsx / csv)) }
}
