import Foundation
import LianbingCore

/// Fields of a question that a foreign format cannot hold, carried beside it by our own exporters (GIFT's
/// `// lianbing: {…}` comment, Moodle XML's `lianbing-exact:` tag) so that exporting and importing again gives back
/// exactly the same question. Shared by `GIFT` and `MoodleXML`.
///
/// The keys are the `Question` property names; absent keys leave the field as read. Writers fill it with
/// `difference`: only what their own text would not read back, so a hand edit of the visible text still counts
/// unless the text could not hold that field in the first place.
struct QuestionOverrides: Codable, Equatable {
    var id: String?
    var kind: QuestionKind?
    var stem: String?
    var options: [String]?
    var answer: Answer?
    var explanation: String?
    var knowledgePoints: [String]?
    var difficulty: Int?
    var source: String?
    var quote: String?
    var tags: [String]?
    var status: QuestionStatus?
    var usage: QuestionUsage?

    var isEmpty: Bool { self == QuestionOverrides() }

    func apply(to question: inout Question) {
        if let id { question.id = id }
        if let kind { question.kind = kind }
        if let stem { question.stem = stem }
        if let options { question.options = options }
        if let answer { question.answer = answer }
        if let explanation { question.explanation = explanation }
        if let knowledgePoints { question.knowledgePoints = knowledgePoints }
        if let difficulty { question.difficulty = difficulty }
        if let source { question.source = source }
        if let quote { question.quote = quote }
        if let tags { question.tags = tags }
        if let status { question.status = status }
        if let usage { question.usage = usage }
    }

    /// What must be laid over `readBack` (what the foreign text alone reads as) to get `wanted`.
    ///
    /// When the text does not read back as a question of the same type, all of the content is carried, so the
    /// reader can rebuild the question from this alone (`kind` is then set).
    static func difference(wanted: Question, readBack: Question?) -> QuestionOverrides {
        guard let readBack, readBack.kind == wanted.kind else {
            return QuestionOverrides(
                id: wanted.id, kind: wanted.kind, stem: wanted.stem, options: wanted.options, answer: wanted.answer,
                explanation: wanted.explanation, knowledgePoints: wanted.knowledgePoints, difficulty: wanted.difficulty,
                source: wanted.source, quote: wanted.quote, tags: wanted.tags, status: wanted.status, usage: wanted.usage)
        }
        var result = QuestionOverrides()
        if readBack.id != wanted.id { result.id = wanted.id }
        if readBack.stem != wanted.stem { result.stem = wanted.stem }
        if readBack.options != wanted.options { result.options = wanted.options }
        if readBack.answer != wanted.answer { result.answer = wanted.answer }
        if readBack.explanation != wanted.explanation { result.explanation = wanted.explanation }
        if readBack.knowledgePoints != wanted.knowledgePoints { result.knowledgePoints = wanted.knowledgePoints }
        if readBack.difficulty != wanted.difficulty { result.difficulty = wanted.difficulty }
        if readBack.source != wanted.source { result.source = wanted.source }
        if readBack.quote != wanted.quote { result.quote = wanted.quote }
        if readBack.tags != wanted.tags { result.tags = wanted.tags }
        if readBack.status != wanted.status { result.status = wanted.status }
        if readBack.usage != wanted.usage { result.usage = wanted.usage }
        return result
    }

    /// One line of JSON (line breaks inside values are escaped), keys sorted so exports diff cleanly.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and enums cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The overrides in `json`; `nil` when it is not JSON of this shape (readers then report it).
    static func parse(json: Substring) -> QuestionOverrides? {
        try? JSONDecoder().decode(QuestionOverrides.self, from: Data(json.utf8))
    }
}
