import Foundation
import LianbingCore
import Testing

/// The before-and-after comparison follows its documented definition on constructed data.
@Suite("学习前后对比")
struct StudyComparisonTests {
    static func day(_ n: Double) -> Date { Date(timeIntervalSince1970: n * 86_400) }

    static func mark(_ staff: String, _ at: Double, _ score: Double, points: Double = 1, on point: String = "甲/乙") -> StudyComparison.Mark {
        StudyComparison.Mark(staffNumber: staff, at: day(at), knowledgePoints: [point], score: score, points: points)
    }

    @Test("Given a studied person, then marks in [t−90, t) count before and in (t, t+90] after, from the first completion")
    func studiedWindows() throws {
        let marks = [
            Self.mark("S1", 10, 1),  // t − 90: before
            Self.mark("S1", 95, 0),  // before
            Self.mark("S1", 100, 1),  // t itself: neither
            Self.mark("S1", 9, 1),  // outside
            Self.mark("S1", 150, 1, points: 2, on: "甲/乙/丙"),  // after, on a point below
            Self.mark("S1", 190, 0),  // t + 90: after
            Self.mark("S1", 191, 1),  // outside
            Self.mark("S1", 120, 0, on: "甲"),  // a point above: not this one
        ]
        let completions = [
            StudyComparison.Completion(staffNumber: "S1", at: Self.day(130), knowledgePoints: ["甲/乙"]),
            StudyComparison.Completion(staffNumber: "S1", at: Self.day(100), knowledgePoints: ["甲/乙", "丁"]),
        ]
        let rows = StudyComparison.compare(marks: marks, completions: completions, units: ["S1": "U1"])
        #expect(rows.map(\.knowledgePoint) == ["丁", "甲/乙"])
        let row = try #require(rows.last)
        #expect(row.studied.people == 1 && row.comparison.people == 0)
        #expect(row.studied.before == Mastery.Point(score: 1, points: 2, answered: 2, correct: 1))
        #expect(row.studied.after == Mastery.Point(score: 1, points: 3, answered: 2, correct: 0))
    }

    @Test("Given colleagues, then only those of a studied person's unit without a completion compare, over that unit's pooled windows")
    func comparisonGroup() throws {
        let completions = [
            StudyComparison.Completion(staffNumber: "S1", at: Self.day(100), knowledgePoints: ["甲/乙"]),
            StudyComparison.Completion(staffNumber: "S2", at: Self.day(110), knowledgePoints: ["甲/乙"]),
        ]
        let marks = [
            Self.mark("C1", 95, 1),  // in both before-windows: counted once
            Self.mark("C1", 105, 0),  // S1's after-window and S2's before-window: both sides
            Self.mark("C1", 300, 1),  // in no window
            Self.mark("C2", 95, 1),  // another unit, no studied person there
            Self.mark("S2", 105, 1),  // S2 is studied, not a comparison
        ]
        let units = ["S1": "U1", "S2": "U1", "C1": "U1", "C2": "U2", "C3": "U1"]
        let row = try #require(StudyComparison.compare(marks: marks, completions: completions, units: units).first)
        #expect(row.studied.people == 2 && row.comparison.people == 2)
        #expect(row.comparison.before == Mastery.Point(score: 1, points: 2, answered: 2, correct: 1))
        #expect(row.comparison.after == Mastery.Point(score: 0, points: 1, answered: 1, correct: 0))
        #expect(row.studied.before == Mastery.Point(score: 1, points: 1, answered: 1, correct: 1))
        #expect(row.studied.after == Mastery.Point())
    }

    @Test("Given no completions, then there is nothing to compare")
    func empty() {
        #expect(StudyComparison.compare(marks: [Self.mark("S1", 1, 1)], completions: [], units: ["S1": "U1"]).isEmpty)
    }
}
