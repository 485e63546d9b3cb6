/// A GIFT file cut into what its parser works on: categories and questions, each with the line it starts on.
///
/// As in Moodle, questions are separated by blank lines and lines starting with `//` are comments wherever they
/// are (they do not separate questions). A comment `// lianbing: {…}` is our exporter's record of the fields GIFT
/// cannot hold, and belongs to the question of its block.
enum GIFTBlocks {
    enum Item {
        /// `$CATEGORY: path`, with its line.
        case category(path: String, line: Int)
        case question(QuestionText)
    }

    struct QuestionText {
        /// Line of the question's first non-comment line.
        var line: Int
        /// The question's lines, joined with `\n`.
        var text: String
        /// The JSON of a `// lianbing:` comment, and its line.
        var lianbing: (json: Substring, line: Int)?
    }

    static let lianbingPrefix = "lianbing:"

    static func items(in text: String) -> [Item] {
        var items: [Item] = []
        var content: [(line: Int, text: Substring)] = []
        var lianbing: (json: Substring, line: Int)?

        func endBlock() {
            defer {
                content.removeAll(keepingCapacity: true)
                lianbing = nil
            }
            guard let first = content.first else { return }
            var questionLines = content[...]
            // Moodle reads `$CATEGORY:` as a block of its own; a question written right under it is read too rather
            // than lost.
            let firstText = first.text.drop(while: { $0 == " " || $0 == "\t" })
            if firstText.hasPrefix("$CATEGORY:") {
                items.append(.category(path: String(firstText.dropFirst("$CATEGORY:".count)), line: first.line))
                questionLines = questionLines.dropFirst()
            }
            guard let start = questionLines.first else { return }
            let joined = questionLines.count == 1 ? String(start.text) : questionLines.map(\.text).joined(separator: "\n")
            items.append(.question(QuestionText(line: start.line, text: joined, lianbing: lianbing)))
        }

        forEachLine(in: text) { number, line in
            // Classified on UTF-8 bytes: only ASCII matters here, and this runs for every line of the file.
            let bytes = line.utf8
            guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return endBlock() }
            let rest = line[first...]
            if rest.utf8.starts(with: "//".utf8) {
                let comment = rest.dropFirst(2).drop(while: { $0 == " " || $0 == "\t" })
                if comment.utf8.starts(with: lianbingPrefix.utf8) { lianbing = (comment.dropFirst(lianbingPrefix.count), number) }
            } else {
                content.append((number, line))
            }
        }
        endBlock()
        return items
    }

    /// Calls `body` with each line (1-based number, text without its end) of `text`; lines end at LF, CRLF or CR.
    ///
    /// Works on UTF-8 bytes, where CR and LF never occur inside another character. Other Unicode line separators
    /// (U+2028 …) are text, as in Moodle: they may sit inside our JSON comments.
    static func forEachLine(in text: String, _ body: (Int, Substring) -> Void) {
        let utf8 = text.utf8
        var number = 1
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                body(number, text[start..<index])
                number += 1
                index = utf8.index(after: index)
                if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        body(number, text[start..<utf8.endIndex])
    }
}
