import LianbingCore

extension BankText {
    /// `question` as it comes back from `read(write([question]))`: the form the file format can hold.
    ///
    /// The format trims every line of a value and has no empty lines inside a value (an empty line ends the
    /// question), so text is normalised the same way; list entries (知识点, 标签, 评分要点) cannot span lines,
    /// so a line break inside one makes two entries, and a 填空 variant that spans lines is joined with a space.
    /// For a question already in this form, and every valid one, `read(write([q]))` gives back `q` exactly.
    public static func canonical(_ question: Question) -> Question {
        var result = question
        result.id = BankTextCanonicalForm.text(question.id)
        result.stem = BankTextCanonicalForm.text(question.stem)
        result.options = question.options.map(BankTextCanonicalForm.text)
        result.explanation = BankTextCanonicalForm.text(question.explanation)
        result.knowledgePoints = BankTextCanonicalForm.list(question.knowledgePoints).compactMap(BankTextCanonicalForm.knowledgePoint)
        result.source = BankTextCanonicalForm.text(question.source)
        result.quote = BankTextCanonicalForm.text(question.quote)
        result.tags = BankTextCanonicalForm.list(question.tags)
        switch question.answer {
        case .choices(let indexes):
            // Letters are written sorted and once each; letters past H cannot be written.
            result.answer = .choices(Array(Set(indexes.filter(Question.letters.indices.contains))).sorted())
        case .trueFalse:
            break
        case .blanks(let blanks):
            // A draft's blank may have no answer yet (see `BankTextQuestionBuilder.draftBlanks`).
            let none: [String] = question.status == .draft ? [] : [""]
            result.answer = .blanks(blanks.map { $0.isEmpty ? none : $0.map(BankTextCanonicalForm.variant) })
        case .shortAnswer(let reference, let points):
            result.answer = .shortAnswer(reference: BankTextCanonicalForm.text(reference), points: BankTextCanonicalForm.list(points))
        }
        return result
    }
}

/// The normalisations behind `BankText.canonical`, shared with the writer so the two cannot drift apart.
enum BankTextCanonicalForm {
    /// Lines split as the reader splits a file: LF, CRLF or CR.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        BankTextLine.forEach(in: text) { _, line in lines.append(line) }
        return lines
    }

    /// Free text: each line trimmed, empty lines dropped, control characters (which the reader refuses as a
    /// sign of a binary file) removed.
    static func text(_ text: String) -> String {
        guard needsWork(text) else { return text }
        return lines(withoutControls(text)).lazy.map(BankTextWhitespace.trim).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// List entries: one per line, trimmed, empty ones dropped.
    static func list(_ items: [String]) -> [String] {
        items.flatMap { lines(withoutControls($0)).map { String(BankTextWhitespace.trim($0)) } }.filter { !$0.isEmpty }
    }

    /// A knowledge point with each level trimmed; `nil` when nothing is left.
    static func knowledgePoint(_ point: String) -> String? {
        let trimmed = BankTextWhitespace.trim(point)
        if trimmed.isEmpty { return nil }
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).map { String(BankTextWhitespace.trim($0)) }
            .joined(separator: "/")
    }

    /// A 填空 variant: one line, trimmed. Empty variants are kept: they are an error the validator reports.
    static func variant(_ variant: String) -> String {
        lines(withoutControls(variant)).lazy.map(BankTextWhitespace.trim).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    private static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    /// Fast path: most text is a single line with nothing to trim.
    private static func needsWork(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return BankTextWhitespace.isWhitespace(first) || BankTextWhitespace.isWhitespace(last)
            || text.unicodeScalars.contains { $0.value < 0x20 }
    }
}
