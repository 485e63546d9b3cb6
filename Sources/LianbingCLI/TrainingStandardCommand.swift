import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

/// `lianbing training standard set|list`: curriculum standards (统一培训内容与标准) by post and level.
struct TrainingStandardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard", abstract: "培训内容与标准：按岗位和层级设定每个培训周期应修的学时和专题。",
        discussion: """
            标准按版本保存，从不修改：每次设定都新增一个版本，自生效日期起适用。一个培训周期按其最后一天有效的版本评价，\
            所以周期内新设的版本适用于整个本周期，而在以后周期才生效的版本不改变已有周期的结果；生效日期不能早于本周期的开始。\
            学时为 0 且没有专题的版本表示自该日起撤销该标准。
            """,
        subcommands: [Set.self, List.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为一个岗位和层级设定新版本的标准（省级管理员权限）。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "岗位名称，如 接访员（须为已有岗位，见 lianbing post list）。")
        var post: String

        @Option(help: "层级：村、镇、县、市 或 省。")
        var level: String

        @Option(help: "每个培训周期应修学时（0–500，可带小数）。")
        var hours: Double

        @Option(help: "应修专题（知识点，如 权益维护）；可重复，每个一项，最多 20 个。参加该专题或其下专题的培训即算完成。")
        var topic: [String] = []

        @Option(help: "生效日期 YYYY-MM-DD（北京时间）；省略则为今天，不能早于本培训周期的开始。")
        var from: String?

        func validate() throws {
            guard UnitLevel(label: level) != nil else { throw ValidationError("--level 须为 村、镇、县、市 或 省；收到：\(level)") }
            guard !post.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--post 不能为空") }
            try ValidationError.bounded { _ = try CurriculumStandard.validated(hours: hours, topics: topic) }
            if let from { _ = try TrainingStandardCommand.date(from, option: "--from") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let standard = try await db.setCurriculumStandard(
                    post: post, level: UnitLevel(label: level)!, hours: hours, topics: topic,
                    effectiveFrom: try from.map { try TrainingStandardCommand.date($0, option: "--from") }, by: try await db.operatorPrincipal())
                let what =
                    standard.isWithdrawal
                    ? "撤销"
                    : "\(TrainingStandardCommand.hoursText(standard.hours)) 学时，专题 \(standard.topics.isEmpty ? "无" : standard.topics.joined(separator: "、"))"
                Console.out("已设定 \(standard.post)（\(standard.level.displayName)）第 \(standard.version) 版标准：\(what)，\(standard.effectiveFrom) 起生效。")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部标准及其历史版本，标明本周期适用的版本。")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "以 JSON 输出（键按字母排序）。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let list = try await db.curriculumStandards(for: try await db.operatorPrincipal())
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    encoder.dateEncodingStrategy = .iso8601
                    FileHandle.standardOutput.write(try encoder.encode(list))
                    Console.out("")
                } else {
                    for line in TrainingStandardCommand.lines(list.table) { Console.out(line) }
                }
            }
        }
    }

    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(text), (2000...2099).contains(date.year) else {
            throw ValidationError("\(option) 须为 2000-01-01 到 2099-12-31 之间的日期 YYYY-MM-DD；收到：\(text)")
        }
        return date
    }

    static func hoursText(_ hours: Double) -> String {
        hours == hours.rounded() && abs(hours) < 1e9 ? String(Int(hours)) : String(format: "%g", hours)
    }

    /// A report table for a terminal: title, headings, tab-separated rows.
    static func lines(_ table: ReportTable) -> [String] {
        [table.title, table.columns.joined(separator: "\t")] + table.rows.map { $0.joined(separator: "\t") }
            + (table.rows.isEmpty ? ["（尚未设定任何标准）"] : [])
    }
}
