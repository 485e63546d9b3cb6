/// What a host, a judge or a contestant's phone asks for during a round. `ContestReferee` turns each into the event
/// the log records, with the points its round's policy gives, or refuses it.
public enum ContestAction: Sendable, Hashable, Codable {
    /// Show a question of the round's list (from here it counts as revealed).
    case open(question: Int)
    /// A buzz the arbiter ruled the winner of the open question.
    case buzz(team: Int64, member: String?, elapsedMilliseconds: Int)
    /// A buzz before the question opened.
    case foul(team: Int64, member: String?)
    /// Nobody buzzed within the limit.
    case pass(question: Int)
    /// A risk round's stake for a question.
    case stake(team: Int64, question: Int, amount: Int)
    /// The host's ruling on a team's answer to a question.
    case rule(team: Int64, question: Int, verdict: AnswerVerdict, elapsedMilliseconds: Int?)
    /// One judge's mark for a team's performance (the judge is the event's recorder).
    case mark(team: Int64, question: Int, mark: Int)
    /// Settle a judged performance from the marks in effect: the latest of each judge.
    case settle(team: Int64, question: Int)
    /// A written-round score worked out from the exam's results.
    case written(team: Int64, points: ContestPoints)
    /// A change entered by hand from paper, with the reason.
    case manual(team: Int64, question: Int?, points: ContestPoints, reason: String)
    /// Undo an event.
    case correct(sequence: Int, reason: String)
}
