/// Moodle's HTML text as plain text: tags dropped, the common entities decoded, line breaks kept where the HTML
/// breaks lines. Deliberately minimal: question text is short and simple, and the bank holds plain text only.
///
/// One pass over the UTF-8 bytes (tags and entities are ASCII, which never occurs inside another character's
/// encoding); each `<` or `&` looks ahead a bounded distance or to the next `>` once, so time is linear even for
/// 10 MB of `<<<<`.
enum MoodleHTML {
    /// Tags that end a line where they stand.
    private static let breaks: Set<[UInt8]> = Set(
        ["br", "/p", "/div", "/li", "/tr", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/blockquote", "/pre"].map { Array($0.utf8) }
    )
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]
    private static let image = Array("[图片]".utf8)

    static func plainText(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        // Once no `>` follows some position, none follows any later one: stop looking for tags.
        var noMoreTagEnds = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), !noMoreTagEnds, index + 1 < bytes.count, isTagStart(bytes[index + 1]) {
                guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                    noMoreTagEnds = true
                    out.append(byte)
                    index += 1
                    continue
                }
                let name = tagName(bytes[(index + 1)..<end])
                if breaks.contains(name) {
                    out.append(0x0A)
                } else if name == Array("img".utf8) {
                    // The bank has no images; leave a mark so the author sees the question relied on one.
                    out += image
                }
                index = end + 1
            } else if byte == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, at: index) {
                out += Array(String(decoded).utf8)
                index += length
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                // HTML collapses whitespace; line breaks come from the tags above.
                if let last = out.last, last != 0x20, last != 0x0A { out.append(0x20) }
                index += 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        // Each line trimmed of spaces, empty lines dropped.
        var result: [UInt8] = []
        result.reserveCapacity(out.count)
        for line in out.split(separator: 0x0A) {
            guard let first = line.firstIndex(where: { $0 != 0x20 }), let last = line.lastIndex(where: { $0 != 0x20 }) else {
                continue
            }
            if !result.isEmpty { result.append(0x0A) }
            result += line[first...last]
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isTagStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// `p`, `/p`, `br` … lowercased, from the inside of a tag.
    private static func tagName(_ inside: ArraySlice<UInt8>) -> [UInt8] {
        var name: [UInt8] = []
        for byte in inside {
            if byte == UInt8(ascii: "/") && name.isEmpty {
                name.append(byte)
            } else if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) {
                name.append(byte | 0x20)
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                name.append(byte)
            } else {
                break
            }
            if name.count > 12 { break }
        }
        return name
    }

    /// The entity at `index` (`&amp;`, `&#20013;`, `&#x4E2D;`) and its length; `nil` for a bare `&`.
    private static func entity(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let limit = min(bytes.count, index + 12)
        guard let semicolon = bytes[index..<limit].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let body = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
        let length = semicolon - index + 1
        if let scalar = named[body.lowercased()] { return (scalar, length) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar == "\u{A0}" ? " " : scalar, length)
    }
}
