import Foundation

/// Refuses what Moodle never writes, before `XMLParser` sees it.
///
/// Not only tidiness: FoundationXML on Linux parses in libxml2's recovery mode and traps on some inputs instead of
/// reporting an error (a processing instruction without data, `<?x?>`, dereferences a null pointer; recovery after a
/// control character can turn the rest of a comment into markup), and `XMLParser` substitutes entities, so a DTD
/// could expand a few bytes into gigabytes ("billion laughs"). A Moodle file has only the XML declaration, elements,
/// text, CDATA and comments, in characters XML allows; anything else is refused with its line.
///
/// One pass over the bytes. Inside comments and CDATA, `<?` and `<!DOCTYPE` are text, as XML says.
enum MoodleXMLPreflight {
    struct Refusal: Error, Equatable {
        var line: Int
        var reason: String
    }

    /// `data` without its byte order mark, or why it cannot be a Moodle XML file (line 0: the file as a whole).
    static func check(_ data: Data) -> Result<Data.SubSequence, Refusal> {
        var body = data[...]
        if body.starts(with: CSVTextDecoder.utf8BOM) { body = body.dropFirst(CSVTextDecoder.utf8BOM.count) }
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return .failure(Refusal(line: 0, reason: "文件是空的"))
        }
        // Anything not starting with `<` is not XML at all (a spreadsheet, a PDF, GIFT); say so instead of quoting libxml2.
        if first != UInt8(ascii: "<") {
            return .failure(Refusal(line: 0, reason: "文件不是 XML：Moodle XML 文件应以 <?xml 或 <quiz> 开头"))
        }
        // Moodle writes UTF-8 only. Checking it is also what keeps junk from crashing the process: FoundationXML
        // force-unwraps element names as UTF-8, so invalid bytes in a tag name trap instead of reporting an error.
        if String(validating: body, as: UTF8.self) == nil {
            return .failure(Refusal(line: 0, reason: "文件不是 UTF-8 编码：Moodle XML 文件应为 UTF-8，请另存为 UTF-8 后重新上传"))
        }
        if let refusal = markup(body) { return .failure(refusal) }
        return .success(body)
    }

    private enum State {
        case markup, comment, cdata
    }

    /// The first construct Moodle never writes, with its line.
    private static func markup(_ data: Data.SubSequence) -> Refusal? {
        data.withUnsafeBytes { raw -> Refusal? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            func starts(with pattern: StaticString, at position: Int) -> Bool {
                let length = pattern.utf8CodeUnitCount
                guard position + length <= count else { return false }
                return pattern.withUTF8Buffer { pattern in (0..<length).allSatisfy { bytes[position + $0] == pattern[$0] } }
            }

            var index = 0
            var line = 1
            var state = State.markup
            var openedOn = 1
            // The XML declaration, only at the very start and only as `<?xml` and whitespace (`<?xml-stylesheet?>` is
            // a processing instruction).
            var inDeclaration = false
            if starts(with: "<?xml", at: 0), count > 5, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5]) {
                index = 5
                inDeclaration = true
            }
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1 }
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                    return Refusal(line: line, reason: "文件包含 XML 不允许的控制字符（第 \(line) 行），不是有效的 Moodle XML 文件")
                }
                // U+FFFE and U+FFFF are not characters in XML either.
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return Refusal(line: line, reason: "文件包含 XML 不允许的字符 U+FFFE 或 U+FFFF（第 \(line) 行）")
                }
                switch state {
                case .comment:
                    if starts(with: "-->", at: index) {
                        state = .markup
                        index += 3
                        continue
                    }
                case .cdata:
                    if starts(with: "]]>", at: index) {
                        state = .markup
                        index += 3
                        continue
                    }
                case .markup:
                    if inDeclaration {
                        if starts(with: "?>", at: index) {
                            inDeclaration = false
                            index += 2
                            continue
                        }
                    } else if byte == UInt8(ascii: "<"), index + 1 < count {
                        if bytes[index + 1] == UInt8(ascii: "?") {
                            return Refusal(line: line, reason: "文件包含处理指令 <?…?>：Moodle XML 不使用，出于安全原因拒绝")
                        }
                        if bytes[index + 1] == UInt8(ascii: "!") {
                            if starts(with: "<!--", at: index) {
                                (state, openedOn) = (.comment, line)
                                index += 4
                                continue
                            }
                            if starts(with: "<![CDATA[", at: index) {
                                (state, openedOn) = (.cdata, line)
                                index += 9
                                continue
                            }
                            return Refusal(line: line, reason: "文件包含 <!DOCTYPE> 或实体声明：Moodle XML 不使用，出于安全原因拒绝")
                        }
                    }
                }
                index += 1
            }
            switch state {
            case .comment: return Refusal(line: openedOn, reason: "第 \(openedOn) 行开始的注释 <!-- 没有结束（文件不完整？）")
            case .cdata: return Refusal(line: openedOn, reason: "第 \(openedOn) 行开始的 <![CDATA[ 没有结束（文件不完整？）")
            case .markup: return nil
            }
        }
    }
}
