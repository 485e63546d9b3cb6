/// The gaps of a Moodle cloze question (type `cloze`, "Embedded answers"): `{1:SHORTANSWER:=三分之一~=1\/3}`.
///
/// A cloze whose gaps are all short answers is a 填空 with several blanks, which the bank has; it is read as one,
/// and the writer uses it for 填空 questions with more than one blank (Moodle's `shortanswer` has only one). A cloze
/// with any other kind of gap (multiple choice, numerical) is unsupported.
enum MoodleCloze {
    /// Moodle's names of the short-answer gap type, case-sensitive or not.
    private static let shortAnswerTypes: Set<String> = ["SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"]
    /// Characters a backslash escapes inside a gap.
    private static let escapable: Set<Unicode.Scalar> = ["}", "#", "~", "/", "\"", "\\"]

    enum Parsed: Equatable {
        /// The text with `____` for each gap, and each gap's full-mark answers.
        case blanks(stem: String, answers: [[String]])
        /// A gap of another type, by its Moodle name (`MULTICHOICE` …).
        case unsupportedGap(String)
        case noGaps
    }

    /// Works on Unicode scalars: every character of the syntax is ASCII, and grapheme breaking would cost more than
    /// the parse itself.
    static func parse(_ text: String) -> Parsed {
        let characters = Array(text.unicodeScalars)
        var stem = String.UnicodeScalarView()
        var answers: [[String]] = []
        var index = 0
        // Once a gap has run to the end of the text unclosed, no later `{` can close either: stop looking, or a
        // long text of unclosed braces would be scanned again from every brace.
        var unclosed = false
        while index < characters.count {
            if characters[index] == "{", !unclosed, let gap = gap(characters, at: index, unclosed: &unclosed) {
                guard shortAnswerTypes.contains(gap.type.uppercased()) else { return .unsupportedGap(gap.type) }
                stem.append(contentsOf: BlankMarkers.marker.unicodeScalars)
                answers.append(gap.answers)
                index = gap.end
            } else {
                stem.append(characters[index])
                index += 1
            }
        }
        return answers.isEmpty ? .noGaps : .blanks(stem: String(stem), answers: answers)
    }

    /// `stem` with each `____` replaced by a short-answer gap accepting that blank's variants.
    static func text(stem: String, answers: [[String]]) -> String {
        var result = ""
        var rest = stem.startIndex
        for (number, marker) in BlankMarkers.ranges(in: stem).enumerated() {
            result += stem[rest..<marker.lowerBound]
            let variants = number < answers.count ? answers[number] : []
            result += "{1:SHORTANSWER:" + variants.map { "=" + escape($0) }.joined(separator: "~") + "}"
            rest = marker.upperBound
        }
        return result + stem[rest...]
    }

    /// The gap starting at `start` (a `{`): `{weight:TYPE:answers}`; `nil` when the brace starts no gap, which is
    /// then ordinary text, as in Moodle.
    private static func gap(_ characters: [Unicode.Scalar], at start: Int, unclosed: inout Bool) -> (
        type: String, answers: [String], end: Int
    )? {
        var index = start + 1
        while index < characters.count, ("0"..."9").contains(characters[index]) { index += 1 }
        guard index < characters.count, characters[index] == ":" else { return nil }
        index += 1
        var type = String.UnicodeScalarView()
        // Type names are short; a long run of letters is text, not a gap.
        while index < characters.count, type.count <= 16,
            ("A"..."Z").contains(characters[index]) || ("a"..."z").contains(characters[index]) || characters[index] == "_"
        {
            type.append(characters[index])
            index += 1
        }
        guard !type.isEmpty, index < characters.count, characters[index] == ":" else { return nil }
        index += 1

        var entries: [String] = []
        var current = String.UnicodeScalarView()
        // After an unescaped `#` comes the answer's feedback, up to the next answer or the end of the gap.
        var inFeedback = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, escapable.contains(characters[index + 1]) {
                if !inFeedback { current.append(characters[index + 1]) }
                index += 2
                continue
            }
            switch character {
            case "}":
                entries.append(String(current))
                return (String(type), fullMarks(entries), index + 1)
            case "~":
                entries.append(String(current))
                current = String.UnicodeScalarView()
                inFeedback = false
            case "#":
                inFeedback = true
            default:
                if !inFeedback { current.append(character) }
            }
            index += 1
        }
        unclosed = true
        return nil
    }

    /// Answers worth full marks (`=text` or `%100%text`), trimmed. Partial credit has no counterpart in the bank's
    /// right-or-wrong blanks.
    private static func fullMarks(_ entries: [String]) -> [String] {
        entries.compactMap { entry in
            var text = Substring(entry)
            if text.hasPrefix("=") {
                text = text.dropFirst()
            } else if text.hasPrefix("%"), let close = text.dropFirst().firstIndex(of: "%"),
                Double(text[text.index(after: text.startIndex)..<close]) == 100
            {
                text = text[text.index(after: close)...]
            } else {
                return nil
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
    }

    private static func escape(_ variant: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in variant.unicodeScalars {
            if escapable.contains(scalar) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }
}
