import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "开始比赛：题目和轮次从此固定，可以记分。须至少有一支参赛队和一个轮次。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号（筹备中）。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let contest = try await db.setContestStatus(id, .running, by: try await db.operatorPrincipal())
                Console.out("比赛 \(contest.id)：\(contest.title) 已开始（\(contest.teams.count) 队，\(contest.rounds.count) 轮）。")
                Console.out("记分：lianbing contest record \(contest.id) --round 1 --open 1")
            }
        }
    }
}
