import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension SelectCommand {
    struct Object: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "object", abstract: "在公示期内对一名拟入选者或整个名单提出异议（由操作员代为登记）。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        @Option(help: "异议针对的拟入选者（工号）；省略则针对整个名单。")
        var nominee: String?

        @Option(help: "异议内容（2 到 500 个字）。")
        var text: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let number = nominee?.trimmingCharacters(in: .whitespaces)
                let selection = try await db.objectToSelection(id, staffNumber: number, text: text, by: try await db.operatorPrincipal())
                let objection = selection.objections.last
                Console.out("已登记异议 \(objection.map { String($0.id) } ?? "")（\(number ?? "整个名单")），待答复 \(selection.openObjections) 条。")
                Console.out("答复：lianbing select answer \(selection.id) --objection \(objection.map { String($0.id) } ?? "编号") --text 核查结果")
            }
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "答复一条异议（核查结果）；异议都答复后才能定稿。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        @Option(help: "异议编号（见 lianbing select show）。")
        var objection: Int64

        @Option(help: "答复内容（2 到 500 个字）。")
        var text: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.answerSelectionObjection(id, objection: objection, answer: text, by: try await db.operatorPrincipal())
                Console.out("已答复异议 \(objection)，尚有 \(selection.openObjections) 条待答复。")
            }
        }
    }
}
