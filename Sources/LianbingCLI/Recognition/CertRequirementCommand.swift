import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// `lianbing cert requirement …` and `lianbing cert compliance`: 持证上岗 per post, over the same service as the pages.
extension CertCommand {
    struct Requirement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "requirement", abstract: "持证上岗岗位：哪些岗位须持证、认可哪些资格、新任人员的宽限期。",
            subcommands: [SetRequirement.self, RemoveRequirement.self, ListRequirements.self])
    }

    struct SetRequirement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "要求一个岗位持证上岗（已有要求则覆盖）：持有任一认可资格的有效证书即可。")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "岗位名称，如 主任（站长）。")
        var post: String
        @Option(name: .customLong("qualification"), help: "认可的资格编号（见 lianbing cert qualifications），可重复给出。")
        var qualifications: [Int64] = []
        @Option(help: "新任该岗位人员取得证书的宽限期（0 到 3650 天）。")
        var graceDays: Int

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(graceDays, in: PostRequirement.graceDayRange, "--grace-days", unit: "天") }
            if qualifications.isEmpty { throw ValidationError("请至少给出一个 --qualification") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let listing = try await db.setPostRequirement(
                    post: post, qualificationIds: qualifications, graceDays: graceDays, by: try await db.operatorPrincipal())
                Console.out("岗位“\(listing.post)”须持证上岗：认可 \(listing.qualificationNames)；宽限期 \(listing.requirement.graceDays) 天。")
            }
        }
    }

    struct RemoveRequirement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "取消一个岗位的持证上岗要求。")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "岗位名称。")
        var post: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.removePostRequirement(post: post, by: try await db.operatorPrincipal())
                Console.out("已取消岗位“\(post)”的持证上岗要求。")
            }
        }
    }

    struct ListRequirements: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出须持证上岗的岗位。")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let listings = try await db.postRequirements()
                guard !listings.isEmpty else { return Console.out("尚未要求任何岗位持证上岗。") }
                for line in TableText.render(PostRequirementListing.table(listings)) { Console.out(line) }
            }
        }
    }

    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compliance",
            abstract: "持证上岗情况：各单位须持证岗位的在岗人数、已持证、宽限期内、逾期未取得和持证率，以及逾期未取得证书的人员。",
            discussion: "--out 把一张表导出为 CSV（UTF-8 带 BOM，Excel 可直接打开）或 Excel 工作簿（.xlsx），列与网页下载的相同：--table units（按单位，默认）或 lacking（逾期人员）。")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "统计该单位及其下级单位（单位编码；默认全省）。")
        var unit: String?
        @Option(help: "写入的文件，.csv 或 .xlsx（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?
        @OptionGroup var format: TableFormatOption
        @Option(help: "--out 导出哪张表：units 或 lacking。")
        var table = "units"

        func validate() throws {
            guard ["units", "lacking"].contains(table) else { throw ValidationError("--table 须为 units 或 lacking") }
            if let out, FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let report = try await db.certificationCompliance(unit: unit, for: try await db.operatorPrincipal())
                if report.requirements.isEmpty { Console.out("尚未要求任何岗位持证上岗（lianbing cert requirement set）。") }
                for line in TableText.render(report.table) { Console.out(line) }
                Console.out("")
                for line in TableText.render(report.lackingTable, limit: 20) { Console.out(line) }
                if let out {
                    let chosen = table == "lacking" ? report.lackingTable : report.table
                    try writeTable(chosen, to: out, format: format.format, db: db)
                    Console.out("已导出“\(chosen.title)”\(chosen.rows.count) 行到 \(out)。")
                }
            }
        }
    }
}
