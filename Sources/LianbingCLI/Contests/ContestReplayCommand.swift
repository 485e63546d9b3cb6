import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "重放比赛记录：逐条显示每条记录（序号、内容、参赛队、分值变动）及其后的排名，最后是最终排名。",
            discussion: "逐条累计的排名与按全部记录重算的排名须一致，否则报错：用于赛后核对与申诉复查。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let contest = try await db.contest(id, by: principal)
                let events = try await db.contestEvents(id, by: principal)
                let replay = ContestText.replay(contest, events: events)
                for line in replay.lines { Console.out(line) }
                let rebuilt = Scoreboard.build(contest.setup, events: events)
                guard replay.board == rebuilt else {
                    Console.error("错误：逐条累计的排名与按全部记录重算的排名不一致，请保留数据库文件并报告。")
                    throw ExitCode.failure
                }
                Console.out("")
                for line in ContestText.board(rebuilt, of: contest, title: "最终排名（\(events.count) 条记录，与按全部记录重算一致）") { Console.out(line) }
            }
        }
    }
}
