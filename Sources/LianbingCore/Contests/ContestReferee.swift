import Foundation

/// Turns an action into the event its round's policy makes of it, against the log so far (in `tally`). Pure: the
/// caller passes the clock reading and the recorder, and appends the event, which has passed `ScoreTally.check` — the server's
/// live screens, the API and the CLI all go through here, so they cannot score differently.
public enum ContestReferee {
    public static func event(
        for action: ContestAction, in round: ContestRound, of roundCount: Int, tally: ScoreTally,
        clockMilliseconds: Int64, recordedAt: Date, recordedBy: String
    ) throws -> ContestEvent {
        var event = ContestEvent(
            sequence: tally.events.count + 1, round: round.number, kind: .manual,
            clockMilliseconds: clockMilliseconds, recordedAt: recordedAt, recordedBy: recordedBy)
        let live: Set<RoundStyle> = [.compulsory, .buzzer, .risk, .judged, .playoff]
        func require(_ styles: Set<RoundStyle>, _ what: String) throws {
            guard styles.contains(round.style) else { throw LianbingError.invalid("\(round.style.label)轮不能\(what)") }
        }
        func question(_ number: Int) throws -> Int {
            // A judged round without a list marks one performance per team, numbered 1.
            let count = round.style == .judged ? max(1, round.questionCount) : round.questionCount
            guard count > 0, (1...count).contains(number) else {
                throw LianbingError.notFound("第 \(round.number) 轮没有第 \(number) 题")
            }
            return number
        }
        switch action {
        case .open(let number):
            try require(live, "出题")
            event.kind = .opened
            event.question = try question(number)
        case .buzz(let team, let member, let elapsed):
            try require([.buzzer, .playoff], "抢答")
            let open = try openQuestion(tally, round: round.number)
            let opening = tally.events.last { $0.kind == .opened && $0.round == round.number && tally.isInEffect($0.sequence) }!
            if tally.events[opening.sequence...].contains(where: { $0.kind == .buzzed && tally.isInEffect($0.sequence) }) {
                throw LianbingError.conflict("本题已有队伍抢到答题权")
            }
            (event.kind, event.team, event.member, event.question, event.elapsedMilliseconds) = (.buzzed, team, member, open, elapsed)
        case .foul(let team, let member):
            try require([.buzzer], "判抢答犯规")
            (event.kind, event.team, event.member) = (.foul, team, member)
            event.change = BuzzerScoring.foul(rules: round.rules)
        case .pass(let number):
            try require([.buzzer, .playoff], "判无人抢答")
            (event.kind, event.question) = (.passed, try question(number))
        case .stake(let team, let number, let amount):
            try require([.risk], "选择分值")
            guard round.rules.stakes.contains(amount) else {
                throw LianbingError.invalid("风险题分值须为 \(round.rules.stakes.map(String.init).joined(separator: "、")) 之一")
            }
            (event.kind, event.team, event.question, event.amount) = (.staked, team, try question(number), amount)
        case .rule(let team, let number, let verdict, let elapsed):
            try require([.compulsory, .buzzer, .risk, .playoff], "判定对错")
            (event.team, event.question, event.elapsedMilliseconds) = (team, try question(number), elapsed)
            event.kind = verdict == .right ? .right : .wrong
            event.reason = verdict.label
            // The answer is the buzzing member's, when someone buzzed for it.
            event.member = latest(tally, .buzzed, round: round.number, question: number, team: team)?.member
            switch round.style {
            case .risk:
                guard let stake = latest(tally, .staked, round: round.number, question: number, team: team)?.amount else {
                    throw LianbingError.conflict("该队尚未选择本题分值")
                }
                event.change = try RiskScoring.change(for: verdict, stake: stake, rules: round.rules)
            case .buzzer: event.change = BuzzerScoring.change(for: verdict, rules: round.rules)
            case .playoff: event.change = PlayoffScoring.change(for: verdict, rules: round.rules)
            default: event.change = CompulsoryScoring.change(for: verdict, rules: round.rules)
            }
        case .mark(let team, let number, let mark):
            try require([.judged], "评委打分")
            try InputBounds.check(mark, in: 0...round.rules.maxMark, "评委打分")
            (event.kind, event.team, event.question, event.amount) = (.marked, team, try question(number), mark)
        case .settle(let team, let number):
            try require([.judged], "汇总评委打分")
            _ = try question(number)
            var byJudge: [String: Int] = [:]
            for marked in tally.events where marked.kind == .marked && marked.round == round.number && marked.question == number
                && marked.team == team && tally.isInEffect(marked.sequence)
            {
                byJudge[marked.recordedBy] = marked.amount
            }
            if latest(tally, .judged, round: round.number, question: number, team: team) != nil {
                throw LianbingError.conflict("该表演已汇总得分；如需重算，请先更正原得分")
            }
            (event.kind, event.team, event.question) = (.judged, team, number)
            event.change = try JudgedScoring.score(marks: Array(byJudge.values), rules: round.rules)
            event.reason = "\(byJudge.count) 位评委"
        case .written(let team, let points):
            try require([.written], "录入笔试成绩")
            (event.kind, event.team, event.change) = (.written, team, points)
        case .manual(let team, let number, let points, let reason):
            try InputBounds.check(points.hundredths, in: ContestBounds.change.lowerBound * 100...ContestBounds.change.upperBound * 100, "分值变动（百分之一分）")
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw LianbingError.invalid("手工录入须写明原因") }
            (event.kind, event.team, event.question, event.change, event.reason) = (.manual, team, try number.map(question), points, reason)
        case .correct(let sequence, let reason):
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            (event.kind, event.corrects, event.reason) = (.correction, sequence, reason.isEmpty ? "撤销" : reason)
            if tally.events.indices.contains(sequence - 1) {
                let target = tally.events[sequence - 1]
                (event.round, event.team, event.question) = (target.round, target.team, target.question)
            }
        }
        try tally.check(event, rounds: 1...max(1, roundCount))
        return event
    }

    /// The question of `round` that is open now: the latest in-effect `opened` event of the round, unless a ruling
    /// or a pass on that question came after it.
    public static func openQuestion(_ tally: ScoreTally, round: Int) throws -> Int {
        for event in tally.events.reversed() where event.round == round && tally.isInEffect(event.sequence) {
            switch event.kind {
            case .opened: return event.question!
            case .right, .wrong, .passed: throw LianbingError.conflict("当前没有正在作答的题目")
            default: continue
            }
        }
        throw LianbingError.conflict("当前没有正在作答的题目")
    }

    private static func latest(_ tally: ScoreTally, _ kind: ContestEventKind, round: Int, question: Int, team: Int64) -> ContestEvent? {
        tally.events.last {
            $0.kind == kind && $0.round == round && $0.question == question && $0.team == team && tally.isInEffect($0.sequence)
        }
    }
}
