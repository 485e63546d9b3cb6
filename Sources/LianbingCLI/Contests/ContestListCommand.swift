import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部比赛，比赛日期最近的在前。")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "以 JSON 输出（键按字母排序，时间为 ISO 8601）。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let contests = try await db.contests(by: try await db.operatorPrincipal())
                if json { return try JSONOutput.print(contests) }
                for line in TableText.render(columns: ContestText.listColumns, rows: contests.map(ContestText.row)) { Console.out(line) }
                Console.out("共 \(contests.count) 场比赛。")
            }
        }
    }
}
