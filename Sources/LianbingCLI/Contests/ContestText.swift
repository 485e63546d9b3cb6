import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// Contests as text for the terminal: lists, details, the board and the log's events.
enum ContestText {
    /// The projector's read-only board, by its token (no login): the page `ContestLiveController` serves.
    static func boardPath(_ token: String) -> String { "/board/\(token)" }

    static let listColumns = ["编号", "日期", "举办单位", "名称", "形式", "状态", "参赛队", "轮次"]

    static func row(_ contest: Contest) -> [String] {
        [
            String(contest.id), contest.heldOn.description, contest.unitName, contest.title, contest.format.label, contest.status.label,
            String(contest.teams.count), String(contest.rounds.count),
        ]
    }

    static func detail(_ contest: Contest) -> [String] {
        var lines = [
            "比赛 \(contest.id)：\(contest.title)",
            "举办单位：\(contest.unitName)（\(contest.unitCode)）",
            "形式：\(contest.format.label)；日期：\(contest.heldOn)；基础分：\(contest.basePoints)",
            "同分比较：\(contest.tieBreakers.isEmpty ? "（无）" : contest.tieBreakers.map(\.label).joined(separator: "，"))；仍相同者看加赛，再相同则名次并列",
            "状态：\(contest.status.label)" + (contest.publicThrough.map { "（排行榜已封榜，公开至第 \($0) 条记录）" } ?? ""),
        ]
        if let token = contest.boardToken { lines.append("排行榜链接（投屏，无需登录）：\(boardPath(token))") }
        lines.append("创建人：\(contest.createdBy)，\(ChinaTime.format(contest.createdAt))")
        return lines
    }

    static func rounds(_ contest: Contest) -> [String] {
        TableText.render(
            title: "轮次（\(contest.rounds.count) 轮）", columns: ["轮次", "样式", "名称", "规则", "题目"],
            rows: contest.rounds.map { plan in
                let questions = plan.round.style == .written ? plan.examId.map { "考试 \($0)" } ?? "—" : plan.questionIds.joined(separator: "、")
                return [String(plan.round.number), plan.round.style.label, plan.round.title, rules(plan.round), questions.isEmpty ? "—" : questions]
            })
    }

    static func teams(_ contest: Contest) -> [String] {
        TableText.render(
            title: "参赛队（\(contest.teams.count) 队）", columns: ["编号", "抽签号", "参赛队", "单位", "队员"],
            rows: contest.teams.map { team in
                let members = team.members.map { "\($0.name)（\($0.staffNumber)\($0.isCaptain && contest.format == .team ? "，队长" : "")）" }
                return [String(team.id), String(team.draw), team.name, team.unitName, members.joined(separator: "、")]
            })
    }

    /// A round's rules in a line, as its style reads them.
    static func rules(_ round: ContestRound) -> String {
        let rules = round.rules
        switch round.style {
        case .written:
            return "按考试成绩的 \(rules.writtenPercent)% 计入"
        case .compulsory, .buzzer, .playoff:
            var text = "答对 +\(rules.rightPoints)，答错或超时 -\(rules.wrongPoints)，时限 \(rules.timeLimitSeconds) 秒"
            if round.style == .buzzer { text += "，抢答犯规 -\(rules.foulPoints)" }
            if round.style == .playoff { text = "答对 +\(rules.rightPoints)，答错不扣分，时限 \(rules.timeLimitSeconds) 秒；加赛分只用于区分同分" }
            return text
        case .risk:
            return "分值 \(rules.stakes.map(String.init).joined(separator: "、")) 任选，答对得、答错或超时扣，时限 \(rules.timeLimitSeconds) 秒"
        case .judged:
            return "评委打分满分 \(rules.maxMark)，去掉最高、最低各 \(rules.dropped) 个后取平均"
        }
    }

    /// The ranked board as a table.
    static func board(_ board: [ContestStanding], of contest: Contest, title: String = "") -> [String] {
        let units = Dictionary(contest.teams.map { ($0.unitCode, $0.unitName) }, uniquingKeysWith: { first, _ in first })
        return TableText.render(
            title: title, columns: ["名次", "参赛队", "单位", "总分", "笔试", "答错", "用时（秒）", "加赛"],
            rows: board.map { standing in
                [
                    String(standing.rank), standing.entrant.name, units[standing.entrant.unitCode] ?? standing.entrant.unitCode, standing.points.text,
                    standing.written.text, String(standing.wrongAnswers), ContestResultsCSV.seconds(standing.answerMilliseconds), standing.playoff.text,
                ]
            })
    }

    /// One event of the log in a line: sequence, where, what, which team, and the change it carries.
    static func event(_ event: ContestEvent, of contest: Contest) -> String {
        var parts = ["#\(event.sequence)", "第 \(event.round) 轮" + (event.question.map { "第 \($0) 题" } ?? ""), event.kind.label]
        if let team = event.team { parts.append(contest.teams.first { $0.id == team }?.name ?? "参赛队 \(team)") }
        if event.kind.movesPoints {
            let playoff = contest.rounds.contains { $0.round.number == event.round && $0.round.style == .playoff }
            parts.append(signed(event.change) + (playoff ? "（加赛分）" : ""))
        }
        if let amount = event.amount { parts.append(event.kind == .staked ? "分值 \(amount)" : "打分 \(amount)") }
        if let elapsed = event.elapsedMilliseconds { parts.append("用时 \(ContestResultsCSV.seconds(elapsed)) 秒") }
        if let target = event.corrects { parts.append("撤销第 \(target) 条") }
        if !event.reason.isEmpty, event.reason != event.kind.label { parts.append("（\(event.reason)）") }
        if event.recordedBy != "operator", event.recordedBy != "system" { parts.append("记录人 \(event.recordedBy)") }
        return parts.joined(separator: "  ")
    }

    /// `+10`, `-5`, `0`.
    static func signed(_ points: ContestPoints) -> String { points.hundredths > 0 ? "+" + points.text : points.text }

    /// The log stepped through one event at a time: each event's line, then the board after it. Returns the lines and
    /// the board the steps end on.
    static func replay(_ contest: Contest, events: [ContestEvent]) -> (lines: [String], board: [ContestStanding]) {
        var tally = ScoreTally(contest.setup)
        var lines = board(tally.board, of: contest, title: "开赛前")
        for event in events {
            tally.apply(event)
            lines.append("")
            lines += board(tally.board, of: contest, title: self.event(event, of: contest))
        }
        return (lines, tally.board)
    }
}
