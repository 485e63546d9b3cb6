import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Written: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "录入笔试轮成绩：从该轮的考试取成绩，每队计其队员的平均分（缺考按 0 分），按该轮比例计入。",
            discussion: "考试须已结束且主观题全部阅完。每轮只录入一次；如需重录，先用 contest record --undo 撤销原成绩。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号（进行中）。")
        var id: Int64

        @Option(help: "笔试轮的轮次号。")
        var round: Int

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(round, in: ContestBounds.rounds, "--round") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let board = try await db.enterWrittenRound(id, round: round, by: principal)
                let contest = try await db.contest(id, by: principal)
                Console.out("已录入第 \(round) 轮笔试成绩（\(contest.teams.count) 队）。")
                for line in ContestText.board(board, of: contest, title: "当前排名") { Console.out(line) }
            }
        }
    }
}
