/// The backslash escapes of list values: `\|` `\/` `\;` `\\`.
///
/// They apply only where a value is split (填空 answers, 知识点, 标签, 评分要点): free text (题干, 选项, 解析, 参考答案 …)
/// is never split, so a backslash there is just a backslash and authors need not think about it.
/// A backslash before any other character stays as written (`C:\temp` reads as typed).
enum BankTextEscaping {
    /// Splits `text` at unescaped separators, unescaping as it goes, in one pass.
    ///
    /// Returns the pieces and, for each boundary, the separator that made it (`pieces.count == separators.count + 1`).
    /// `escapedSlash` is what `\/` becomes: `/` normally; in a knowledge point, where `/` separates levels and the
    /// model has no way to keep an escape, the full-width `／`, so that the level still reads as the author wrote it.
    static func split(
        _ text: Substring, at separators: Set<Unicode.Scalar>, escapedSlash: Unicode.Scalar = "/"
    ) -> (pieces: [String], separators: [Unicode.Scalar]) {
        // Most values have nothing to split or unescape: one byte scan answers that (all the special characters
        // are ASCII, and ASCII bytes never occur inside a multi-byte UTF-8 character).
        if separators.allSatisfy(\.isASCII) {
            let special = separators.map { UInt8($0.value) } + [UInt8(ascii: "\\")]
            if !text.utf8.contains(where: special.contains) { return ([String(text)], []) }
        }
        // A linear search of two or three scalars beats hashing each character into the set.
        let separators = Array(separators)
        var pieces: [String] = []
        var found: [Unicode.Scalar] = []
        var current = String.UnicodeScalarView()
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                escaping = false
                switch scalar {
                case "/":
                    current.append(escapedSlash)
                    continue
                case "|", ";", "\\":
                    current.append(scalar)
                    continue
                default:
                    // Not an escape: the backslash is literal and the character is read as usual.
                    current.append("\\")
                }
            }
            if scalar == "\\" {
                escaping = true
            } else if separators.contains(scalar) {
                pieces.append(String(current))
                found.append(scalar)
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if escaping { current.append("\\") }
        pieces.append(String(current))
        return (pieces, found)
    }

    /// `text` with a backslash before every backslash and every character of `special`.
    static func escape(_ text: String, _ special: Set<Unicode.Scalar>) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || special.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\\" || special.contains(scalar) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }
}
