import LianbingCore

/// Reads the text of one GIFT question: `::name:: [format] text { answers } more text`.
///
/// What the text says about the question itself; the reader adds what comes from around it (category, file).
enum GIFTQuestionParser {
    struct Parsed {
        /// `::name::`, unescaped and trimmed; empty when there is none.
        var name: String
        /// The question text without name, format and answers, for naming it in reports.
        var preview: String
        var content: Result<Content, Failure>
    }

    struct Content: Equatable {
        var kind: QuestionKind
        var stem: String
        var options: [String]
        var answer: Answer
        var explanation: String
    }

    enum Failure: Error, Equatable {
        /// A GIFT type the product lacks, by its Moodle name.
        case unsupported(String)
        case problems([String])
    }

    private static let formats: Set<String> = ["html", "moodle", "markdown", "plain"]

    static func parse(_ text: String) -> Parsed {
        let all = GIFTText.characters(text)
        var rest = GIFTText.leadingTrimmed(all[...])

        var name = ""
        if rest.count >= 2, rest[rest.startIndex].is(":"), rest[rest.startIndex + 1].is(":") {
            guard let end = GIFTText.first(":", times: 2, in: rest, from: rest.startIndex + 2) else {
                return Parsed(name: "", preview: String(text.prefix(30)), content: .failure(.problems(["题目名称缺少结尾的 ::"])))
            }
            name = GIFTText.string(GIFTText.trimmed(rest[(rest.startIndex + 2)..<end]))
            rest = GIFTText.leadingTrimmed(rest[(end + 2)...])
        }
        // `[html]`, `[moodle]`, `[markdown]` say how Moodle renders the text; the bank keeps plain text, so the marker
        // goes, and HTML (Moodle's exporter writes `[html]<p dir="ltr">…`) becomes plain text as in Moodle XML.
        var html = false
        if let first = rest.first, first.is("["), let close = GIFTText.first("]", in: rest.prefix(10)) {
            let format = GIFTText.string(rest[(rest.startIndex + 1)..<close]).lowercased()
            if formats.contains(format) {
                html = format == "html"
                rest = GIFTText.leadingTrimmed(rest[(close + 1)...])
            }
        }
        let plain = { (text: String) in html ? MoodleHTML.plainText(text) : text }
        let plainPreview = { (text: ArraySlice<GIFTCharacter>) in plain(Self.preview(of: text)) }

        // One pass finds the answer block and every misplaced brace.
        let braces = Braces(rest)
        guard let open = braces.open else {
            let preview = plainPreview(rest)
            // Moodle reads a text without answers as a description (说明), which has nothing to answer.
            if braces.strayBefore {
                return Parsed(name: name, preview: preview, content: .failure(.problems(["有 } 却没有对应的 {：文字中的 } 应写成 \\}"])))
            }
            return Parsed(name: name, preview: preview, content: .failure(.unsupported("description")))
        }
        let before = rest[rest.startIndex..<open]
        let preview = plainPreview(before)
        func fail(_ reason: String) -> Parsed { Parsed(name: name, preview: preview, content: .failure(.problems([reason]))) }

        if braces.strayBefore { return fail("答案块前有多余的 }：文字中的 } 应写成 \\}") }
        if braces.nested { return fail("答案块中有未转义的 {：答案中的 { 应写成 \\{") }
        guard let close = braces.close else { return fail("答案块的 { 没有对应的 }") }
        let after = rest[(close + 1)...]
        // GIFT has one answer block per question; several are what Moodle calls cloze (嵌入式答案).
        if braces.secondBlock { return Parsed(name: name, preview: preview, content: .failure(.unsupported("cloze"))) }
        if braces.strayAfter { return fail("答案块后有多余的 }：文字中的 } 应写成 \\}") }

        let answers: GIFTAnswerBlock.Parsed
        switch GIFTAnswerBlock.parse(rest[(open + 1)..<close]) {
        case .failure(let failure): return Parsed(name: name, preview: preview, content: .failure(failure))
        case .success(let parsed): answers = parsed
        }

        // Text after the answers makes the block a gap in the sentence (Moodle's "missing word"); a 填空 always is one.
        let tail = GIFTText.trailingTrimmed(after)
        let stem: String
        if answers.kind == .fillBlank || !tail.isEmpty {
            stem = GIFTText.string(before) + BlankMarkers.marker + GIFTText.string(tail)
        } else {
            stem = GIFTText.string(GIFTText.trailingTrimmed(before))
        }
        var answer = answers.answer
        if html, case .blanks(let blanks) = answer { answer = .blanks(blanks.map { $0.map(plain) }) }
        let content = Content(
            kind: answers.kind, stem: plain(stem), options: answers.options.map(plain), answer: answer,
            explanation: plain(answers.explanation))
        return Parsed(name: name, preview: preview, content: .success(content))
    }

    /// The start of `text`, trimmed, for naming a question in reports (and hashing an id when nothing better exists):
    /// bounded, so a 10 MB text is not copied again just to be named.
    private static func preview(of text: ArraySlice<GIFTCharacter>) -> String {
        GIFTText.string(GIFTText.trimmed(GIFTText.prefix(GIFTText.leadingTrimmed(text), 600)))
    }

    /// Where the answer block is, and which braces are out of place.
    private struct Braces {
        var open: Int?
        var close: Int?
        var strayBefore = false
        var nested = false
        var secondBlock = false
        var strayAfter = false

        init(_ text: ArraySlice<GIFTCharacter>) {
            for index in text.indices {
                let character = text[index]
                guard !character.escaped, character.byte == UInt8(ascii: "{") || character.byte == UInt8(ascii: "}") else {
                    continue
                }
                let opening = character.byte == UInt8(ascii: "{")
                switch (open, close) {
                case (nil, _): if opening { open = index } else { strayBefore = true }
                case (_?, nil): if opening { nested = true } else { close = index }
                case (_?, _?): if opening { secondBlock = true } else { strayAfter = true }
                }
                if nested || secondBlock { return }
            }
        }
    }
}
