import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension TrainingCommand {
    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "培训规则：哪些单位每半年须组织业务培训、全覆盖周期与宽限期、专业人才关键词。", subcommands: [Show.self, Set.self])
    }
}

extension TrainingCommand.Settings {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示现行培训规则（未修改过则为默认值）。")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "以 JSON 输出。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let settings = try await database.open().trainingSettings()
                if json { return try JSONOutput.print(settings) }
                for line in SettingsText.lines(settings) { Console.out(line) }
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "修改培训规则：只改给出的选项，其余不变。规则适用于全省，只有省级管理员（或命令行操作员）可以修改。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "每半年须组织业务培训的层级，如 \"县,镇\"（省、市、县、镇、村）。")
        var obligedLevels: String?

        @Option(help: "辖区退役军人数达到该数的村（社区）也须每半年组织业务培训；none 为不按人数。")
        var veteranThreshold: String?

        @Option(help: "半年结束前多少天起列出尚未组织培训的单位（0–181）。")
        var warningDays: Int?

        @Option(help: "全覆盖培训周期从几月开始（1–12）。")
        var cycleStartMonth: Int?

        @Option(help: "全覆盖培训周期的月数（1–60）。")
        var cycleMonths: Int?

        @Option(help: "新入职人员入职后多少天起须参加培训（0–730）。")
        var graceDays: Int?

        @Option(help: "全覆盖培训包含的层级，如 \"县,镇,村\"。")
        var coverageLevels: String?

        @Option(help: "专业人才的专长关键词（可重复，1–10 个，每个不超过 16 个字），如 --specialist 法律 --specialist 信息化；给出则替换原有的。")
        var specialist: [String] = []

        func validate() throws {
            let given: [Any?] = [obligedLevels, veteranThreshold, warningDays, cycleStartMonth, cycleMonths, graceDays, coverageLevels]
            guard given.contains(where: { $0 != nil }) || !specialist.isEmpty else { throw ValidationError("请至少给出一项要修改的规则") }
            if let obligedLevels { _ = try TrainingArgument.levels(obligedLevels, option: "--obliged-levels") }
            if let coverageLevels { _ = try TrainingArgument.levels(coverageLevels, option: "--coverage-levels") }
            _ = try threshold()
            if let warningDays {
                try ValidationError.bounded { try InputBounds.check(warningDays, in: TrainingSettings.warningDaysRange, "--warning-days", unit: "天") }
            }
            if let cycleStartMonth { try ValidationError.bounded { try InputBounds.check(cycleStartMonth, in: 1...12, "--cycle-start-month", unit: "月") } }
            if let cycleMonths {
                try ValidationError.bounded { try InputBounds.check(cycleMonths, in: TrainingSettings.cycleMonthsRange, "--cycle-months", unit: "个月") }
            }
            if let graceDays {
                try ValidationError.bounded { try InputBounds.check(graceDays, in: TrainingSettings.graceDaysRange, "--grace-days", unit: "天") }
            }
            let keywords = specialist.map { $0.trimmingCharacters(in: .whitespaces) }
            guard keywords.count <= 10, keywords.allSatisfy({ !$0.isEmpty && $0.count <= 16 }) else {
                throw ValidationError("--specialist 最多 10 个，每个不能为空且不超过 16 个字")
            }
        }

        /// `nil`: not given; `.some(nil)`: `none`.
        func threshold() throws -> Int?? {
            guard let veteranThreshold else { return nil }
            if ["none", "无", "不限"].contains(veteranThreshold.lowercased()) { return .some(nil) }
            guard let value = Int(veteranThreshold), TrainingSettings.veteranThresholdRange.contains(value) else {
                let range = TrainingSettings.veteranThresholdRange
                throw ValidationError("--veteran-threshold 须为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，或 none；收到：\(veteranThreshold)")
            }
            return .some(value)
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                var settings = try await db.trainingSettings()
                if let obligedLevels { settings.obligation.levels = try TrainingArgument.levels(obligedLevels, option: "--obliged-levels") }
                if case .some(let value) = try threshold() { settings.obligation.veteranThreshold = value }
                if let warningDays { settings.warningDays = warningDays }
                if let cycleStartMonth { settings.cycleStartMonth = cycleStartMonth }
                if let cycleMonths { settings.cycleMonths = cycleMonths }
                if let graceDays { settings.graceDays = graceDays }
                if let coverageLevels { settings.coverageLevels = try TrainingArgument.levels(coverageLevels, option: "--coverage-levels") }
                if !specialist.isEmpty { settings.specialistKeywords = specialist.map { $0.trimmingCharacters(in: .whitespaces) } }
                let saved = try await db.setTrainingSettings(settings, by: try await db.operatorPrincipal())
                Console.out("已保存培训规则：")
                for line in SettingsText.lines(saved) { Console.out("  " + line) }
            }
        }
    }
}

/// The rules as sentences.
enum SettingsText {
    static func lines(_ settings: TrainingSettings) -> [String] {
        let cycle = settings.cycleMonths == 12 && settings.cycleStartMonth == 1
            ? "每个自然年（1 月 1 日起 12 个月）" : "每 \(settings.cycleMonths) 个月，自 \(settings.cycleStartMonth) 月 1 日起"
        return [
            "每半年须组织业务培训的层级：\(TrainingArgument.levelText(settings.obligation.levels))；另含标记为任务较重的单位",
            "按辖区退役军人数须组织的门槛：\(settings.obligation.veteranThreshold.map { "\($0) 人及以上" } ?? "不按人数")",
            "半年结束前预警天数：\(settings.warningDays) 天",
            "全覆盖培训周期：\(cycle)",
            "全覆盖培训周期起始月份：\(settings.cycleStartMonth) 月",
            "全覆盖培训周期月数：\(settings.cycleMonths) 个月",
            "新入职宽限天数：\(settings.graceDays) 天",
            "全覆盖培训包含的层级：\(TrainingArgument.levelText(settings.coverageLevels))",
            "专业人才专长关键词：\(settings.specialistKeywords.joined(separator: "、"))",
        ]
    }
}
