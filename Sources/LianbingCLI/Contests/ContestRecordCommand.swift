import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "记录一条比赛记录（比赛进行中）：出题、判定对错、犯规、无人抢答、风险题分值、评委打分、汇总、手工录入或撤销。",
            discussion: """
                现场断网时，按纸质记分表逐条录入：每次一项，得分按该轮规则计算，与现场大屏、主持台完全一致。TEAM 为参赛队编号，\
                记录序号见 contest replay。
                必答题、抢答题、风险题、加赛：先 --open 出题，再 --right/--wrong/--timeout 判定；风险题判定前先 --stake 选分值。\
                抢答题另有 --foul（题目出示前抢答）与 --pass（无人抢答）。评委打分：--mark 打分，--settle 汇总。\
                命令行记下的打分都算同一位评委（操作员），只有最后一次有效；纸质评分表上整组评委的结果请用 --manual 录入汇总分。
                录错了用 --undo 撤销那一条（撤销一条撤销记录即恢复原记录）；记录本身从不修改或删除。
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号。")
        var id: Int64

        @Option(help: "轮次号（从 1 起）。")
        var round: Int

        @Option(name: .customLong("open"), help: "出题：本轮第几题（从 1 起）。")
        var openQuestion: Int?

        @Option(help: "判定答对：参赛队编号（须同时给出 --question）。")
        var right: Int64?

        @Option(help: "判定答错：参赛队编号（须同时给出 --question）。")
        var wrong: Int64?

        @Option(help: "判定超时（按答错计）：参赛队编号（须同时给出 --question）。")
        var timeout: Int64?

        @Option(help: "抢答犯规（题目出示前抢答）：参赛队编号。")
        var foul: Int64?

        @Option(name: .customLong("pass"), help: "无人抢答：本轮第几题。")
        var passQuestion: Int?

        @Option(help: "风险题选择分值：参赛队编号（须同时给出 --question 与 --amount）。")
        var stake: Int64?

        @Option(help: "评委打分：参赛队编号（须同时给出 --question 与 --value）。")
        var mark: Int64?

        @Option(help: "汇总评委打分：参赛队编号（须同时给出 --question）。")
        var settle: Int64?

        @Option(help: "手工录入得分变动：参赛队编号（须同时给出 --points 与 --reason）。")
        var manual: Int64?

        @Option(help: "撤销：要撤销的记录序号。")
        var undo: Int?

        @Option(help: "题号：本轮第几题（从 1 起；评委打分每队一次表演时为 1）。")
        var question: Int?

        @Option(help: "风险题分值：须为本轮可选分值之一。")
        var amount: Int?

        @Option(help: "评委打分的分数（0 到本轮满分）。")
        var value: Int?

        @Option(parsing: .unconditional, help: "手工录入的分值变动，可为负数或小数（最多两位），如 12.5、-5；范围 -10000 到 10000。")
        var points: String?

        @Option(help: "答题用时（秒，可有小数），用于“答题用时少者在前”的同分比较；只用于 --right/--wrong/--timeout。")
        var seconds: Double?

        @Option(help: "原因：--manual 必填（如 \"按纸质记分表补录\"），--undo 可选；不超过 200 个字。")
        var reason: String?

        /// Each action, its option, and the companions it requires and allows.
        private var actions: [(option: String, given: Bool, requires: [String], allows: [String])] {
            [
                ("--open", openQuestion != nil, [], []),
                ("--right", right != nil, ["--question"], ["--seconds"]),
                ("--wrong", wrong != nil, ["--question"], ["--seconds"]),
                ("--timeout", timeout != nil, ["--question"], ["--seconds"]),
                ("--foul", foul != nil, [], []),
                ("--pass", passQuestion != nil, [], []),
                ("--stake", stake != nil, ["--question", "--amount"], []),
                ("--mark", mark != nil, ["--question", "--value"], []),
                ("--settle", settle != nil, ["--question"], []),
                ("--manual", manual != nil, ["--points", "--reason"], ["--question"]),
                ("--undo", undo != nil, [], ["--reason"]),
            ]
        }

        private var companions: [String: Bool] {
            [
                "--question": question != nil, "--amount": amount != nil, "--value": value != nil, "--points": points != nil,
                "--seconds": seconds != nil, "--reason": reason != nil,
            ]
        }

        func validate() throws {
            let chosen = actions.filter(\.given)
            guard let action = chosen.first else {
                throw ValidationError("请给出一项记录：\(actions.map(\.option).joined(separator: "、")) 之一")
            }
            guard chosen.count == 1 else { throw ValidationError("一次只能记录一项；收到：\(chosen.map(\.option).joined(separator: "、"))") }
            for companion in action.requires where companions[companion] != true {
                throw ValidationError("\(action.option) 须同时给出 \(action.requires.joined(separator: " 与 "))")
            }
            let extra = companions.filter { $0.value && !(action.requires + action.allows).contains($0.key) }.map(\.key).sorted()
            guard extra.isEmpty else { throw ValidationError("\(extra.joined(separator: "、")) 不适用于 \(action.option)") }

            try ValidationError.bounded {
                try InputBounds.check(round, in: ContestBounds.rounds, "--round")
                for (option, number) in [("--open", openQuestion), ("--pass", passQuestion), ("--question", question)] {
                    if let number { try InputBounds.check(number, in: 1...ContestBounds.questions.upperBound, option) }
                }
                if let amount { try InputBounds.check(amount, in: 1...ContestBounds.points.upperBound, "--amount") }
                if let value { try InputBounds.check(value, in: 0...ContestBounds.maxMark.upperBound, "--value") }
                if let undo { try InputBounds.check(undo, in: ContestBounds.events, "--undo") }
            }
            for (option, team) in [("--right", right), ("--wrong", wrong), ("--timeout", timeout), ("--foul", foul), ("--stake", stake),
                ("--mark", mark), ("--settle", settle), ("--manual", manual)]
            {
                if let team, team <= 0 { throw ValidationError("\(option) 须为正整数的参赛队编号（见 contest show）；收到：\(team)") }
            }
            if let points { _ = try ContestArgument.points(points) }
            if let seconds { _ = try ContestArgument.milliseconds(seconds: seconds) }
            if let reason, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || reason.count > 200 {
                throw ValidationError("--reason 不能为空，且不超过 200 个字")
            }
        }

        /// The action the options name; `validate` has checked that exactly one is given with what it needs.
        func action() throws -> ContestAction {
            let elapsed = try seconds.map { try ContestArgument.milliseconds(seconds: $0) }
            if let number = openQuestion { return .open(question: number) }
            if let team = right { return .rule(team: team, question: question!, verdict: .right, elapsedMilliseconds: elapsed) }
            if let team = wrong { return .rule(team: team, question: question!, verdict: .wrong, elapsedMilliseconds: elapsed) }
            if let team = timeout { return .rule(team: team, question: question!, verdict: .timeout, elapsedMilliseconds: elapsed) }
            if let team = foul { return .foul(team: team, member: nil) }
            if let number = passQuestion { return .pass(question: number) }
            if let team = stake { return .stake(team: team, question: question!, amount: amount!) }
            if let team = mark { return .mark(team: team, question: question!, mark: value!) }
            if let team = settle { return .settle(team: team, question: question!) }
            if let team = manual { return .manual(team: team, question: question, points: try ContestArgument.points(points!), reason: reason!) }
            return .correct(sequence: undo!, reason: reason ?? "")
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let update = try await db.recordContestAction(id, round: round, try action(), by: principal)
                let contest = try await db.contest(id, by: principal)
                Console.out("已记录 " + ContestText.event(update.event, of: contest))
                guard update.event.kind.movesPoints || update.event.kind == .correction else { return }
                for line in ContestText.board(update.board, of: contest, title: "当前排名") { Console.out(line) }
            }
        }
    }
}
