import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Finish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "结束比赛：名次确定，不能再记分；此后可以导出成绩、办理晋级。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号（进行中）。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let contest = try await db.setContestStatus(id, .finished, by: principal)
                Console.out("比赛 \(contest.id)：\(contest.title) 已结束。")
                for line in ContestText.board(try await db.contestBoard(id, by: principal), of: contest, title: "最终排名") { Console.out(line) }
            }
        }
    }
}
