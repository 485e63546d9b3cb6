import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension SelectCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示一次遴选：规则、状态、名额分配、排名与入选情况、未排名的原因、名单调整和异议；--candidate 说明一个人的得分与是否入选。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        @Option(help: "只说明该候选人（工号）：各项指标的原始值、标准化值、计入权重、综合得分、名次和入选与否的原因。")
        var candidate: String?

        @Flag(help: "以 JSON 输出遴选（键按字母排序，时间为 ISO 8601）。")
        var json = false

        func validate() throws {
            if json, candidate != nil { throw ValidationError("--json 与 --candidate 不能同时使用") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.selection(id, by: try await db.operatorPrincipal())
                if json { return try JSONOutput.print(selection) }
                if let candidate {
                    guard let outcome = selection.outcome else { throw LianbingError.conflict("遴选 \(id) 尚未计算，没有得分可说明") }
                    Console.out("遴选 \(selection.id)：\(selection.title)（\(selection.status.label)）")
                    for line in try SelectText.explanation(selection, outcome, number: candidate.trimmingCharacters(in: .whitespaces)) { Console.out(line) }
                    return
                }
                Console.out("遴选 \(selection.id)：\(selection.title)")
                for line in SelectText.rules(selection) + SelectText.status(selection) { Console.out(line) }
                var sections: [[String]] = []
                if let outcome = selection.outcome {
                    sections.append(SelectText.shares(outcome, quota: selection.rules.quota))
                    sections.append(SelectText.ranked(selection, outcome))
                    sections.append(SelectText.unranked(outcome))
                } else if selection.status == .draft {
                    sections.append(["尚未计算：lianbing select compute \(selection.id)"])
                } else {
                    sections.append(SelectText.nominees(selection))
                }
                sections.append(SelectText.adjustments(selection))
                sections.append(SelectText.objections(selection))
                for section in sections where !section.isEmpty {
                    Console.out("")
                    for line in section { Console.out(line) }
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部遴选，新建的在前。")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "以 JSON 输出（键按字母排序）。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selections = try await db.selections(by: try await db.operatorPrincipal())
                if json { return try JSONOutput.print(selections) }
                guard !selections.isEmpty else { return Console.out("还没有遴选。新建：lianbing select create") }
                for line in TableText.render(columns: SelectText.listColumns, rows: selections.map(SelectText.row)) { Console.out(line) }
                Console.out("共 \(selections.count) 次遴选。")
            }
        }
    }
}
