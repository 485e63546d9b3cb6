/// One physical line of a bank file, classified by how it starts.
///
/// Classification looks at a bounded number of characters at the start of the line (the key is at most a
/// few characters before its colon), so even a 10 MB line costs one trimming pass, never a rescan.
enum BankTextLine: Equatable {
    /// Empty or whitespace only: ends the current question.
    case blank
    /// Starts with `#` in the first column. Indented `#` lines are continuation text, so a value line
    /// beginning with `#` survives being written and read back.
    case comment
    /// Starts with whitespace: more of the value above. Trimmed.
    case continuation(Substring)
    /// `键: 值` or `键：值`; `key` is nil when the name is not a key of the format. Value trimmed.
    case key(BankTextKey?, name: Substring, value: Substring)
    /// `A. 文本`, `A、文本` or `A．文本`. `index` is 0 for A; letters past H are reported, not dropped.
    case option(index: Int, text: Substring)
    /// None of the above: typically prose that lost its indentation.
    case unrecognised

    /// `.`, `、` or `．` after an option letter.
    private static func isOptionSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "、" || scalar == "．" }
    /// `:` or the full-width `：` after a key.
    private static func isColon(_ scalar: Unicode.Scalar) -> Bool { scalar == ":" || scalar == "：" }

    init(_ line: Substring) {
        let scalars = line.unicodeScalars
        guard let first = scalars.first else {
            self = .blank
            return
        }
        if first == "#" {
            self = .comment
            return
        }
        if BankTextWhitespace.isWhitespace(first) {
            let content = BankTextWhitespace.trim(line)
            self = content.isEmpty ? .blank : .continuation(content)
            return
        }
        let second = scalars.index(after: scalars.startIndex)
        if ("A"..."Z").contains(first), second != scalars.endIndex, Self.isOptionSeparator(scalars[second]) {
            let rest = line[scalars.index(after: second)...]
            self = .option(index: Int(first.value - UInt32(("A" as Unicode.Scalar).value)), text: BankTextWhitespace.trim(rest))
            return
        }
        // Look for the colon only within the first few characters: a key is short, and a long line without
        // one must not be scanned twice.
        var index = scalars.startIndex
        var seen = 0
        while index != scalars.endIndex, seen <= BankTextKey.maxNameLength + 2 {
            if Self.isColon(scalars[index]) {
                let name = BankTextWhitespace.trim(line[..<index])
                let value = BankTextWhitespace.trim(line[scalars.index(after: index)...])
                if name.isEmpty || name.unicodeScalars.count > BankTextKey.maxNameLength
                    || name.unicodeScalars.contains(where: BankTextWhitespace.isWhitespace)
                {
                    self = .unrecognised
                } else {
                    self = .key(BankTextKey(name: name), name: name, value: value)
                }
                return
            }
            index = scalars.index(after: index)
            seen += 1
        }
        // A line of only (non-ASCII) whitespace that does not start with a space cannot happen: the first
        // scalar was not whitespace. So this is text.
        self = .unrecognised
    }

    /// Calls `body` with each line of `text` and its 1-based number. Lines end at LF, CRLF or a lone CR
    /// (old Mac editors), as in the CSV reader; a final line without a line break is still a line.
    static func forEach(in text: String, _ body: (Int, Substring) -> Void) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        var number = 1
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                body(number, text[start..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                number += 1
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { body(number, text[start...]) }
    }
}

/// The one definition of whitespace used by the reader, the writer and `BankText.canonical`, so that what is
/// trimmed on reading is exactly what the canonical form trims.
enum BankTextWhitespace {
    /// Unicode whitespace (the White_Space property): space, tab, the ideographic space `　` that Chinese input
    /// methods type, NBSP, …
    ///
    /// Spelled out rather than looked up with `scalar.properties.isWhitespace`, which was the largest single
    /// cost of reading a bank; the property is a fixed list of 25 characters that Unicode does not change.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    static func trim(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start != end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end != start {
            let before = scalars.index(before: end)
            guard isWhitespace(scalars[before]) else { break }
            end = before
        }
        return text[start..<end]
    }

    static func trim(_ text: String) -> String { String(trim(text[...])) }
}
