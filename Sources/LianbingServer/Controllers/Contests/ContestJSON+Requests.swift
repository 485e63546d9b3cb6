import Foundation
import LianbingCore
import LianbingStore

/// Request bodies of `/api/v1/contests…` (`openapi.json`, tag `contests`). Every number is bounded here before it
/// goes further (`ContestBounds`), besides what the store checks: an id or place outside its domain names nothing
/// (404), a quantity outside its domain is refused (400). Lengths, scope and roles are the store's.
struct ContestRequest: Decodable, Sendable {
    var title: String
    var unitCode: String
    /// `individual` or `team` (个人赛, 团体赛).
    var format: String
    /// `YYYY-MM-DD`.
    var heldOn: String
    var basePoints: Int?
    /// `written`, `fewer-wrong`, `less-time`, in order; absent: all three in that order.
    var tieBreakers: [String]?

    func draft() throws -> ContestDraft {
        guard let format = ContestFormat(rawValue: format) ?? ContestFormat.allCases.first(where: { $0.label == format }) else {
            throw LianbingError.invalid("format 须为 individual（个人赛）或 team（团体赛）")
        }
        guard let day = CivilDate(heldOn) else { throw LianbingError.invalid("heldOn 须为 2026-03-05 这样的日期") }
        var draft = ContestDraft(title: title, unitCode: unitCode, format: format, heldOn: day)
        if let basePoints { draft.basePoints = try InputBounds.check(basePoints, in: ContestBounds.points, "基础分") }
        if let tieBreakers {
            draft.tieBreakers = try tieBreakers.map { text in
                guard let tieBreaker = TieBreaker(rawValue: text) else {
                    throw LianbingError.invalid("tieBreakers 的每一项须为 written、fewer-wrong 或 less-time")
                }
                return tieBreaker
            }
        }
        return draft
    }
}

struct ContestStatusRequest: Decodable, Sendable {
    /// `running` (starts the contest: teams and rounds are fixed) or `finished` (the board becomes the result).
    var status: String

    var contestStatus: ContestStatus {
        get throws {
            guard let status = ContestStatus(rawValue: status), status != .preparing else {
                throw LianbingError.invalid("status 须为 running 或 finished")
            }
            return status
        }
    }
}

struct ContestTeamRequest: Decodable, Sendable {
    var name: String?
    /// Staff numbers; an individual contest takes exactly one.
    var members: [String]
    /// One of the members; absent: the first.
    var captain: String?
    /// The unit the team represents; absent: the captain's.
    var unitCode: String?

    var draft: TeamDraft { TeamDraft(name: name ?? "", members: members, captain: captain, unitCode: unitCode) }
}

struct ContestSubstitutionRequest: Decodable, Sendable {
    var out: String
    var incoming: String
    var reason: String

    enum CodingKeys: String, CodingKey {
        case out
        case incoming = "in"
        case reason
    }
}

struct ContestRoundRequest: Decodable, Sendable {
    /// Every parameter optional: an absent one keeps `RoundRules()`'s default. Those the style reads are checked.
    struct Rules: Decodable, Sendable {
        var rightPoints: Int?
        var wrongPoints: Int?
        var foulPoints: Int?
        var timeLimitSeconds: Int?
        var stakes: [Int]?
        var dropped: Int?
        var maxMark: Int?
        var writtenPercent: Int?

        var roundRules: RoundRules {
            var rules = RoundRules()
            if let rightPoints { rules.rightPoints = rightPoints }
            if let wrongPoints { rules.wrongPoints = wrongPoints }
            if let foulPoints { rules.foulPoints = foulPoints }
            if let timeLimitSeconds { rules.timeLimitSeconds = timeLimitSeconds }
            if let stakes { rules.stakes = stakes }
            if let dropped { rules.dropped = dropped }
            if let maxMark { rules.maxMark = maxMark }
            if let writtenPercent { rules.writtenPercent = writtenPercent }
            return rules
        }
    }

    var style: String
    var title: String?
    var rules: Rules?
    var questionIds: [String]?
    var examId: Int64?

    func draft() throws -> RoundDraft {
        guard let style = RoundStyle(rawValue: style) else {
            throw LianbingError.invalid("style 须为 written、compulsory、buzzer、risk、judged 或 playoff")
        }
        // `RoundDraft.validated` (in the store) checks every rule the style reads against `ContestBounds`.
        return RoundDraft(
            style: style, title: title ?? "", rules: rules?.roundRules ?? RoundRules(), questionIds: questionIds ?? [], examId: examId)
    }
}

/// `POST /api/v1/contests/{contest}/events`: one action of the host or a judge (a contestant: their own team's
/// stake or foul). Buzzes are the live screens' alone: the arbiter decides them by the server's clock.
struct ContestEventRequest: Decodable, Sendable {
    var round: Int
    /// `open`, `foul`, `pass`, `stake`, `rule`, `mark`, `settle`, `manual` or `correct`.
    var action: String
    var team: Int64?
    var question: Int?
    /// `right`, `wrong` or `timeout` (`rule`).
    var verdict: String?
    /// The stake chosen (`stake`).
    var amount: Int?
    /// A judge's mark (`mark`).
    var mark: Int?
    /// A hand-entered change (`manual`), in points; rounded to a hundredth.
    var points: Double?
    var reason: String?
    /// The event a correction undoes (`correct`).
    var sequence: Int?
    var elapsedMilliseconds: Int?

    /// The round, which must be one a contest can have.
    var checkedRound: Int {
        get throws {
            guard ContestBounds.rounds.contains(round) else { throw LianbingError.notFound("比赛没有第 \(round) 轮") }
            return round
        }
    }

    func contestAction() throws -> ContestAction {
        let round = try checkedRound
        func need<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else { throw LianbingError.invalid("action 为 \(action) 时须填写 \(field)") }
            return value
        }
        func team() throws -> Int64 {
            let team = try need(self.team, "team")
            guard team > 0 else { throw LianbingError.notFound("本场比赛没有该参赛队") }
            return team
        }
        func question(default fallback: Int? = nil) throws -> Int {
            let number = try need(self.question ?? fallback, "question")
            guard (1...ContestBounds.questions.upperBound).contains(number) else {
                throw LianbingError.notFound("第 \(round) 轮没有第 \(number) 题")
            }
            return number
        }
        func reason(required: Bool) throws -> String {
            let text = (self.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if required, text.isEmpty { throw LianbingError.invalid("action 为 \(action) 时须填写 reason") }
            guard text.count <= 200 else { throw LianbingError.invalid("原因不能超过 200 个字") }
            return text
        }
        let elapsed = try elapsedMilliseconds.map {
            try InputBounds.check($0, in: 0...ContestBounds.timeLimitSeconds.upperBound * 1_000 * 10, "答题用时", unit: "毫秒")
        }
        switch action {
        case "open":
            return .open(question: try question())
        case "foul":
            return .foul(team: try team(), member: nil)
        case "pass":
            return .pass(question: try question())
        case "stake":
            let amount = try InputBounds.check(try need(amount, "amount"), in: 1...ContestBounds.points.upperBound, "风险题分值")
            return .stake(team: try team(), question: try question(), amount: amount)
        case "rule":
            guard let verdict = AnswerVerdict(rawValue: try need(verdict, "verdict")) else {
                throw LianbingError.invalid("verdict 须为 right、wrong 或 timeout")
            }
            return .rule(team: try team(), question: try question(), verdict: verdict, elapsedMilliseconds: elapsed)
        case "mark":
            // A judged round without a question list marks one performance per team, numbered 1.
            let mark = try InputBounds.check(try need(mark, "mark"), in: 0...ContestBounds.maxMark.upperBound, "评委打分")
            return .mark(team: try team(), question: try question(default: 1), mark: mark)
        case "settle":
            return .settle(team: try team(), question: try question(default: 1))
        case "manual":
            let value = try InputBounds.check(
                points: try need(points, "points"), in: Double(ContestBounds.change.lowerBound)...Double(ContestBounds.change.upperBound), "分值变动")
            return .manual(
                team: try team(), question: try self.question.map { _ in try question() }, points: ContestPoints(rounding: value),
                reason: try reason(required: true))
        case "correct":
            let sequence = try need(sequence, "sequence")
            guard ContestBounds.events.contains(sequence) else { throw LianbingError.notFound("要更正的记录不存在") }
            return .correct(sequence: sequence, reason: try reason(required: false))
        case "buzz":
            throw LianbingError.invalid("抢答只能在比赛现场的抢答器上进行，由服务器按收到的先后裁定；接口不接受 buzz")
        default:
            throw LianbingError.invalid("action 须为 open、foul、pass、stake、rule、mark、settle、manual 或 correct")
        }
    }
}

struct ContestFreezeRequest: Decodable, Sendable {
    var frozen: Bool
}

struct ContestWrittenRequest: Decodable, Sendable {
    var round: Int

    var checkedRound: Int {
        get throws {
            guard ContestBounds.rounds.contains(round) else { throw LianbingError.notFound("比赛没有第 \(round) 轮") }
            return round
        }
    }
}

/// `POST /api/v1/contests/{contest}/advance`: the finished lower-level contest `from` sends its `top` places, or the
/// top `perUnit` places of each unit, to this contest.
struct ContestAdvanceRequest: Decodable, Sendable {
    var from: Int64
    var top: Int?
    var perUnit: Int?

    var rule: AdvancementRule {
        get throws {
            switch (top, perUnit) {
            case (let n?, nil): return .top(try InputBounds.check(n, in: ContestBounds.qualifiers, "晋级名额"))
            case (nil, let n?): return .perUnit(try InputBounds.check(n, in: ContestBounds.qualifiers, "每单位晋级名额"))
            default: throw LianbingError.invalid("须且只能填写 top 或 perUnit 之一")
            }
        }
    }
}
