/// The styles of round a contest is built from (item 20's "多样式"), each scored by its own policy in this folder.
public enum RoundStyle: String, Sendable, Codable, CaseIterable {
    /// 笔试: a centralised paper taken by everyone at once in the exam engine; its scores enter the contest.
    case written
    /// 必答: each team in turn answers its own question within the time limit.
    case compulsory
    /// 抢答: the first buzz the server receives after the host opens the question wins the right to answer.
    case buzzer
    /// 风险题: each team chooses a stake, lowest score first; right gains it, wrong loses it.
    case risk
    /// 评委打分: a panel marks a performance; the extremes are dropped and the rest averaged.
    case judged
    /// 加赛: sudden death to separate a tie that decides a place that matters. Its points only break that tie.
    case playoff

    public var label: String {
        switch self {
        case .written: "笔试"
        case .compulsory: "必答题"
        case .buzzer: "抢答题"
        case .risk: "风险题"
        case .judged: "评委打分"
        case .playoff: "加赛"
        }
    }

    /// Live rounds run on the stage with a host, questions fixed in advance, and the board.
    public var isLive: Bool { self != .written }
}
