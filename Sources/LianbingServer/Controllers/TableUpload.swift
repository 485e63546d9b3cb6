/// The bodies an import route reads through the table reader (`TabularFile`): CSV text, or an Excel workbook, which
/// the reader tells apart by its bytes.
enum TableUpload {
    static let workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func accepts(contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/csv") || type.hasPrefix(workbookType)
    }
}
