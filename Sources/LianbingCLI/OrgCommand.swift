import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "单位树（五级服务体系）。", subcommands: [Import.self, Export.self, Set.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 CSV 或 .xlsx 追加或更新单位（表头：编码,名称,层级,上级编码；层级为 省/市/县/镇/村）。有任何错误则全部不导入。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "单位 CSV 或 .xlsx 文件。", completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @OptionGroup var sheetOption: SheetOption

        func run() async throws {
            try await reportingErrors {
                let parsed = try OrgCSV.read(try readInput(file), file: file, sheet: sheetOption.sheet).get()
                let db = try database.open()
                let summary = try await db.importUnits(parsed, file: file, by: try await db.operatorPrincipal())
                Console.out("单位导入完成：新增 \(summary.inserted)，更新 \(summary.updated)，随上级移动 \(summary.moved)。")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "把整棵单位树导出为 CSV 或 Excel 工作簿（.xlsx），与导入格式相同。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "输出文件，.csv 或 .xlsx；省略则写到标准输出。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?

        @OptionGroup var format: TableFormatOption

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let units = try await db.units(parent: nil, for: try await db.operatorPrincipal())
                let table = OrgCSV.table(units.map { ServiceUnit(code: $0.code, name: $0.name, level: $0.level, parentCode: $0.parentCode) })
                try writeTable(table, to: out, format: format.format, db: db)
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "设置单位的辖区退役军人数和“任务较重”标记：每半年须组织业务培训的单位由此和培训规则决定。",
            discussion: "只改给出的选项。该单位或其上级的管理员（及命令行操作员）可以设置。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "单位编码。")
        var code: String

        @Option(help: "辖区退役军人数（0–10000000）；none 为清除（未填）。")
        var veterans: String?

        @Option(help: "是否任务较重：是 或 否。")
        var heavyDuty: String?

        func validate() throws {
            guard veterans != nil || heavyDuty != nil else { throw ValidationError("请至少给出 --veterans 或 --heavy-duty") }
            _ = try veteransServed()
            _ = try isHeavyDuty()
        }

        /// `nil`: not given; `.some(nil)`: `none`.
        func veteransServed() throws -> Int?? {
            guard let veterans else { return nil }
            if ["none", "无", "未填"].contains(veterans.lowercased()) { return .some(nil) }
            let range = TrainingSettings.veteranThresholdRange
            guard let count = Int(veterans), range.contains(count) else {
                throw ValidationError("--veterans 须为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，或 none；收到：\(veterans)")
            }
            return .some(count)
        }

        func isHeavyDuty() throws -> Bool? {
            guard let heavyDuty else { return nil }
            switch heavyDuty.lowercased() {
            case "是", "yes", "true", "1": return true
            case "否", "no", "false", "0": return false
            default: throw ValidationError("--heavy-duty 须为 是 或 否；收到：\(heavyDuty)")
            }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let attributes = try await db.setUnitAttributes(
                    code, veteransServed: try veteransServed(), heavyDuty: try isHeavyDuty(), by: try await db.operatorPrincipal())
                Console.out(
                    "已设置单位 \(code)：辖区退役军人数 \(attributes.veteransServed.map(String.init) ?? "未填")，任务较重 \(attributes.heavyDuty ? "是" : "否")。")
            }
        }
    }
}
