import Foundation

/// Which format a question file is in when its extension does not say: Moodle saves GIFT as `.txt`, which is also
/// the bank's own extension, and files arrive renamed or without any.
extension QuestionFormat {
    /// How the format of a file was chosen, for telling the user.
    public enum Detection: Sendable, Equatable {
        case byExtension
        case byContent
    }

    /// The formats a file with this extension may be in; empty when the extension is not a question file's.
    public static func candidates(forExtension fileExtension: String) -> [QuestionFormat] {
        switch fileExtension.lowercased() {
        case "txt": [.bank, .gift]
        case "": [.bank, .gift, .moodleXML]
        default: QuestionFormat(fileExtension: fileExtension).map { [$0] } ?? []
        }
    }

    /// The format of `data`: the extension's when only one format uses it, otherwise what the content looks like.
    /// A `.txt` that looks like neither is the bank's (its reader then says what is wrong); any other file that looks
    /// like neither is `nil`.
    public static func detect(_ data: Data, fileExtension: String) -> (format: QuestionFormat, detection: Detection)? {
        let candidates = candidates(forExtension: fileExtension)
        if candidates.count == 1 { return (candidates[0], .byExtension) }
        let head = Self.head(of: data)
        if head.hasPrefix("<") {
            return head.contains("<quiz") ? (.moodleXML, .byContent) : nil
        }
        var bankLines = 0
        var giftLines = 0
        for line in head.split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if isBankKeyLine(text) {
                bankLines += 1
            } else if text.hasPrefix("::") || text.hasPrefix("$CATEGORY:") || text.hasPrefix("//") || text.contains("{") {
                // Bank files comment with `#` and have no braces; GIFT names, categories, comments and answer blocks.
                giftLines += 1
            }
        }
        if giftLines > bankLines { return (.gift, .byContent) }
        if bankLines > 0 || fileExtension.lowercased() == "txt" { return (.bank, .byContent) }
        return nil
    }

    /// The format's name for messages.
    public var label: String {
        switch self {
        case .bank: "题库文件格式"
        case .csv: "CSV"
        case .gift: GIFT.formatName + " 格式"
        case .moodleXML: MoodleXML.formatName + " 格式"
        }
    }

    /// Most of the file looked at: enough for hundreds of questions, bounded for a 10 MB upload.
    private static let headBytes = 64 * 1024

    /// The start of `data` as text, cut at a line end, from UTF-8 (with or without BOM) or GB18030.
    private static func head(of data: Data) -> String {
        var bytes = data.starts(with: CSVTextDecoder.utf8BOM) ? data.dropFirst(CSVTextDecoder.utf8BOM.count) : data[...]
        if bytes.count > headBytes {
            let cut = bytes.startIndex + headBytes
            bytes = bytes[..<(bytes[..<cut].lastIndex(of: 0x0A) ?? cut)]
        }
        let text = String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: CSVTextDecoder.gb18030)
            ?? String(decoding: bytes, as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `题号: …`, `题型：…` and the like.
    private static func isBankKeyLine(_ line: String) -> Bool {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        return BankTextKey(name: Substring(line[..<colon].trimmingCharacters(in: .whitespaces))) != nil
    }
}
