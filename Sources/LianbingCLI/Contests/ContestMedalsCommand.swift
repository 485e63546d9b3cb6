import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Medals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "奖牌榜：某单位及其下级在一段时间内举办且已结束的比赛，各单位第一、二、三名的次数与参赛队数。",
            discussion: "按第一名次数、第二名次数、第三名次数、参赛队数依次排序；并列名次每队都计。参赛队计入其代表的单位。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "举办单位编码：统计该单位及其下级举办的比赛。")
        var unit: String

        @Option(help: "比赛日期不早于该日（YYYY-MM-DD）。")
        var from: String

        @Option(help: "比赛日期不晚于该日（YYYY-MM-DD）。")
        var through: String

        func validate() throws {
            let from = try CivilDateOption.parse(from, option: "--from"), through = try CivilDateOption.parse(through, option: "--through")
            guard from <= through else { throw ValidationError("--through 不能早于 --from") }
            guard !unit.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--unit 不能为空") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let code = unit.trimmingCharacters(in: .whitespaces)
                let lines = try await db.contestMedalTable(
                    unit: code, from: try CivilDateOption.parse(from, option: "--from"), through: try CivilDateOption.parse(through, option: "--through"),
                    by: principal)
                var rows: [[String]] = []
                for line in lines {
                    let name = try await db.unitDetail(line.unitCode, for: principal).unit.name
                    rows.append([name, line.unitCode, String(line.firsts), String(line.seconds), String(line.thirds), String(line.entered)])
                }
                let title = "奖牌榜：\(try await db.unitDetail(code, for: principal).unit.name) \(from) 至 \(through)"
                for line in TableText.render(title: title, columns: ["单位", "编码", "第一名", "第二名", "第三名", "参赛队"], rows: rows) {
                    Console.out(line)
                }
                Console.out("共 \(lines.count) 个单位。")
            }
        }
    }
}
