import Foundation
import LianbingCore
import ZIPFoundation

/// An Excel workbook (.xlsx) opened for import: a zip of XML parts, read with ZIPFoundation and Foundation's XML
/// parser. Sheets are read one at a time, row by row, into the same records the CSV reader gives, so every import
/// reads a workbook the way it reads a CSV file.
public struct WorkbookReader {
    /// The sheets in tab order.
    public let sheetNames: [String]
    private let file: String
    private let archive: Archive
    private let sheetPaths: [String]
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool

    /// No part of a real import workbook comes near this unzipped; a larger one is a zip bomb or not an import.
    static let maxPartBytes = 200 * 1024 * 1024

    static let saveAsXLSX = "请另存为 .xlsx（在 Excel 或 WPS 中“文件 → 另存为 → Excel 工作簿”）后重新导入"

    /// Opens `data`, reading its sheet list, shared strings and styles; fails when it is not a readable .xlsx.
    public static func open(_ data: Data, file: String) -> Result<WorkbookReader, ImportFailure> {
        func refuse(_ reason: String) -> Result<WorkbookReader, ImportFailure> {
            .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: reason)]))
        }
        let notWorkbook = "文件不是有效的 Excel 工作簿（.xlsx）：" + saveAsXLSX
        guard let archive = try? Archive(data: data, accessMode: .read) else { return refuse(notWorkbook) }
        do {
            guard let workbookXML = try part(archive, file, "xl/workbook.xml"), let workbook = WorkbookParts.workbook(workbookXML) else {
                return refuse(notWorkbook)
            }
            let relationships = try part(archive, file, "xl/_rels/workbook.xml.rels").map { WorkbookParts.relationships($0, base: "xl/") } ?? []
            func path(ofType suffix: String, default fallback: String) -> String {
                relationships.first { $0.type.hasSuffix(suffix) }?.path ?? fallback
            }
            // Shared strings and styles may be left out (a workbook of numbers, one without formats); unreadable, the file is broken.
            func optionalPart<T>(ofType suffix: String, default fallback: String, _ parse: (Data) -> T?, missing: T) throws -> T {
                guard let data = try part(archive, file, path(ofType: suffix, default: fallback)) else { return missing }
                guard let value = parse(data) else { throw ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: notWorkbook)]) }
                return value
            }
            let strings = try optionalPart(ofType: "/sharedStrings", default: "xl/sharedStrings.xml", WorkbookParts.sharedStrings, missing: [])
            let styles = try optionalPart(ofType: "/styles", default: "xl/styles.xml", WorkbookParts.dateStyles, missing: [])
            let paths = workbook.sheets.map { sheet in relationships.first { $0.id == sheet.relationship }?.path ?? "" }
            return .success(
                WorkbookReader(
                    sheetNames: workbook.sheets.map(\.name), file: file, archive: archive, sheetPaths: paths, sharedStrings: strings,
                    dateStyles: styles, date1904: workbook.date1904))
        } catch let failure as ImportFailure {
            return .failure(failure)
        } catch {
            return refuse(notWorkbook)
        }
    }

    /// The rows of the sheet named `sheet`, or of the first sheet, each with its row number; cells that cannot be
    /// read (a formula without its value, an error value) fail the import, each named by its cell.
    public func records(sheet: String? = nil) -> Result<(sheet: String, records: [CSVRecord]), ImportFailure> {
        func refuse(_ reason: String, sheet: String? = nil) -> Result<(sheet: String, records: [CSVRecord]), ImportFailure> {
            .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: reason, sheet: sheet)]))
        }
        guard !sheetNames.isEmpty else { return refuse("工作簿里没有工作表") }
        let index: Int
        if let sheet {
            guard let found = sheetNames.firstIndex(of: sheet) else {
                return refuse("工作簿里没有名为“\(sheet)”的工作表（有：\(sheetNames.joined(separator: "、"))）")
            }
            index = found
        } else {
            index = 0
        }
        let name = sheetNames[index]
        let data: Data
        do {
            guard let found = try Self.part(archive, file, sheetPaths[index]) else { return refuse("工作表缺失，文件可能已损坏", sheet: name) }
            data = found
        } catch let failure as ImportFailure {
            return .failure(failure)
        } catch {
            return refuse("工作表无法解压，文件可能已损坏", sheet: name)
        }
        let delegate = WorksheetDelegate(
            sheet: name, file: file, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
        guard WorkbookParts.parse(data, delegate) else { return refuse("工作表的 XML 无法解析，文件可能已损坏", sheet: name) }
        if !delegate.issues.isEmpty { return .failure(ImportFailure(issues: delegate.issues)) }
        if delegate.records.isEmpty { return refuse("工作表“\(name)”是空的：没有任何数据", sheet: name) }
        return .success((name, delegate.records))
    }

    private init(
        sheetNames: [String], file: String, archive: Archive, sheetPaths: [String], sharedStrings: [String], dateStyles: [Bool],
        date1904: Bool
    ) {
        self.sheetNames = sheetNames
        self.file = file
        self.archive = archive
        self.sheetPaths = sheetPaths
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    /// A part's bytes, `nil` when the zip has no such part; refused past `maxPartBytes` whatever its header claims.
    private static func part(_ archive: Archive, _ file: String, _ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let tooLarge = ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: "工作簿过大：解压后超过 200 MB")])
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        _ = try archive.extract(entry, skipCRC32: true) { chunk in
            guard data.count + chunk.count <= maxPartBytes else { throw tooLarge }
            data.append(chunk)
        }
        return data
    }
}
