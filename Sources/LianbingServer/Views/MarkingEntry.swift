import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One short answer on a marking form: the queue on the marking page, and a score review's answers marked again.
/// It names the answer by its attempt's number only: marking is anonymous, and a review page names the candidate
/// in its own heading.
struct MarkingEntry {
    var attemptId: Int64
    var position: Int
    var number: Int
    var examTitle: String
    var questionId: String
    var stem: String
    var reference: String
    var scoringPoints: [String]
    var hasScoringPoints: Bool
    var points: String
    /// `nil` when the candidate left it blank.
    var response: String?
    /// The mark already given, shown when marking again; `nil` in the queue.
    var given: String?
    var score: String
    var comment: String
    /// Where the form posts.
    var action: String
    /// The anchor (`anchor(_:)`) the page returns to once this mark is saved; empty for the top.
    var next: String
    /// `marked` for the list of marks given, to return to it; else empty.
    var view: String
    /// Named apart from the page's `error`: a `nil` here would otherwise show the page's error in every entry,
    /// as Mustache looks a missing value up in the enclosing contexts.
    var entryError: String?

    /// What the marker typed into one entry, kept when the store refused it.
    struct Typed {
        var attemptId: Int64
        var position: Int
        var score: String
        var comment: String
        var error: String
    }

    init(_ item: MarkingItem, action: String, typed: Typed?, next: String = "", view: String = "") {
        let mine = typed.flatMap { $0.attemptId == item.attemptId && $0.position == item.position ? $0 : nil }
        attemptId = item.attemptId
        position = item.position
        number = item.position + 1
        examTitle = item.examTitle
        questionId = item.questionId
        stem = item.stem
        reference = item.reference
        scoringPoints = item.scoringPoints
        hasScoringPoints = !item.scoringPoints.isEmpty
        points = AppDatabase.points(item.points)
        response = item.response.isEmpty ? nil : item.response
        given = item.score.map(AppDatabase.points)
        score = mine?.score ?? given ?? ""
        comment = mine?.comment ?? item.comment ?? ""
        self.action = action
        self.next = next
        self.view = view
        entryError = mine?.error
    }

    /// The id of an answer's card on the page.
    static func anchor(_ item: MarkingItem) -> String { "a\(item.attemptId)-\(item.position)" }

    /// A posted anchor if it has the shape `anchor(_:)` gives, so a redirect carries nothing else.
    static func validAnchor(_ text: String?) -> String? {
        guard let text, let dash = text.firstIndex(of: "-"), text.first == "a",
            Int64(text[text.index(after: text.startIndex)..<dash]) != nil, Int(text[text.index(after: dash)...]) != nil
        else { return nil }
        return text
    }

    /// Saves the mark a marking form posted for one answer. On a refusal it gives back what was typed with the
    /// reason, and the status to answer with, so the page can show the form again as it was.
    static func save(
        _ fields: FormFields, attempt: Int64, position: Int, review: Int64? = nil, in database: AppDatabase, by principal: Principal
    ) async throws -> (typed: Typed, status: HTTPResponse.Status)? {
        let scoreText = fields["score"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let comment = fields["comment"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        do {
            guard let score = Double(scoreText), score.isFinite else { throw LianbingError.invalid("请填写得分（数字）") }
            try await database.markAnswer(
                attempt: attempt, position: position, score: score, comment: comment.isEmpty ? nil : comment, review: review, by: principal)
            return nil
        } catch let error as LianbingError {
            let status: HTTPResponse.Status
            switch error {
            case .invalid: status = .badRequest
            case .conflict: status = .conflict
            default: throw error
            }
            return (Typed(attemptId: attempt, position: position, score: scoreText, comment: comment, error: error.message), status)
        }
    }
}
