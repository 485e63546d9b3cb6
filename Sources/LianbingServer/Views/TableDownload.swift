import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats

/// A table as a download in the format its address names: `….xlsx` the workbook, `….csv` the CSV; each CSV link
/// has its workbook twin beside it.
enum TableDownload {
    static func format(_ request: Request) -> TableFormat {
        request.uri.path.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv
    }

    /// `name` without its extension; `fallback` too, ASCII (see `ContentDisposition`): the same when `name` is.
    static func response(_ table: ReportTable, format: TableFormat, name: String, fallback: String, exportedAt: Date) throws -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: format.contentType,
                .contentDisposition: name == fallback
                    ? "attachment; filename=\"\(name).\(format.rawValue)\""
                    : ContentDisposition.attachment("\(name).\(format.rawValue)", fallback: "\(fallback).\(format.rawValue)"),
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: try format.encode(table, exportedAt: exportedAt))))
    }
}
