/// Accuracy by knowledge point (知识点掌握度), from item marks.
///
/// Accuracy is Σ score / Σ points, so a half-right blank counts as half and a 5-point question weighs five times a
/// 1-point one. A question is counted under each of its knowledge points: it tests all of them, and a weak point
/// should show whichever other point the question is also filed under. Totals across points therefore exceed the
/// attempt's total; compare points with each other, not with the score.
///
/// Values merge by addition, so a unit's mastery is the merge of its members' and is the same whatever order they
/// are merged in (up to floating-point rounding). Whether marks come from centralised assessments or self-tests is the caller's choice of what to
/// add: keep one value for each.
public struct Mastery: Sendable, Codable, Hashable {
    /// What has been added for one knowledge point.
    public struct Point: Sendable, Codable, Hashable {
        public var score: Double = 0
        public var points: Double = 0
        /// Marks added.
        public var answered = 0
        /// Of them, full marks.
        public var correct = 0

        public init() {}

        public init(score: Double, points: Double, answered: Int, correct: Int) {
            self.score = score
            self.points = points
            self.answered = answered
            self.correct = correct
        }

        /// Σ score / Σ points, 0–1; `nil` when nothing with points has been answered.
        public var accuracy: Double? { points > 0 ? score / points : nil }

        mutating func add(_ other: Point) {
            score += other.score
            points += other.points
            answered += other.answered
            correct += other.correct
        }
    }

    public private(set) var byKnowledgePoint: [String: Point] = [:]

    public init() {}

    /// Adds one mark under each of the question's knowledge points. A pending short answer is skipped: counting it
    /// as 0 would show a point as weak only because a trainer has not marked it yet.
    public mutating func add(_ mark: ItemMark, knowledgePoints: [String]) {
        guard let score = mark.score else { return }
        let point = Point(score: score, points: mark.points, answered: 1, correct: mark.isCorrect ? 1 : 0)
        // A question listing a point twice is one question about it.
        for knowledgePoint in Set(knowledgePoints) { byKnowledgePoint[knowledgePoint, default: Point()].add(point) }
    }

    /// Adds marks already summed for one question, under each of its knowledge points: the same as adding them one by
    /// one, for callers that let the database do the summing.
    public mutating func add(_ sum: Point, knowledgePoints: [String]) {
        for knowledgePoint in Set(knowledgePoints) { byKnowledgePoint[knowledgePoint, default: Point()].add(sum) }
    }

    public mutating func merge(_ other: Mastery) {
        for (knowledgePoint, point) in other.byKnowledgePoint { byKnowledgePoint[knowledgePoint, default: Point()].add(point) }
    }

    public func merging(_ other: Mastery) -> Mastery {
        var merged = self
        merged.merge(other)
        return merged
    }

    public func accuracy(of knowledgePoint: String) -> Double? { byKnowledgePoint[knowledgePoint]?.accuracy }
}
