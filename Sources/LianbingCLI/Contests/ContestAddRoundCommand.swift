import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct AddRound: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "添加一个轮次（比赛筹备中），轮次号按添加先后排定；开赛后题目和轮次固定。",
            discussion: """
                各样式读取的规则：必答题、抢答题、加赛 --right、--wrong、--time-limit（抢答题另有 --foul）；风险题 --stakes、--time-limit；\
                评委打分 --dropped、--max-mark；笔试 --written-percent 与 --exam。给出本样式不读取的规则会被拒绝。
                笔试以外的轮次用 --question 按出题顺序列出题库试题编号（评委打分可不列，每队一次表演记为第 1 题）；\
                笔试轮用 --exam 指定一场不计入持证、由举办单位或其下级组织的集中考核。
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号。")
        var id: Int64

        @Option(help: "样式：笔试（written）、必答题（compulsory）、抢答题（buzzer）、风险题（risk）、评委打分（judged）、加赛（playoff）。")
        var style: String

        @Option(help: "轮次名称；省略则用样式名称。")
        var title: String = ""

        @Option(help: "答对得分（0–10000，默认 10）。")
        var right: Int?

        @Option(help: "答错或超时扣分（0–10000，默认 0，即不扣分）。")
        var wrong: Int?

        @Option(help: "抢答犯规（题目出示前抢答）扣分（0–10000，默认 5）。")
        var foul: Int?

        @Option(help: "答题时限秒数（5–600，默认 30）。")
        var timeLimit: Int?

        @Option(help: "风险题可选分值，逗号分隔（1–5 个，默认 10,20,30）。")
        var stakes: String?

        @Option(help: "评委打分去掉最高、最低分各几个（0–3，默认 1）。")
        var dropped: Int?

        @Option(help: "评委打分满分（1–100，默认 100）。")
        var maxMark: Int?

        @Option(help: "笔试成绩按百分之几计入（1–1000，默认 100）。")
        var writtenPercent: Int?

        @Option(help: "题库试题编号（可重复，按出题顺序，最多 200 道）。")
        var question: [String] = []

        @Option(help: "笔试轮的考试编号。")
        var exam: Int64?

        func validate() throws {
            let style = try ContestArgument.style(style)
            if title.count > 100 { throw ValidationError("--title 不超过 100 个字") }
            if let bad = question.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("--question 试题编号不能为空；收到：“\(bad)”")
            }
            let draft = try self.draft()
            try ValidationError.bounded { _ = try draft.validated() }
            // An option the style does not read would be silently reset: refuse it instead.
            let kept = try draft.rules.checked(for: style)
            let ignored: [(String, Bool)] = [
                ("--right", right.map { $0 != kept.rightPoints } ?? false),
                ("--wrong", wrong.map { $0 != kept.wrongPoints } ?? false),
                ("--foul", foul.map { $0 != kept.foulPoints } ?? false),
                ("--time-limit", timeLimit.map { $0 != kept.timeLimitSeconds } ?? false),
                ("--stakes", stakes != nil && Set(draft.rules.stakes) != Set(kept.stakes)),
                ("--dropped", dropped.map { $0 != kept.dropped } ?? false),
                ("--max-mark", maxMark.map { $0 != kept.maxMark } ?? false),
                ("--written-percent", writtenPercent.map { $0 != kept.writtenPercent } ?? false),
            ]
            let unused = ignored.filter(\.1).map(\.0)
            guard unused.isEmpty else { throw ValidationError("\(unused.joined(separator: "、")) 不适用于\(style.label)轮") }
        }

        func draft() throws -> RoundDraft {
            var rules = RoundRules()
            if let right { rules.rightPoints = right }
            if let wrong { rules.wrongPoints = wrong }
            if let foul { rules.foulPoints = foul }
            if let timeLimit { rules.timeLimitSeconds = timeLimit }
            if let stakes { rules.stakes = try ContestArgument.stakes(stakes) }
            if let dropped { rules.dropped = dropped }
            if let maxMark { rules.maxMark = maxMark }
            if let writtenPercent { rules.writtenPercent = writtenPercent }
            return RoundDraft(
                style: try ContestArgument.style(style), title: title, rules: rules,
                questionIds: question.map { $0.trimmingCharacters(in: .whitespaces) }, examId: exam)
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let plan = try await db.addContestRound(id, try draft(), by: try await db.operatorPrincipal())
                let round = plan.round
                let questions =
                    switch round.style {
                    case .written: "考试 \(plan.examId.map(String.init) ?? "—")"
                    case .judged where round.questionCount == 0: "每队一次表演"
                    default: "\(round.questionCount) 道题"
                    }
                Console.out("已添加第 \(round.number) 轮：\(round.title)（\(round.style.label)，\(questions)）：\(ContestText.rules(round))。")
            }
        }
    }
}
