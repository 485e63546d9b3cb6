import LianbingCore

/// What a question from another system (GIFT, Moodle XML) gets for what that system has no place for, and how it is
/// named. Shared by `GIFT` and `MoodleXML`, so the same quiz imported either way gets the same ids and defaults.
enum ForeignQuestion {
    /// Middle of the scale: nothing in the file says otherwise, and 3 keeps the question usable in every paper.
    static let defaultDifficulty = 3
    /// A question outside any category still needs a knowledge point; this one is easy to find and re-file.
    static let defaultKnowledgePoint = "未分类"
    /// Tag keeping a foreign question name that could not become the id, so the author can find it in the source.
    static let nameTagPrefix = "原题名:"

    /// 出处 of a foreign question: the file it came from, since the system it came from records none.
    static func defaultSource(format: String, file: String) -> String { "\(format) 导入：\(file)" }

    /// The id and extra tags of a foreign question named `name` (empty when it has none).
    ///
    /// A name that is already a valid id (`XD19-001`, `Q12`) is the id: re-importing the file then updates the same
    /// questions. Any other name (Moodle's default is the start of the text) is hashed instead, and kept as a
    /// `原题名:` tag; a question without a name is hashed from its text. The hash is FNV-1a, not `Hasher`, whose
    /// seed changes per process: the id must be the same on every import of the same file.
    static func identity(name: String, text: String) -> (id: String, tags: [String]) {
        if Question.isValidID(name) { return (name, []) }
        let key = name.isEmpty ? "text:" + text : "name:" + name
        return ("Q-" + hash(key), name.isEmpty ? [] : [nameTagPrefix + name])
    }

    /// FNV-1a of `key` as 16 hex digits: the same on every run and machine.
    static func hash(_ key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A 简答 without a reference answer or scoring points (Moodle's essays rarely have grader information), or a 填空
    /// with no full-mark answer to a blank (a short answer with partial credit only), becomes a draft, so it is
    /// imported but never drawn for a paper until a trainer completes it.
    static func draftIfUngraded(_ question: inout Question) {
        if !BankValidator.gradingProblems(of: question).isEmpty { question.status = .draft }
    }

    /// How an unsupported question is named in the report: its name, else the start of its text on one line.
    static func label(name: String, text: String) -> String {
        if !name.isEmpty { return name }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 30 ? String(flat.prefix(30)) + "…" : flat
    }

    /// A question with the defaults and no content yet, for readers to fill in.
    static func skeleton(id: String, tags: [String], knowledgePoint: String?, source: String) -> Question {
        Question(
            id: id, kind: .shortAnswer, stem: "", answer: .shortAnswer(reference: "", points: []),
            knowledgePoints: [knowledgePoint ?? defaultKnowledgePoint], difficulty: defaultDifficulty, source: source,
            tags: tags, status: .active, usage: .both)
    }
}

/// The outcome of reading one foreign question.
enum ForeignOutcome {
    case question(Question)
    /// A type the product does not have, by its name in the foreign system (`matching`, `numerical` …).
    case unsupported(String)
    /// Reasons in Chinese the question could not be read.
    case problems([String])

    /// The outcome once the fields written by our own exporter (`QuestionOverrides`) are laid over it.
    ///
    /// Overrides that carry the whole content (`kind` set) stand even when the foreign part could not be read: the
    /// exporter writes them exactly when its own text would not read back as the question.
    func applying(_ overrides: QuestionOverrides?, skeleton: @autoclosure () -> Question) -> ForeignOutcome {
        guard let overrides else { return self }
        switch self {
        case .question(var question):
            overrides.apply(to: &question)
            return .question(question)
        case .unsupported, .problems:
            guard overrides.kind != nil else { return self }
            var question = skeleton()
            overrides.apply(to: &question)
            return .question(question)
        }
    }
}
