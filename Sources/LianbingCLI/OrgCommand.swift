import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "单位树（五级服务体系）。", subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 CSV 追加或更新单位（表头：编码,名称,层级,上级编码；层级为 省/市/县/镇/村）。有任何错误则全部不导入。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "单位 CSV 文件。", completion: .file(extensions: ["csv"]))
        var file: String

        func run() async throws {
            try await reportingErrors {
                let parsed = try OrgCSV.read(try readInput(file), file: file).get()
                let db = try database.open()
                let summary = try await db.importUnits(parsed, file: file, by: try await db.operatorPrincipal())
                Console.out("单位导入完成：新增 \(summary.inserted)，更新 \(summary.updated)，随上级移动 \(summary.moved)。")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "把整棵单位树导出为 CSV（与导入格式相同）。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "输出文件；省略则写到标准输出。", completion: .file(extensions: ["csv"]))
        var out: String?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let units = try await db.units(parent: nil, for: try await db.operatorPrincipal())
                let data = OrgCSV.encode(units.map { ServiceUnit(code: $0.code, name: $0.name, level: $0.level, parentCode: $0.parentCode) })
                if let out { try writeOutput(data, to: out) } else { FileHandle.standardOutput.write(data) }
            }
        }
    }
}
