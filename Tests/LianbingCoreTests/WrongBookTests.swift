import LianbingCore
import Testing

@Suite("Wrong-question book rule")
struct WrongBookTests {
    private let right = ItemMark(score: 2, points: 2)
    private let wrong = ItemMark(score: 0, points: 2)
    private let partial = ItemMark(score: 1, points: 2)
    private let pending = ItemMark(score: nil, points: 10)

    private func after(_ entry: WrongBookEntry?, _ mark: ItemMark) -> WrongBookEntry? {
        WrongBookEntry.after(entry, questionId: "Q1", knowledgePoint: "培训", mark: mark)
    }

    @Test("Given a question not in the book, when answered wrong or partly right, then it enters with streak 0")
    func enters() {
        #expect(after(nil, wrong) == WrongBookEntry(questionId: "Q1", knowledgePoint: "培训", streak: 0))
        #expect(after(nil, partial)?.streak == 0)
    }

    @Test("Given a question not in the book, when answered right, then nothing changes")
    func rightOutside() { #expect(after(nil, right) == nil) }

    @Test("Given a question in the book, when answered right once, then its streak is 1 and it stays")
    func oneRight() { #expect(after(WrongBookEntry(questionId: "Q1", knowledgePoint: "培训"), right)?.streak == 1) }

    @Test("Given a question in the book, when answered right twice in a row, then it leaves")
    func leaves() {
        let once = after(after(nil, wrong), right)
        #expect(once?.streak == 1)
        #expect(after(once, right) == nil)
    }

    @Test("Given a streak of 1, when answered wrong, then the streak resets and two more right answers are needed")
    func resets() {
        let reset = after(after(after(nil, wrong), right), wrong)
        #expect(reset?.streak == 0)
        #expect(after(reset, right)?.streak == 1)
    }

    @Test("Given a pending short answer, when applied, then the book is unchanged either way")
    func pendingUnchanged() {
        let entry = WrongBookEntry(questionId: "Q1", knowledgePoint: "培训", streak: 1)
        #expect(after(entry, pending) == entry)
        #expect(after(nil, pending) == nil)
    }
}
