import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import LianbingFormats
import Testing

/// An .xlsx download checked as a download (the workbook content type, an attachment whose name starts with
/// `filename`) and read
/// back by the product's own import reader: each row's text, and which of its cells were number cells.
struct WorkbookDownload {
    var rows: [[String]]
    /// Per row, the columns holding number cells (a date cell reads back as its text, not a number).
    var numberColumns: [Set<Int>]

    init(_ response: TestResponse, filename: String) throws {
        #expect(response.status == .ok && response.headers[.contentType] == TableFormat.xlsx.contentType)
        #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"\(filename)") == true)
        let records = try WorkbookReader.open(Data(buffer: response.body), file: filename).get().records().get().records
        rows = records.map(\.fields)
        numberColumns = records.map { Set($0.numbers.keys) }
    }
}
