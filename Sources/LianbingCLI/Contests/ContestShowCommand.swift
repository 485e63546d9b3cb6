import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示一场比赛：状态、排行榜链接、轮次与规则、参赛队与队员（含编号），开赛后还有当前排名。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号。")
        var id: Int64

        @Flag(help: "以 JSON 输出比赛（键按字母排序，时间为 ISO 8601）。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let contest = try await db.contest(id, by: principal)
                if json { return try JSONOutput.print(contest) }
                for line in ContestText.detail(contest) { Console.out(line) }
                Console.out("")
                for line in ContestText.rounds(contest) { Console.out(line) }
                Console.out("")
                for line in ContestText.teams(contest) { Console.out(line) }
                let substitutions = try await db.contestSubstitutions(id, by: principal)
                if !substitutions.isEmpty {
                    Console.out("")
                    for line in TableText.render(
                        title: "换人（\(substitutions.count) 次）", columns: ["时间", "参赛队", "换下", "换上", "原因", "办理人"],
                        rows: substitutions.map { substitution in
                            [
                                ChinaTime.format(substitution.recordedAt), contest.teams.first { $0.id == substitution.teamId }?.name ?? String(substitution.teamId),
                                substitution.outStaffNumber, substitution.inStaffNumber, substitution.reason, substitution.actor,
                            ]
                        })
                    {
                        Console.out(line)
                    }
                }
                guard contest.status != .preparing else { return }
                Console.out("")
                let events = try await db.contestEvents(id, by: principal)
                let title = contest.status == .finished ? "最终排名（\(events.count) 条记录）" : "当前排名（\(events.count) 条记录）"
                for line in ContestText.board(try await db.contestBoard(id, by: principal), of: contest, title: title) { Console.out(line) }
            }
        }
    }
}
