/// One question of the business question bank, as authored: the content of one revision.
///
/// Equality is content equality; a re-import that changes anything compared here makes a new revision.
public struct Question: Sendable, Codable, Hashable {
    /// Stable id chosen by the author, e.g. `XD-20-003`. Letters, digits, `-` and `_`.
    public var id: String
    public var kind: QuestionKind
    public var stem: String
    /// Choice questions only; option `i` is labelled by the letter `Question.letters[i]`.
    public var options: [String]
    public var answer: Answer
    /// 解析
    public var explanation: String
    /// 知识点, hierarchical with `/`, e.g. `培训/常态化培训`. At least one.
    public var knowledgePoints: [String]
    /// Declared difficulty, 1 (easiest) to 5.
    public var difficulty: Int
    /// 出处: the section of the seed document or the article of a named law the question rests on.
    public var source: String
    /// 原文: the sentence of the source quoted as it stands, when the question rests on one.
    public var quote: String
    public var tags: [String]
    public var status: QuestionStatus
    public var usage: QuestionUsage

    public init(
        id: String, kind: QuestionKind, stem: String, options: [String] = [], answer: Answer, explanation: String = "",
        knowledgePoints: [String], difficulty: Int, source: String, quote: String = "", tags: [String] = [],
        status: QuestionStatus = .active, usage: QuestionUsage = .both
    ) {
        self.id = id
        self.kind = kind
        self.stem = stem
        self.options = options
        self.answer = answer
        self.explanation = explanation
        self.knowledgePoints = knowledgePoints
        self.difficulty = difficulty
        self.source = source
        self.quote = quote
        self.tags = tags
        self.status = status
        self.usage = usage
    }

    /// Option letters; eight options at most (选项A…选项H).
    public static let letters: [Character] = ["A", "B", "C", "D", "E", "F", "G", "H"]

    public static func isValidID(_ id: String) -> Bool { ServiceUnit.isValidCode(id) }
}

/// The key of a question, by type.
public enum Answer: Sendable, Codable, Hashable {
    /// Indexes into `options`: exactly one for single choice, two or more for multiple choice.
    case choices([Int])
    case trueFalse(Bool)
    /// One entry per blank, each the accepted variants of that blank.
    case blanks([[String]])
    /// Marked by a person: a reference answer and the scoring points (评分要点).
    case shortAnswer(reference: String, points: [String])

    /// Letters such as `ABD` for choice answers.
    public static func letters(_ indexes: [Int]) -> String {
        String(indexes.sorted().compactMap { Question.letters.indices.contains($0) ? Question.letters[$0] : nil })
    }

    /// Parses letters such as `ABD` (any order, spaces and commas ignored); `nil` for anything else.
    public static func indexes(fromLetters text: String) -> [Int]? {
        var result: [Int] = []
        for character in text.uppercased() where !" ,，、".contains(character) {
            guard let index = Question.letters.firstIndex(of: character), !result.contains(index) else { return nil }
            result.append(index)
        }
        return result.isEmpty ? nil : result.sorted()
    }
}
