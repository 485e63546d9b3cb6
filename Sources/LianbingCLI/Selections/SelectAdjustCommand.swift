import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension SelectCommand {
    struct Adjust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "调整计算出的名单：增列一名候选人或撤下一名入选者，须写明理由（公示前）。",
            discussion: "调整与理由一并保存并记入操作日志，公示时名单注明“管理员增列”。只能增列本次遴选的候选人。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        @Option(help: "增列该候选人（工号）。")
        var add: String?

        @Option(help: "撤下该入选者（工号）。")
        var remove: String?

        @Option(help: "理由（2 到 200 个字），随名单保存。")
        var reason: String

        func validate() throws {
            guard (add == nil) != (remove == nil) else { throw ValidationError("请给出 --add 或 --remove 其中之一（工号）") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let action: Selection.Adjustment.Action = add != nil ? .add : .remove
                let number = (add ?? remove ?? "").trimmingCharacters(in: .whitespaces)
                let selection = try await db.adjustSelection(id, staffNumber: number, action: action, reason: reason, by: try await db.operatorPrincipal())
                let name = selection.adjustments.last?.name ?? number
                Console.out("已\(action == .add ? "增列" : "撤下") \(name)（\(number)），现拟入选 \(selection.nominees.count) 人。")
            }
        }
    }
}
