import Foundation

/// Moodle's HTML text as plain text: tags dropped, the common entities decoded, line breaks kept where the HTML
/// breaks lines. Deliberately minimal: question text is short and simple, and the bank holds plain text only.
///
/// One pass over the scalars; each `<` or `&` looks ahead a bounded distance or to the next `>` once, so time is
/// linear even for 10 MB of `<<<<`.
enum MoodleHTML {
    /// Tags that end a line where they stand.
    private static let breaks: Set<String> = ["br", "/p", "/div", "/li", "/tr", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/blockquote", "/pre"]
    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    static func plainText(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        // Once no `>` follows some position, none follows any later one: stop looking for tags.
        var noMoreTagEnds = false
        var lastWasSpace = true
        func append(_ scalar: Unicode.Scalar) {
            out.append(scalar)
            lastWasSpace = scalar == " " || scalar == "\n"
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", !noMoreTagEnds, index + 1 < scalars.count, isTagStart(scalars[index + 1]) {
                guard let end = scalars[index...].firstIndex(of: ">") else {
                    noMoreTagEnds = true
                    append(scalar)
                    index += 1
                    continue
                }
                let name = tagName(scalars[(index + 1)..<end])
                if breaks.contains(name) {
                    append("\n")
                } else if name == "img" {
                    // The bank has no images; leave a mark so the author sees the question relied on one.
                    for character in "[图片]".unicodeScalars { append(character) }
                }
                index = end + 1
            } else if scalar == "&", let (decoded, length) = entity(scalars, at: index) {
                append(decoded)
                index += length
            } else if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                // HTML collapses whitespace; line breaks come from the tags above.
                if !lastWasSpace { append(" ") }
                index += 1
            } else {
                append(scalar)
                index += 1
            }
        }
        return String(out).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    private static func isTagStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "!" || scalar == "?" || scalar.properties.isAlphabetic
    }

    /// `p`, `/p`, `br` … lowercased, from the inside of a tag.
    private static func tagName(_ inside: ArraySlice<Unicode.Scalar>) -> String {
        var name = ""
        for scalar in inside {
            if scalar == "/" && name.isEmpty {
                name.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else {
                break
            }
        }
        return name.lowercased()
    }

    /// The entity at `index` (`&amp;`, `&#20013;`, `&#x4E2D;`) and its length; `nil` for a bare `&`.
    private static func entity(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        let limit = min(scalars.count, index + 12)
        guard let semicolon = scalars[index..<limit].firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
        let length = semicolon - index + 1
        if let scalar = named[body.lowercased()] { return (scalar, length) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar == "\u{A0}" ? " " : scalar, length)
    }
}
