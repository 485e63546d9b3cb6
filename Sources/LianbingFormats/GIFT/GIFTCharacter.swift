/// A byte of GIFT text (UTF-8), and whether a backslash escaped it.
///
/// GIFT's structure is made of ordinary characters (`{ } ~ = # :`) that authors escape to write them literally.
/// Resolving escapes once, up front, lets every later step ask "is this an unescaped `~`?" with no look-behind,
/// and still read back `\~` as `~`. Bytes rather than `Character`s: every special character is ASCII, which in UTF-8
/// never occurs inside another character, and slicing bytes back into text is a copy, not a re-encoding.
struct GIFTCharacter: Equatable {
    var byte: UInt8
    var escaped: Bool

    /// Characters a backslash escapes; `\n` is a line break. A backslash before anything else is literal.
    static let escapable: Set<UInt8> = Set("~=#{}:\\".utf8)

    func `is`(_ ascii: Unicode.Scalar) -> Bool { !escaped && UInt32(byte) == ascii.value }
    /// ASCII whitespace, as Moodle's `trim()` has it.
    var isSpace: Bool { !escaped && (byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) }
}

/// GIFT text as `GIFTCharacter`s, and the helpers the parser needs on it.
enum GIFTText {
    static func characters(_ text: String) -> [GIFTCharacter] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [GIFTCharacter] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                    result.append(GIFTCharacter(byte: byte, escaped: false))
                    continue
                }
                let next = bytes[index]
                if GIFTCharacter.escapable.contains(next) {
                    result.append(GIFTCharacter(byte: next, escaped: true))
                    index += 1
                } else if next == UInt8(ascii: "n") {
                    result.append(GIFTCharacter(byte: 0x0A, escaped: true))
                    index += 1
                } else {
                    result.append(GIFTCharacter(byte: byte, escaped: false))
                }
            }
            return result
        }
    }

    static func string(_ characters: ArraySlice<GIFTCharacter>) -> String {
        characters.withUnsafeBufferPointer { source in
            // Invalid UTF-8 (only possible where a preview cuts a character) is repaired, never trapped on.
            String(unsafeUninitializedCapacity: source.count) { target in
                for index in 0..<source.count { target[index] = source[index].byte }
                return source.count
            }
        }
    }

    /// At most `count` bytes from the start, backing off so no UTF-8 character is cut.
    static func prefix(_ characters: ArraySlice<GIFTCharacter>, _ count: Int) -> ArraySlice<GIFTCharacter> {
        guard characters.count > count else { return characters }
        var end = characters.startIndex + count
        while end > characters.startIndex, characters[end].byte & 0xC0 == 0x80 { end -= 1 }
        return characters[characters.startIndex..<end]
    }

    /// Without unescaped whitespace at either end; an escaped `\n` is content and stays.
    static func trimmed(_ characters: ArraySlice<GIFTCharacter>) -> ArraySlice<GIFTCharacter> {
        trailingTrimmed(leadingTrimmed(characters))
    }

    static func leadingTrimmed(_ characters: ArraySlice<GIFTCharacter>) -> ArraySlice<GIFTCharacter> {
        var start = characters.startIndex
        while start < characters.endIndex, characters[start].isSpace { start += 1 }
        return characters[start...]
    }

    static func trailingTrimmed(_ characters: ArraySlice<GIFTCharacter>) -> ArraySlice<GIFTCharacter> {
        var end = characters.endIndex
        while end > characters.startIndex, characters[end - 1].isSpace { end -= 1 }
        return characters[characters.startIndex..<end]
    }

    /// Index of the first unescaped `ascii` in `characters` from `start`.
    static func first(_ ascii: Unicode.Scalar, in characters: ArraySlice<GIFTCharacter>, from start: Int? = nil) -> Int? {
        let from = start ?? characters.startIndex
        guard from < characters.endIndex else { return nil }
        let byte = UInt8(ascii.value)
        return characters[from...].withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count where buffer[offset].byte == byte && !buffer[offset].escaped { return from + offset }
            return nil
        }
    }

    /// Index of the first unescaped run of `ascii` repeated `times` (`::`, `####`).
    static func first(_ ascii: Unicode.Scalar, times: Int, in characters: ArraySlice<GIFTCharacter>, from start: Int? = nil)
        -> Int?
    {
        let from = start ?? characters.startIndex
        guard from < characters.endIndex else { return nil }
        let byte = UInt8(ascii.value)
        return characters[from...].withUnsafeBufferPointer { buffer in
            var run = 0
            for offset in 0..<buffer.count {
                run = buffer[offset].byte == byte && !buffer[offset].escaped ? run + 1 : 0
                if run == times { return from + offset - times + 1 }
            }
            return nil
        }
    }

    /// `text` with GIFT's special characters and the backslash escaped, and every line break (LF, CRLF, CR) written
    /// `\n`, as Moodle's own exporter does. Other control characters are dropped: they would make the file look
    /// binary to every reader, ours included; the writer's exactness check then carries the original text in the
    /// `// lianbing:` comment, where JSON escapes it.
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar.isASCII, GIFTCharacter.escapable.contains(UInt8(scalar.value)) {
                result.append("\\")
                result.append(scalar)
            } else if scalar == "\r" || (scalar == "\n" && !afterCR) {
                result.append("\\")
                result.append("n")
            } else if scalar == "\n" || (scalar.value < 0x20 && scalar != "\t") {
                continue
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
