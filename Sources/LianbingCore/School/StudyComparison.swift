import Foundation

/// Accuracy on one knowledge point before and after studying its lessons, beside colleagues who did not study them
/// (学习前后对比). A comparison, not proof of effect: who chooses to study, and when, is not random.
///
/// For a knowledge point P:
/// - the studied group is everyone given with a completed lesson on P (a lesson whose knowledge points include P); their
///   first completion of such a lesson is their date t;
/// - a studied person's marks on P (a mark whose question is filed under P or a point below it) count *before* when
///   made in [t − 90 days, t) and *after* when made in (t, t + 90 days];
/// - the comparison group is everyone else of the same units (a unit holding at least one studied person) without a
///   completed lesson on P; their marks on P count before when made inside any before-window of a studied person of
///   their own unit, after when inside any after-window — the windows pooled per unit, each mark counted at most once
///   per side (a mark may fall in one person's before-window and another's after-window, and then counts on both);
/// - accuracy on each side is Σ score / Σ points over the group's marks there, as `Mastery` adds them; `people` is the
///   size of the group, whether or not they answered anything in the windows.
public struct StudyComparison: Sendable, Codable, Hashable {
    public struct Group: Sendable, Codable, Hashable {
        public var people = 0
        public var before = Mastery.Point()
        public var after = Mastery.Point()

        public init() {}
    }

    /// One marked answer: when it was made (an assessment's submission, a self-test question's answer) and the
    /// knowledge points of its question.
    public struct Mark: Sendable, Hashable {
        public var staffNumber: String
        public var at: Date
        public var knowledgePoints: [String]
        public var score: Double
        public var points: Double

        public init(staffNumber: String, at: Date, knowledgePoints: [String], score: Double, points: Double) {
            self.staffNumber = staffNumber
            self.at = at
            self.knowledgePoints = knowledgePoints
            self.score = score
            self.points = points
        }

        /// The mark as one answer of `Mastery`.
        var tally: Mastery.Point {
            Mastery.Point(score: score, points: points, answered: 1, correct: ItemMark(score: score, points: points).isCorrect ? 1 : 0)
        }
    }

    /// A lesson completed: by whom, when, and the lesson's knowledge points.
    public struct Completion: Sendable, Hashable {
        public var staffNumber: String
        public var at: Date
        public var knowledgePoints: [String]

        public init(staffNumber: String, at: Date, knowledgePoints: [String]) {
            self.staffNumber = staffNumber
            self.at = at
            self.knowledgePoints = knowledgePoints
        }
    }

    public var knowledgePoint: String
    public var studied: Group
    public var comparison: Group

    public static let windowDays = 90

    /// One row per knowledge point that someone completed a lesson on, in knowledge point order. `units` gives the
    /// unit of every person who may fall in either group (staff number → unit code).
    public static func compare(marks: [Mark], completions: [Completion], units: [String: String]) -> [StudyComparison] {
        let window = TimeInterval(windowDays) * 86_400
        var first: [String: [String: Date]] = [:]
        for completion in completions {
            for point in Set(completion.knowledgePoints) {
                first[point, default: [:]][completion.staffNumber] = min(first[point]?[completion.staffNumber] ?? completion.at, completion.at)
            }
        }
        // Each person's marks by their questions' knowledge points, so a point reads only what lies under it.
        var index: [String: [String: [Int]]] = [:]
        for (offset, mark) in marks.enumerated() {
            for point in Set(mark.knowledgePoints) { index[mark.staffNumber, default: [:]][point, default: []].append(offset) }
        }
        let marksOn = { (staff: String, point: String) -> [Mark] in
            let offsets = (index[staff] ?? [:]).filter { $0.key.isKnowledgePoint(under: point) }.values.joined()
            return Set(offsets).sorted().map { marks[$0] }
        }
        let staffByUnit = Dictionary(grouping: units.keys, by: { units[$0]! })
        return first.keys.sorted().map { point in
            let studiedAt = first[point]!
            var row = StudyComparison(knowledgePoint: point, studied: Group(), comparison: Group())
            var windows: [String: [Date]] = [:]
            for (staff, t) in studiedAt {
                row.studied.people += 1
                if let unit = units[staff] { windows[unit, default: []].append(t) }
                for mark in marksOn(staff, point) {
                    if mark.at >= t - window && mark.at < t { row.studied.before.add(mark.tally) }
                    if mark.at > t && mark.at <= t + window { row.studied.after.add(mark.tally) }
                }
            }
            for (unit, times) in windows {
                for staff in staffByUnit[unit] ?? [] where studiedAt[staff] == nil {
                    row.comparison.people += 1
                    for mark in marksOn(staff, point) {
                        if times.contains(where: { mark.at >= $0 - window && mark.at < $0 }) { row.comparison.before.add(mark.tally) }
                        if times.contains(where: { mark.at > $0 && mark.at <= $0 + window }) { row.comparison.after.add(mark.tally) }
                    }
                }
            }
            return row
        }
    }
}
