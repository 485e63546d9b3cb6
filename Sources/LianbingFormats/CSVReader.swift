import LianbingCore

/// Splits CSV text into records, following RFC 4180 where spreadsheets do and tolerating what they do instead.
///
/// - Fields are separated by `,`; records end at CRLF, LF or a lone CR (old Mac Excel).
/// - A field that starts with `"` is quoted: it may contain `,`, line breaks and `""` for a quote.
///   Spaces before the opening quote and after the closing one are ignored, as hand-edited files have them.
/// - Line breaks inside quoted fields come back as LF whatever the file uses, so the same cell reads the same.
/// - Blank records (including Excel's `,,,` rows) are skipped; they carry nothing and users cannot see them.
/// - The `'` that `CSVWriter` puts before a formula-like cell is removed again (`CSVFormulaGuard`).
///
/// The parser is one pass over the UTF-8 bytes, so its time is linear in the file size whatever the input.
public enum CSVReader {
    /// Fields longer than this are refused: no column of any import is remotely this long, and a huge field
    /// means the file is not what it claims to be, or is meant to exhaust the server.
    public static let defaultMaxFieldBytes = 64 * 1024

    /// Reads every record of `text`.
    ///
    /// Fails with every structural problem found (an unclosed quote, text after a closing quote, an over-long
    /// field), each at its line in `file`.
    public static func read(
        _ text: String, file: String, maxFieldBytes: Int = defaultMaxFieldBytes
    ) -> Result<[CSVRecord], ImportFailure> {
        var text = text
        var parser = Parser(file: file, maxFieldBytes: maxFieldBytes)
        text.withUTF8 { parser.run($0) }
        return parser.issues.isEmpty ? .success(parser.records) : .failure(ImportFailure(issues: parser.issues))
    }
}

/// The state machine behind `CSVReader`. Only ASCII bytes (`,` `"` CR LF space tab) are ever special, and in
/// UTF-8 those never occur inside a multi-byte character, so working on bytes is safe.
private struct Parser {
    let file: String
    let maxFieldBytes: Int

    private(set) var records: [CSVRecord] = []
    private(set) var issues: [ImportIssue] = []

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    /// Anything seen since the last record ended, so a final record without a line break is not lost.
    private var recordStarted = false
    private var inQuotes = false
    private var quoteLine = 0
    private var afterClosingQuote = false
    /// Whether the current unquoted field has anything but spaces yet; after that, a `"` is just a character.
    private var fieldHasText = false
    private var fieldOverflowed = false
    private var recordOverflowReported = false
    private var strayTextReported = false

    init(file: String, maxFieldBytes: Int) {
        self.file = file
        self.maxFieldBytes = maxFieldBytes
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            i += 1
            recordStarted = true
            if inQuotes {
                switch byte {
                case .quote:
                    if i < n, bytes[i] == .quote {
                        append(.quote)
                        i += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                case .cr, .lf:
                    if byte == .cr, i < n, bytes[i] == .lf { i += 1 }
                    append(.lf)
                    line += 1
                default:
                    append(byte)
                }
                continue
            }
            switch byte {
            case .comma:
                endField()
            case .cr, .lf:
                if byte == .cr, i < n, bytes[i] == .lf { i += 1 }
                endField()
                endRecord()
                line += 1
                recordLine = line
            case .quote where !afterClosingQuote && !fieldHasText:
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                quoteLine = line
            case .space where afterClosingQuote, .tab where afterClosingQuote:
                continue
            default:
                if afterClosingQuote, !strayTextReported {
                    strayTextReported = true
                    fail(line, "引号字段的结束引号后还有多余字符：字段内的引号应写成两个双引号 \"\"")
                }
                if !byte.isSpaceOrTab { fieldHasText = true }
                append(byte)
            }
        }
        if inQuotes {
            fail(quoteLine, "第 \(quoteLine) 行开始的引号直到文件末尾都没有闭合")
            return
        }
        if recordStarted {
            endField()
            endRecord()
        }
    }

    private mutating func append(_ byte: UInt8) {
        // Past the cap, keep scanning (to find the field's end and any later problems) but stop storing.
        if field.count < maxFieldBytes {
            field.append(byte)
        } else {
            fieldOverflowed = true
        }
    }

    private mutating func endField() {
        if fieldOverflowed, !recordOverflowReported {
            recordOverflowReported = true
            fail(recordLine, "字段过长：超过 \(maxFieldBytes / 1024) KB，文件可能有误（例如引号没有闭合）")
        }
        fields.append(CSVFormulaGuard.unguarded(String(decoding: field, as: UTF8.self)))
        field.removeAll(keepingCapacity: field.count <= 4096)
        fieldOverflowed = false
        afterClosingQuote = false
        fieldHasText = false
    }

    private mutating func endRecord() {
        let record = CSVRecord(line: recordLine, fields: fields)
        if !record.isBlank { records.append(record) }
        fields.removeAll(keepingCapacity: true)
        recordStarted = false
        recordOverflowReported = false
        strayTextReported = false
    }

    private mutating func fail(_ line: Int, _ reason: String) {
        issues.append(ImportIssue(file: file, line: line, reason: reason))
    }
}

extension UInt8 {
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let cr = UInt8(ascii: "\r")
    fileprivate static let lf = UInt8(ascii: "\n")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")

    fileprivate var isSpaceOrTab: Bool { self == .space || self == .tab }
}
