/// A character (Unicode scalar) of GIFT text, and whether a backslash escaped it.
///
/// GIFT's structure is made of ordinary characters (`{ } ~ = # :`) that authors escape to write them literally.
/// Resolving escapes once, up front, lets every later step ask "is this an unescaped `~`?" with no look-behind,
/// and still read back `\~` as `~`. Scalars rather than `Character`s: every special character is ASCII, and
/// grapheme breaking would cost more than the whole parse.
struct GIFTCharacter: Equatable {
    var scalar: Unicode.Scalar
    var escaped: Bool

    /// Characters a backslash escapes; `\n` is a line break. A backslash before anything else is literal.
    static let escapable: Set<Unicode.Scalar> = ["~", "=", "#", "{", "}", ":", "\\"]

    func `is`(_ scalar: Unicode.Scalar) -> Bool { !escaped && self.scalar == scalar }
    var isSpace: Bool { !escaped && scalar.properties.isWhitespace }
}

/// GIFT text as `GIFTCharacter`s, and the helpers the parser needs on it.
enum GIFTText {
    static func characters<S: StringProtocol>(_ text: S) -> [GIFTCharacter] {
        var result: [GIFTCharacter] = []
        result.reserveCapacity(text.utf8.count)
        var pendingBackslash = false
        for scalar in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                if GIFTCharacter.escapable.contains(scalar) {
                    result.append(GIFTCharacter(scalar: scalar, escaped: true))
                    continue
                }
                if scalar == "n" {
                    result.append(GIFTCharacter(scalar: "\n", escaped: true))
                    continue
                }
                result.append(GIFTCharacter(scalar: "\\", escaped: false))
            }
            if scalar == "\\" {
                pendingBackslash = true
            } else {
                result.append(GIFTCharacter(scalar: scalar, escaped: false))
            }
        }
        if pendingBackslash { result.append(GIFTCharacter(scalar: "\\", escaped: false)) }
        return result
    }

    static func string(_ characters: ArraySlice<GIFTCharacter>) -> String {
        var result = String.UnicodeScalarView()
        for character in characters { result.append(character.scalar) }
        return String(result)
    }

    /// Without unescaped whitespace at either end; an escaped `\n` is content and stays.
    static func trimmed(_ characters: ArraySlice<GIFTCharacter>) -> ArraySlice<GIFTCharacter> {
        trailingTrimmed(leadingTrimmed(characters))
    }

    static func leadingTrimmed(_ characters: ArraySlice<GIFTCharacter>) -> ArraySlice<GIFTCharacter> {
        characters.drop(while: \.isSpace)
    }

    static func trailingTrimmed(_ characters: ArraySlice<GIFTCharacter>) -> ArraySlice<GIFTCharacter> {
        var end = characters.endIndex
        while end > characters.startIndex, characters[end - 1].isSpace { end -= 1 }
        return characters[characters.startIndex..<end]
    }

    /// Index of the first unescaped `scalar` in `characters` from `start`.
    static func first(_ scalar: Unicode.Scalar, in characters: ArraySlice<GIFTCharacter>, from start: Int? = nil) -> Int? {
        var index = start ?? characters.startIndex
        while index < characters.endIndex {
            if characters[index].is(scalar) { return index }
            index += 1
        }
        return nil
    }

    /// Index of the first unescaped run of `pattern`, one character repeated (`::`, `####`).
    static func first(_ pattern: Unicode.Scalar, times: Int, in characters: ArraySlice<GIFTCharacter>, from start: Int? = nil) -> Int? {
        var index = start ?? characters.startIndex
        var run = 0
        while index < characters.endIndex {
            run = characters[index].is(pattern) ? run + 1 : 0
            if run == times { return index - times + 1 }
            index += 1
        }
        return nil
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
            if GIFTCharacter.escapable.contains(scalar) {
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
