/// The domain of every number a contest takes from outside, checked in the service layer before arithmetic (see
/// `InputBounds`). With at most `events` events of at most `points` each, no total can come near overflow.
public enum ContestBounds {
    /// Points one rule, stake, base or hand-entered change may carry, in whole points.
    public static let points = 0...10_000
    /// A hand-entered change (paper results after a network failure) may take points away as well.
    public static let change = -10_000...10_000
    /// Seconds a question may be open.
    public static let timeLimitSeconds = 5...600
    /// Stakes a risk round offers.
    public static let stakes = 1...5
    /// Highest and lowest marks dropped from each end of a judged round's panel.
    public static let dropped = 0...3
    /// The top of a judge's scale.
    public static let maxMark = 1...100
    /// A written round's score counts at this percentage of the paper's marks.
    public static let writtenPercent = 1...1_000
    /// Rounds in one contest, questions in one live round, teams in one contest, members of one team.
    public static let rounds = 1...20
    public static let questions = 0...200
    public static let teams = 1...100_000
    public static let members = 1...10
    /// Teams a unit or a contest sends on.
    public static let qualifiers = 1...10_000
    /// Events in one contest's log.
    public static let events = 1...1_000_000
}
