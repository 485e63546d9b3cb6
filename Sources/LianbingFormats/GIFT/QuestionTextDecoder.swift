import Foundation
import LianbingCore

/// Turns the bytes of a text question file (GIFT) into text, or says in Chinese why it cannot.
///
/// Like `CSVTextDecoder` it takes UTF-8 with or without BOM and falls back to GB18030, which is what Notepad on a
/// Chinese Windows machine saves as "ANSI"; its messages name the format rather than CSV.
enum QuestionTextDecoder {
    static func decode(_ data: Data, file: String, format: String) -> Result<String, ImportFailure> {
        func refuse(_ reason: String) -> Result<String, ImportFailure> {
            .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: reason)]))
        }
        let hasBOM = data.starts(with: CSVTextDecoder.utf8BOM)
        let body = hasBOM ? data.dropFirst(CSVTextDecoder.utf8BOM.count) : data[...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return refuse("文件是空的") }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return refuse("文件是 UTF-16 编码，请另存为 UTF-8 后重新上传")
        }
        // Bytes below 0x20 never occur inside a UTF-8 or GB18030 character, so one cheap pass tells binary from text.
        let controlLine = body.withUnsafeBytes { raw -> Int? in
            var line = 1
            for byte in raw {
                switch byte {
                case 0x0A: line += 1
                case 0x09, 0x0D: continue
                case ..<0x20: return line
                default: continue
                }
            }
            return nil
        }
        if let line = controlLine { return refuse("文件包含控制字符（第 \(line) 行附近），不是文本格式的 \(format) 文件") }
        if let text = String(bytes: body, encoding: .utf8) { return .success(text) }
        if !hasBOM, let text = String(bytes: body, encoding: CSVTextDecoder.gb18030) { return .success(text) }
        return refuse("无法识别文件编码：既不是 UTF-8 也不是 GB18030。请另存为 UTF-8 后重新上传")
    }
}
