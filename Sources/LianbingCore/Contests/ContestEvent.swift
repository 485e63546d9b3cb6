import Foundation

/// What a scoring event records. Only some kinds move points; the others are in the log so that the board, the
/// screens after a reconnect and an audit all read one history.
public enum ContestEventKind: String, Sendable, Codable, CaseIterable {
    /// The host opened a question: from here its text may be shown, and it counts as revealed.
    case opened
    /// A team won the buzz and has the right to answer.
    case buzzed
    /// A team chose its stake in a risk round.
    case staked
    /// One judge's mark for a team's performance.
    case marked
    /// The host's ruling on an answer, with the change its round's policy gives.
    case right, wrong
    /// A buzz before the question opened.
    case foul
    /// Nobody buzzed within the limit: the question passes.
    case passed
    /// A judged round's score for a team, settled from the panel's marks.
    case judged
    /// A team's written-round score, from the exam.
    case written
    /// A change entered by hand, from paper results when the network failed.
    case manual
    /// Undoes the event it names (and, undoing a correction, restores what that one undid). Never moves points itself.
    case correction

    public var label: String {
        switch self {
        case .opened: "出题"
        case .buzzed: "抢到答题权"
        case .staked: "选择分值"
        case .marked: "评委打分"
        case .right: "答对"
        case .wrong: "答错"
        case .foul: "抢答犯规"
        case .passed: "无人抢答"
        case .judged: "评委得分"
        case .written: "笔试成绩"
        case .manual: "手工录入"
        case .correction: "更正"
        }
    }

    /// Kinds whose `change` may be non-zero.
    public var movesPoints: Bool { [.right, .wrong, .foul, .judged, .written, .manual].contains(self) }
}

/// One entry of a contest's event log: appended, never edited. `sequence` is its place in the log from 1.
public struct ContestEvent: Sendable, Hashable, Codable {
    public var sequence: Int
    /// The round's number, from 1.
    public var round: Int
    /// The question's number within its round, from 1; nil for events about no question.
    public var question: Int?
    /// The team the event is about; nil for `opened` and `passed`.
    public var team: Int64?
    /// The member who answered or sat the paper, when one is named.
    public var member: String?
    public var kind: ContestEventKind
    public var change: ContestPoints
    /// The stake chosen (`staked`) or the judge's mark (`marked`).
    public var amount: Int?
    /// Milliseconds from the question opening to the buzz or the answer, by the server's clock.
    public var elapsedMilliseconds: Int?
    /// The sequence number of the event a correction undoes.
    public var corrects: Int?
    public var reason: String
    /// The server's monotonic clock, in milliseconds, read when the message that caused the event was decoded.
    public var clockMilliseconds: Int64
    public var recordedAt: Date
    /// The account that recorded it (host, judge, the written round's import) or "system".
    public var recordedBy: String

    public init(
        sequence: Int, round: Int, question: Int? = nil, team: Int64? = nil, member: String? = nil,
        kind: ContestEventKind, change: ContestPoints = .zero, amount: Int? = nil, elapsedMilliseconds: Int? = nil,
        corrects: Int? = nil, reason: String = "", clockMilliseconds: Int64 = 0, recordedAt: Date = Date(timeIntervalSince1970: 0),
        recordedBy: String = "system"
    ) {
        self.sequence = sequence
        self.round = round
        self.question = question
        self.team = team
        self.member = member
        self.kind = kind
        self.change = change
        self.amount = amount
        self.elapsedMilliseconds = elapsedMilliseconds
        self.corrects = corrects
        self.reason = reason
        self.clockMilliseconds = clockMilliseconds
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
