import Foundation
import LianbingCore
import Testing

@Suite("Lesson completion, reading time and online-school hours")
struct LessonCompletionTests {
    @Test("Minutes convert at 45 to one 学时, rounded down to a half")
    func creditedHours() {
        let cases: [(Int, Double)] = [(-5, 0), (0, 0), (22, 0), (23, 0.5), (44, 0.5), (45, 1), (67, 1), (68, 1.5), (89, 1.5), (90, 2), (135, 3), (157, 3), (158, 3.5)]
        for (minutes, hours) in cases { #expect(OnlineSchoolHours.hours(minutes: minutes) == hours, "\(minutes) 分钟") }
        #expect(OnlineSchoolHours.hours(minutes: .max) > 0)
    }

    @Test("The server counts time in view between reports, each gap at most 30 seconds, and nothing while stopped")
    func readingClock() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(ReadingClock.credit(since: nil, now: start) == 0)
        #expect(ReadingClock.credit(since: start, now: start.addingTimeInterval(15)) == 15)
        #expect(ReadingClock.credit(since: start, now: start.addingTimeInterval(30)) == 30)
        #expect(ReadingClock.credit(since: start, now: start.addingTimeInterval(3_600)) == 30)
        #expect(ReadingClock.credit(since: start, now: start.addingTimeInterval(-10)) == 0)
    }

    @Test("A lesson is complete only with its end reached, half its minutes in view and its check passed")
    func completion() {
        #expect(LessonCompletion.requiredSeconds(minutes: 8) == 240)
        #expect(LessonCompletion(endReached: true, visibleSeconds: 240, checkPassed: true).isComplete(minutes: 8))
        #expect(!LessonCompletion(endReached: true, visibleSeconds: 239, checkPassed: true).isComplete(minutes: 8))
        #expect(!LessonCompletion(endReached: false, visibleSeconds: 999, checkPassed: true).isComplete(minutes: 8))
        #expect(!LessonCompletion(endReached: true, visibleSeconds: 999, checkPassed: false).isComplete(minutes: 8))
        #expect(LessonCompletion.passes(score: 3, of: 5) && !LessonCompletion.passes(score: 2.9, of: 5) && !LessonCompletion.passes(score: 0, of: 0))
    }
}
