import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// `lianbing expert add|import|list`: the province, city and county expert pools (专家库).
struct ExpertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expert", abstract: "专家库（省市县三级）：高校专家、行业精英、业务骨干及其专长。", subcommands: [Add.self, Import.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "向省、市或县级单位的专家库添加一位专家。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "专家库所属单位编码（省、市或县级单位）。")
        var unit: String

        @Option(help: "专家姓名（不超过 32 个字）。")
        var name: String

        @Option(help: "类别：高校专家、行业精英或业务骨干（也可写 university、industry、backbone）。")
        var category: String

        @Option(help: "专长（知识点，如 政策法规/优抚）；可重复，每个一项，最多 20 个。")
        var specialty: [String] = []

        @Option(help: "工作单位及职务（不超过 100 个字）。")
        var affiliation: String = ""

        @Option(help: "专家同时是工作人员时填其工号；有登录账号的自动关联。")
        var staff: String?

        func validate() throws {
            guard ExpertCategory(label: category) != nil else {
                throw ValidationError("--category 须为 高校专家、行业精英 或 业务骨干（或 university、industry、backbone）；收到：\(category)")
            }
            guard !unit.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--unit 不能为空") }
            try ValidationError.bounded { _ = try ExpertCommand.draft(self) }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let expert = try await db.addExpert(try ExpertCommand.draft(self), by: try await db.operatorPrincipal())
                Console.out("已添加专家 \(expert.name)（编号 \(expert.id)，\(expert.category.label)）到 \(expert.unitName) 专家库。")
                if expert.staffNumber != nil, expert.accountId == nil { Console.out("提示：工号 \(expert.staffNumber!) 尚无登录账号。") }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 CSV 或 .xlsx 导入专家库（表头：姓名,单位编码,类别,专长,工作单位及职务,工号）。有任何错误则全部不导入，并列出每一处错误的行号。",
            discussion: """
                有工号的行按工号对应已有专家（全省一人一条）；没有工号的行按 单位编码+姓名 对应。对应上的更新，否则新增。\
                没有工号的行不会取消已有的工号关联。专长用 ; 或 、 分隔。
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "专家库 CSV 文件（UTF-8 或 GBK/GB18030 均可）或 .xlsx 工作簿。", completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @OptionGroup var sheetOption: SheetOption

        func run() async throws {
            try await reportingErrors {
                let parsed = try ExpertCSV.read(try readInput(file), file: file, sheet: sheetOption.sheet).mapError(LianbingError.importRejected).get()
                let db = try database.open()
                let summary = try await db.importExperts(parsed, file: file, by: try await db.operatorPrincipal())
                Console.out("专家库导入完成：新增 \(summary.inserted)，更新 \(summary.updated)，未变 \(summary.unchanged)。")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出专家：先上级专家库，再本级；可按专长、类别、单位筛选。",
            discussion: "按专长筛选时包括其下的知识点：--specialty 政策法规 也列出专长为 政策法规/优抚 的专家。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "只列专长为该知识点或其下知识点的专家。")
        var specialty: String?

        @Option(help: "只列该类别：高校专家、行业精英或业务骨干。")
        var category: String?

        @Option(help: "只列该单位及其下级单位的专家库（单位编码）。")
        var unit: String?

        @Option(help: "按姓名、工作单位及职务或工号查找。")
        var query: String?

        @Flag(help: "以 JSON 输出（键按字母排序）。")
        var json = false

        func validate() throws {
            if let category, ExpertCategory(label: category) == nil {
                throw ValidationError("--category 须为 高校专家、行业精英 或 业务骨干（或 university、industry、backbone）；收到：\(category)")
            }
            for (option, text) in [("--specialty", specialty), ("--query", query)] {
                if let text, text.count > 64 { throw ValidationError("\(option) 不超过 64 个字") }
            }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let experts = try await db.experts(
                    query: query, specialty: specialty, category: category.flatMap(ExpertCategory.init(label:)), unit: unit,
                    for: try await db.operatorPrincipal())
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    encoder.dateEncodingStrategy = .iso8601
                    FileHandle.standardOutput.write(try encoder.encode(experts))
                    Console.out("")
                } else {
                    for line in ExpertCommand.lines(experts) { Console.out(line) }
                }
            }
        }
    }

    /// The expert `add` describes, checked as the store will check it.
    static func draft(_ add: Add) throws -> ExpertDraft {
        let draft = ExpertDraft(
            unitCode: add.unit.trimmingCharacters(in: .whitespaces), name: add.name, category: ExpertCategory(label: add.category) ?? .backbone,
            specialties: add.specialty, affiliation: add.affiliation, staffNumber: add.staff)
        return try draft.validated()
    }

    /// A short table for a terminal: one expert per line, tab-separated, then the count.
    static func lines(_ experts: [Expert]) -> [String] {
        var lines = [["编号", "专家库", "姓名", "类别", "专长", "工作单位及职务", "工号"].joined(separator: "\t")]
        for expert in experts {
            lines.append(
                [
                    String(expert.id), expert.unitName + (expert.isOwnPool ? "" : "（上级）"), expert.name, expert.category.label,
                    expert.specialties.isEmpty ? "—" : expert.specialties.joined(separator: "、"), expert.affiliation.isEmpty ? "—" : expert.affiliation,
                    expert.staffNumber ?? "—",
                ].joined(separator: "\t"))
        }
        lines.append("共 \(experts.count) 位专家。")
        return lines
    }
}
