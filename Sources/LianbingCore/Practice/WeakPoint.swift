/// Where a knowledge point's marks come from. Contest answers count as assessment marks, as in `Mastery`.
public enum MarkSource: String, Sendable, Codable, Hashable {
    case assessment
    case selfTest = "self-test"

    public var label: String {
        switch self {
        case .assessment: "集中考核"
        case .selfTest: "自我测试"
        }
    }
}

/// A knowledge point on which marks fall short (薄弱知识点), with the figures that say so.
public struct WeakPoint: Sendable, Codable, Hashable {
    public var knowledgePoint: String
    public var source: MarkSource
    /// Σ score / Σ points, 0–1, as `Mastery.Point.accuracy`.
    public var accuracy: Double
    /// Marks behind the accuracy.
    public var answered: Int
    /// Why it is weak, as shown: 集中考核中该知识点得分率 42%（答 12 题）.
    public var reason: String

    public init(knowledgePoint: String, source: MarkSource, accuracy: Double, answered: Int) {
        self.knowledgePoint = knowledgePoint
        self.source = source
        self.accuracy = accuracy
        self.answered = answered
        reason = "\(source.label)中该知识点得分率 \(Int((accuracy * 100).rounded()))%（答 \(answered) 题）"
    }

    /// Fewer marks than this say nothing about a point: one slip must not put it at the top.
    public static let minimumAnswered = 2
    /// A point is weak below this accuracy: 80%, well above the usual 60% pass line, so a point is flagged while
    /// there is still time to study it.
    public static let weakBelow = 0.8

    /// The total order of weakness:
    /// 1. lower accuracy first;
    /// 2. at equal accuracy, more marks first — the same rate over more answers is firmer evidence;
    /// 3. then knowledge point name, in code-point order;
    /// 4. then assessment before self-test, so that two figures for one point also have an order.
    public static func weakerFirst(_ a: WeakPoint, _ b: WeakPoint) -> Bool {
        if a.accuracy != b.accuracy { return a.accuracy < b.accuracy }
        if a.answered != b.answered { return a.answered > b.answered }
        if a.knowledgePoint != b.knowledgePoint { return a.knowledgePoint < b.knowledgePoint }
        return a.source == .assessment && b.source == .selfTest
    }

    /// The weak points of one source: at least `minimumAnswered` marks and accuracy below `weakBelow`, weakest first.
    public static func weakest(_ mastery: Mastery, source: MarkSource) -> [WeakPoint] {
        mastery.byKnowledgePoint.compactMap { name, point -> WeakPoint? in
            guard point.answered >= minimumAnswered, let accuracy = point.accuracy, accuracy < weakBelow else { return nil }
            return WeakPoint(knowledgePoint: name, source: source, accuracy: accuracy, answered: point.answered)
        }.sorted(by: weakerFirst)
    }

    /// One person's weak points: each point once, by the weaker of its two figures. The two are kept apart as in
    /// `Mastery` (a self-test can be retried until right), and a point is weak when either source says so.
    public static func weakest(assessment: Mastery, selfTest: Mastery) -> [WeakPoint] {
        var byPoint: [String: WeakPoint] = [:]
        for point in weakest(assessment, source: .assessment) + weakest(selfTest, source: .selfTest) {
            if let kept = byPoint[point.knowledgePoint], weakerFirst(kept, point) { continue }
            byPoint[point.knowledgePoint] = point
        }
        return byPoint.values.sorted(by: weakerFirst)
    }
}
