/// A question in a member of staff's wrong-question book (错题本), and how close it is to leaving.
public struct WrongBookEntry: Sendable, Codable, Hashable {
    public var questionId: String
    /// The knowledge point the book groups the question under.
    public var knowledgePoint: String
    /// Right answers in a row since the last wrong one.
    public var streak: Int

    public init(questionId: String, knowledgePoint: String, streak: Int = 0) {
        self.questionId = questionId
        self.knowledgePoint = knowledgePoint
        self.streak = streak
    }

    /// Consecutive right answers that take a question out of the book: one could be a lucky guess, two in a row
    /// after getting it wrong show it has been learnt.
    public static let streakToLeave = 2

    /// The book's entry for a question after one more answer to it; `nil` when the question is not (or no longer)
    /// in the book.
    ///
    /// A wrong answer — anything short of full marks, partial credit included — puts the question in the book or
    /// sets its streak back to 0. A right answer moves the streak on, and at `streakToLeave` the question leaves.
    /// A right answer to a question not in the book changes nothing. A mark still pending (a short answer waiting
    /// for a trainer) is neither right nor wrong yet, and changes nothing until it is marked.
    public static func after(_ entry: WrongBookEntry?, questionId: String, knowledgePoint: String, mark: ItemMark) -> WrongBookEntry? {
        if mark.isPending { return entry }
        guard mark.isCorrect else { return WrongBookEntry(questionId: questionId, knowledgePoint: knowledgePoint, streak: 0) }
        guard var entry else { return nil }
        entry.streak += 1
        return entry.streak >= streakToLeave ? nil : entry
    }
}
