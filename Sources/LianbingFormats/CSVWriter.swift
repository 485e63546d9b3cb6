import Foundation

/// Writes records as CSV that Excel and WPS open correctly on a Chinese Windows machine.
///
/// Without a BOM, Excel reads UTF-8 as the local code page (GB18030) and shows mojibake; CRLF is what Excel
/// itself writes. Cells that a spreadsheet would run as a formula are guarded (`CSVFormulaGuard`). `CSVReader`
/// accepts this output unchanged, so export followed by import round-trips.
public enum CSVWriter {
    /// `records` as UTF-8 with a BOM, one CRLF-terminated line per record.
    public static func encode(_ records: [[String]]) -> Data {
        var text = ""
        for record in records {
            text += record.map { escape(CSVFormulaGuard.guarded($0)) }.joined(separator: ",")
            text += "\r\n"
        }
        var data = Data(CSVTextDecoder.utf8BOM)
        data.append(contentsOf: text.utf8)
        return data
    }

    /// The field as it must appear in a line: quoted when it contains a separator, a quote or a line break,
    /// and when it has leading or trailing whitespace (which readers, ours included, may otherwise drop).
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
