/// What separates teams equal on points, in the order a contest lists them.
public enum TieBreaker: String, Sendable, Codable, CaseIterable {
    /// The higher written-round score first.
    case written
    /// Fewer wrong answers (and timeouts) first.
    case fewerWrong = "fewer-wrong"
    /// Less answering time, summed over the team's answers, first.
    case lessTime = "less-time"

    public var label: String {
        switch self {
        case .written: "笔试成绩高者在前"
        case .fewerWrong: "答错题少者在前"
        case .lessTime: "答题用时少者在前"
        }
    }

    /// -1 if `a` goes before `b` on this tie-breaker, 1 if after, 0 if it does not separate them.
    func compare(_ a: ContestStanding, _ b: ContestStanding) -> Int {
        switch self {
        case .written: a.written == b.written ? 0 : (a.written > b.written ? -1 : 1)
        case .fewerWrong: a.wrongAnswers == b.wrongAnswers ? 0 : (a.wrongAnswers < b.wrongAnswers ? -1 : 1)
        case .lessTime: a.answerMilliseconds == b.answerMilliseconds ? 0 : (a.answerMilliseconds < b.answerMilliseconds ? -1 : 1)
        }
    }
}
