import Foundation
import LianbingCore

/// Turns the bytes of an uploaded CSV file into text, or says in Chinese why it cannot.
///
/// Offices in Guangdong produce CSV files with Excel and WPS, which save UTF-8 (usually with a BOM) when
/// asked for "CSV UTF-8" and GB18030 (the Windows "ANSI" code page for Simplified Chinese) otherwise.
/// Both are accepted; anything else is refused before the parser sees it, so that a wrong file gets one
/// clear message rather than a page of nonsense row errors.
public enum CSVTextDecoder {
    /// The encoding a file turned out to be in.
    public enum SourceEncoding: Sendable, Equatable {
        case utf8
        case utf8WithBOM
        case gb18030
    }

    /// Decoded text, without any byte order mark.
    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var encoding: SourceEncoding

        public init(text: String, encoding: SourceEncoding) {
            self.text = text
            self.encoding = encoding
        }
    }

    /// GB18030-2000 as Foundation names it: `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`.
    /// There is no named constant for it in `String.Encoding`, on Linux or on macOS.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `data` as UTF-8 (with or without BOM), falling back to GB18030.
    ///
    /// A refusal carries one `ImportIssue` on line 0, naming `file`.
    public static func decode(_ data: Data, file: String) -> Result<Decoded, ImportFailure> {
        func refuse(_ reason: String) -> Result<Decoded, ImportFailure> {
            .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: reason)]))
        }

        let hasBOM = data.starts(with: utf8BOM)
        let body = hasBOM ? data.dropFirst(utf8BOM.count) : data[...]
        if body.isEmpty { return refuse("文件是空的") }
        if let reason = BinarySniffer.reasonToRefuse(body) { return refuse(reason) }

        // Decode the BOM-less body ourselves: whether Foundation keeps or strips a leading BOM differs by platform.
        if let text = String(bytes: body, encoding: .utf8) {
            return .success(Decoded(text: text, encoding: hasBOM ? .utf8WithBOM : .utf8))
        }
        // A UTF-8 BOM followed by invalid UTF-8 is a damaged file, not a GB18030 one.
        if !hasBOM, var text = String(bytes: body, encoding: gb18030) {
            // GB18030 has its own encoding of U+FEFF (84 31 95 33); a few tools write it.
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            return .success(Decoded(text: text, encoding: .gb18030))
        }
        return refuse("无法识别文件编码：既不是 UTF-8 也不是 GB18030。请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”后重新上传")
    }
}
