import Foundation

/// Recognises files that are plainly not text, so they are refused with a message that says what they are.
///
/// The commonest mistake is uploading the Excel workbook itself, or a file renamed to `.csv`; naming the
/// actual format tells the user what to do next.
enum BinarySniffer {
    private static let signatures: [(bytes: [UInt8], reason: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "这是 Excel 工作簿（.xlsx）或压缩包，不是 CSV 文件。请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”后重新上传"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "这是旧版 Excel 工作簿（.xls）或 Word 文档，不是 CSV 文件。请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”后重新上传"),
        ([0x25, 0x50, 0x44, 0x46], "这是 PDF 文件，不是 CSV 文件"),
        ([0x89, 0x50, 0x4E, 0x47], "这是 PNG 图片，不是 CSV 文件"),
        ([0xFF, 0xD8, 0xFF], "这是 JPEG 图片，不是 CSV 文件"),
        ([0x52, 0x61, 0x72, 0x21], "这是 RAR 压缩包，不是 CSV 文件"),
        ([0x37, 0x7A, 0xBC, 0xAF], "这是 7z 压缩包，不是 CSV 文件"),
        // Excel's "Unicode 文本" is UTF-16 and tab-separated; it would otherwise be reported as binary.
        ([0xFF, 0xFE], "文件是 UTF-16 编码（Excel 的“Unicode 文本”格式），不是 CSV。请“另存为”“CSV UTF-8（逗号分隔）”后重新上传"),
        ([0xFE, 0xFF], "文件是 UTF-16 编码，不是 CSV。请“另存为”“CSV UTF-8（逗号分隔）”后重新上传"),
    ]

    /// `nil` when `bytes` could be text; otherwise why not, in Chinese.
    static func reasonToRefuse(_ bytes: Data.SubSequence) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) { return signature.reason }
        // Bytes below 0x20 are never part of a multi-byte character in UTF-8 or GB18030, so checking the raw bytes
        // is exact for both encodings, and cheap. Tab, LF and CR are the only control characters a CSV file needs.
        return bytes.withUnsafeBytes { (raw) -> String? in
            var line = 1
            for byte in raw {
                switch byte {
                case 0x0A: line += 1
                case 0x09, 0x0D: continue
                case 0x00: return "文件包含 NUL 字节（第 \(line) 行附近），不是文本格式的 CSV 文件"
                case ..<0x20: return "文件包含控制字符（第 \(line) 行附近），不是文本格式的 CSV 文件"
                default: continue
                }
            }
            return nil
        }
    }
}
