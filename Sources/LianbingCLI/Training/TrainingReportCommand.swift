import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension TrainingCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "培训统计报表：全覆盖、半年培训、人员结构、培训标准完成情况。",
            discussion: """
                终端显示简表（每张表的前若干行）；--json 输出完整数据供程序使用；--out 把一张表导出为 CSV（UTF-8 带 BOM，Excel 可直接打开）\
                或 Excel 工作簿（--format xlsx 或扩展名 .xlsx），用 --table 选择哪一张。
                """,
            subcommands: [Coverage.self, HalfYear.self, Composition.self, Curriculum.self])
    }
}

/// The options every report takes.
struct ReportOptions: ParsableArguments {
    @Option(help: "统计该单位及其下级（单位编码）；省略则为整个单位树。")
    var unit: String?

    @Option(help: "按该日统计（YYYY-MM-DD，北京时间）；省略则为今天。")
    var on: String?

    @Flag(help: "以 JSON 输出完整报表（键按字母排序）。")
    var json = false

    @Option(help: "把一张表导出为 CSV 或 .xlsx 文件（不会覆盖已有文件）。", completion: .file(extensions: ["csv", "xlsx"]))
    var out: String?

    @Option(help: "--out 的格式：csv 或 xlsx；省略则按扩展名，默认 csv。")
    var format: TableFormat?

    @Option(help: "选择哪一张表：显示在终端（完整显示）并用于 --out；可选值见各报表说明。")
    var table: String?

    func validate() throws {
        _ = try CivilDateOption.parse(on, option: "--on")
        if let out, FileManager.default.fileExists(atPath: out) { throw ValidationError("文件已存在，不会覆盖：\(out)") }
    }

    var day: CivilDate? { get throws { try CivilDateOption.parse(on, option: "--on") } }

    /// `--table` among the report's tables; the first table when not given.
    func check(tables names: [String]) throws {
        if let table, !names.contains(table) { throw ValidationError("--table 须为 \(names.joined(separator: "、")) 之一；收到：\(table)") }
    }
}

/// A report's named tables, shown, exported, or the whole report as JSON.
enum ReportOutput {
    /// Rows of the other tables shown on a terminal when no `--table` is chosen.
    static let previewRows = 20

    static func emit(_ report: some Encodable, tables: [(name: String, table: ReportTable)], options: ReportOptions, db: AppDatabase) throws {
        let chosen = tables.first { $0.name == options.table } ?? tables[0]
        if options.json {
            try JSONOutput.print(report)
        } else if options.table != nil {
            for line in lines(chosen.table, limit: nil) { Console.out(line) }
        } else {
            for (index, entry) in tables.enumerated() {
                if index > 0 { Console.out("") }
                for line in lines(entry.table, limit: index == 0 ? nil : previewRows) { Console.out(line) }
            }
        }
        if let out = options.out {
            try writeTable(chosen.table, to: out, format: options.format, db: db)
            // Standard output may be JSON for a program: the note goes to standard error then.
            let note = "已导出“\(chosen.table.title)”\(chosen.table.rows.count) 行到 \(out)。"
            if options.json { Console.error(note) } else { Console.out(note) }
        }
    }

    static func lines(_ table: ReportTable, limit: Int?) -> [String] {
        guard !table.rows.isEmpty else { return [table.title, "（无）"] }
        return TableText.render(table, limit: limit)
    }
}

/// A report over a subtree as a command: the tables it offers and how its figures are read; checking the options and
/// printing are the same for all.
protocol SubtreeReportCommand: AsyncParsableCommand {
    associatedtype Figures: Encodable & Sendable
    static var tables: [String] { get }
    var database: DatabaseOptions { get }
    var options: ReportOptions { get }
    /// The report and its tables, named as `tables` names them.
    func report(_ db: AppDatabase, for principal: Principal) async throws -> (Figures, [(name: String, table: ReportTable)])
}

extension SubtreeReportCommand {
    func validate() throws { try options.check(tables: Self.tables) }

    func run() async throws {
        try await reportingErrors {
            let db = try database.open()
            let (figures, tables) = try await report(db, for: try await db.operatorPrincipal())
            try ReportOutput.emit(figures, tables: tables, options: options, db: db)
        }
    }
}

extension TrainingCommand.Report {
    struct Coverage: SubtreeReportCommand {
        static let configuration = CommandConfiguration(
            abstract: "滚动式全覆盖：本周期应训、已覆盖、未覆盖人数（按下级单位），及尚未参训人员（最久未训者在前）。",
            discussion: "--table：summary（按单位汇总，默认）、people（未覆盖人员）。")

        static let tables = ["summary", "people"]

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ReportOptions

        func report(_ db: AppDatabase, for principal: Principal) async throws -> (CoverageReport, [(name: String, table: ReportTable)]) {
            let report = try await db.coverageReport(unit: options.unit, on: try options.day, for: principal)
            return (report, [("summary", report.table), ("people", report.uncoveredTable)])
        }
    }

    struct HalfYear: SubtreeReportCommand {
        static let configuration = CommandConfiguration(
            commandName: "half-year",
            abstract: "每半年至少组织一次业务培训：应组织、已组织的单位数（按下级单位），未组织的单位，及即将到期的预警。",
            discussion: "--table：summary（按单位汇总，默认）、units（未组织的单位）、warnings（即将到期仍未组织的单位）。")

        static let tables = ["summary", "units", "warnings"]

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ReportOptions

        @Option(help: "统计哪个半年，如 \"2026-H1\"（上半年）、\"2026-H2\"（下半年）；省略则为 --on 所在的半年。")
        var half: String?

        func validate() throws {
            try options.check(tables: Self.tables)
            if let half { _ = try TrainingArgument.halfYear(half) }
        }

        func report(_ db: AppDatabase, for principal: Principal) async throws -> (HalfYearReport, [(name: String, table: ReportTable)]) {
            let report = try await db.halfYearReport(
                unit: options.unit, halfYear: try half.map { try TrainingArgument.halfYear($0) }, on: try options.day, for: principal)
            return (report, [("summary", report.table), ("units", report.nonCompliantTable), ("warnings", report.warningTable)])
        }
    }

    struct Composition: SubtreeReportCommand {
        static let configuration = CommandConfiguration(
            abstract: "人员结构：退役军人和其他优抚对象占比（原则上不低于三分之一）、法律和信息化专业人才，及与一年前的比较。",
            discussion: "--table：summary（按单位汇总，默认）、flagged（低于三分之一的单位，占比最低的在前）。")

        static let tables = ["summary", "flagged"]

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ReportOptions

        func report(_ db: AppDatabase, for principal: Principal) async throws -> (CompositionReport, [(name: String, table: ReportTable)]) {
            let report = try await db.compositionReport(unit: options.unit, on: try options.day, for: principal)
            return (report, [("summary", report.table), ("flagged", report.flaggedTable)])
        }
    }

    struct Curriculum: SubtreeReportCommand {
        static let configuration = CommandConfiguration(
            abstract: "培训标准完成情况：按岗位和层级的应修学时与专题，达标人数和达标率（按下级单位），及每人的差距（未达标者在前）。",
            discussion: "--table：summary（按单位汇总，默认）、people（人员明细，最多 2000 人）。")

        static let tables = ["summary", "people"]

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ReportOptions

        func report(_ db: AppDatabase, for principal: Principal) async throws -> (CurriculumReport, [(name: String, table: ReportTable)]) {
            let report = try await db.curriculumReport(unit: options.unit, on: try options.day, for: principal)
            return (report, [("summary", report.table), ("people", report.peopleTable)])
        }
    }
}
