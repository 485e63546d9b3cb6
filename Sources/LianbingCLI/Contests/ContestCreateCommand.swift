import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建一场比赛（筹备中）：由省、市或县级服务中心举办，本单位及下级人员参加。",
            discussion: "输出比赛编号和投屏排行榜的链接路径（无需登录，只显示公开的排行榜）。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "比赛名称（不超过 100 个字）。")
        var title: String

        @Option(help: "举办单位编码（省、市或县级单位）。")
        var unit: String

        @Option(help: "形式：个人赛（individual）或 团体赛（team）。")
        var format: String

        @Option(help: "比赛日期（YYYY-MM-DD）。")
        var heldOn: String

        @Option(help: "每队的基础分（0–10000，常用 100）。")
        var basePoints: Int = 0

        @Option(help: "同分时依次比较（逗号分隔）：written 笔试成绩高者在前、fewer-wrong 答错题少者在前、less-time 答题用时少者在前；none 为不比较。默认 written,fewer-wrong,less-time。")
        var tieBreakers: String?

        func validate() throws {
            guard !unit.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--unit 不能为空") }
            try ValidationError.bounded { _ = try draft().validated() }
        }

        func draft() throws -> ContestDraft {
            var draft = ContestDraft(
                title: title, unitCode: unit.trimmingCharacters(in: .whitespaces), format: try ContestArgument.format(format),
                heldOn: try CivilDateOption.parse(heldOn, option: "--held-on"), basePoints: basePoints)
            if let tieBreakers { draft.tieBreakers = try ContestArgument.tieBreakers(tieBreakers) }
            return draft
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let contest = try await db.createContest(try draft(), by: try await db.operatorPrincipal())
                Console.out("已新建比赛 \(contest.id)：\(contest.title)（\(contest.format.label)，\(contest.status.label)）。")
                if let token = contest.boardToken { Console.out("排行榜链接：\(ContestText.boardPath(token))") }
                Console.out("报名：lianbing contest add-team \(contest.id) --member 工号；设置轮次：lianbing contest add-round \(contest.id) --style 样式")
            }
        }
    }
}
