import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension ContestCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出比赛成绩：CSV（UTF-8 带 BOM，Excel 可直接打开）或 Excel 工作簿（.xlsx），默认以 CSV 写到标准输出。",
            discussion: "列为 名次,参赛队,单位,队员,总分,笔试,答错题数,答题用时（秒）,加赛；队员用“、”分隔。比赛未结束时导出的是当前排名。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号。")
        var id: Int64

        @Option(help: "写到该文件，.csv 或 .xlsx（不会覆盖已有文件）；省略则写到标准输出。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?

        @OptionGroup var format: TableFormatOption

        func validate() throws {
            if let out, FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let (contest, lines) = try await db.contestResults(id, by: try await db.operatorPrincipal())
                let members = Dictionary(uniqueKeysWithValues: contest.teams.map { ($0.id, $0.members.map(\.name)) })
                let units = Dictionary(contest.teams.map { ($0.unitCode, $0.unitName) }, uniquingKeysWith: { first, _ in first })
                let table = ContestResultsCSV.table(lines.map(\.standing), members: members, unitNames: units, title: contest.title)
                if contest.status != .finished { Console.error("注意：比赛\(contest.status.label)，导出的是当前排名，不是最终成绩。") }
                try writeTable(table, to: out, format: format.format, db: db)
                guard let out else { return }
                Console.out("已导出比赛 \(contest.id)：\(contest.title) 的成绩 \(lines.count) 行到 \(out)。")
            }
        }
    }
}
