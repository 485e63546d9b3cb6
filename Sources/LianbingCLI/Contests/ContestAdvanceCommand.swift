import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "晋级：把已结束的下级比赛的前几名报名到上级单位筹备中的比赛，队名、单位、队员不变。",
            discussion: "名额线上有并列时不猜测，拒绝办理并指出名次：请先加赛分出先后。两场比赛须同为个人赛或同为团体赛，每场下级比赛只办理一次。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "下级比赛编号（已结束）。")
        var from: Int64

        @Option(help: "上级比赛编号（筹备中），由下级比赛举办单位的上级单位举办。")
        var to: Int64

        @Option(help: "前 N 名晋级。")
        var top: Int?

        @Option(help: "每个单位的参赛队中前 N 名晋级。")
        var perUnit: Int?

        func validate() throws {
            guard (top == nil) != (perUnit == nil) else { throw ValidationError("请用 --top 或 --per-unit 二者之一给出晋级名额") }
            guard from != to else { throw ValidationError("--from 与 --to 不能是同一场比赛") }
            try ValidationError.bounded {
                if let top { try InputBounds.check(top, in: ContestBounds.qualifiers, "--top") }
                if let perUnit { try InputBounds.check(perUnit, in: ContestBounds.qualifiers, "--per-unit") }
            }
        }

        var rule: AdvancementRule { top.map(AdvancementRule.top) ?? .perUnit(perUnit ?? 0) }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let teams = try await db.advanceContest(from: from, to: to, rule: rule, by: principal)
                let upper = try await db.contest(to, by: principal)
                Console.out("已办理晋级（\(rule.label)）：\(teams.count) 队报名到比赛 \(upper.id)：\(upper.title)。")
                for line in TableText.render(
                    columns: ["编号", "抽签号", "参赛队", "单位", "队员"],
                    rows: teams.map { [String($0.id), String($0.draw), $0.name, $0.unitName, $0.members.map(\.name).joined(separator: "、")] })
                {
                    Console.out(line)
                }
            }
        }
    }
}
