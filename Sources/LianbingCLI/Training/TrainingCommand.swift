import ArgumentParser
import Foundation
import LianbingCore

/// `lianbing training`: sessions, attendance, the rules, the reports and the coverage planner.
struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training", abstract: "业务培训：培训活动、出勤、培训规则、统计报表、全覆盖排班与培训标准。",
        discussion: """
            时间按北京时间输入和显示：时刻为 "YYYY-MM-DD HH:MM"，日期为 "YYYY-MM-DD"。
            培训类型可写名称或英文值：专题培训班 course、以会代训 meeting、组织观摩 observation、实践教学 practice、\
            学习日 study-day、网校学习 online-school、上级调训 higher-level、其他 other。
            规则说明见 docs/training.md。
            """,
        subcommands: [Session.self, Attend.self, Settings.self, Report.self, Plan.self, TrainingStandardCommand.self])
}

/// A date option (`YYYY-MM-DD`, China calendar), within the years every report and record accepts.
enum CivilDateOption {
    static let range = CivilDate(year: 2000, month: 1, day: 1)!...CivilDate(year: 2099, month: 12, day: 31)!

    static func parse(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(text) else { throw ValidationError("\(option) 须为日期 \"YYYY-MM-DD\"，如 \"2026-03-05\"；收到：\(text)") }
        guard range.contains(date) else { throw ValidationError("\(option) 须在 2000-01-01 到 2099-12-31 之间；收到：\(text)") }
        return date
    }

    static func parse(_ text: String?, option: String) throws -> CivilDate? {
        try text.map { try parse($0, option: option) }
    }
}

/// Names an option may be given in: a Chinese label or an English raw value.
enum TrainingArgument {
    static func kind(_ text: String, option: String = "--kind") throws -> TrainingKind {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let kind = TrainingKind.allCases.first(where: { $0.label == value }) ?? TrainingKind(rawValue: value.lowercased()) { return kind }
        let names = TrainingKind.allCases.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、")
        throw ValidationError("\(option) 须为以下培训类型之一：\(names)；收到：\(text)")
    }

    static func status(_ text: String) throws -> TrainingSessionStatus {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let status = TrainingSessionStatus.allCases.first(where: { $0.label == value })
            ?? TrainingSessionStatus(rawValue: value.lowercased())
        {
            return status
        }
        let names = TrainingSessionStatus.allCases.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、")
        throw ValidationError("--status 须为以下状态之一：\(names)；收到：\(text)")
    }

    static func attendance(_ text: String) throws -> AttendanceStatus {
        guard let status = AttendanceStatus(label: text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("--status 须为 出席、缺席 或 请假；收到：\(text)")
        }
        return status
    }

    /// `2026-H1` (also `2026H1`, `2026-h2`, `2026上半年`, `2026下半年`).
    static func halfYear(_ text: String) throws -> HalfYear {
        let value = text.trimmingCharacters(in: .whitespaces).uppercased()
        let year = Int(value.prefix(4)), rest = String(value.dropFirst(4).drop { "-年 ".contains($0) })
        let half: Int? = switch rest {
        case "H1", "上半年": 1
        case "H2", "下半年": 2
        default: nil
        }
        guard let year, let half, (2000...2099).contains(year), let result = HalfYear(year: year, half: half) else {
            throw ValidationError("--half 须为 \"2026-H1\"（上半年）或 \"2026-H2\"（下半年），年份在 2000 到 2099 之间；收到：\(text)")
        }
        return result
    }

    /// Levels written as `县,镇` (or `县、镇`, `county,town`).
    static func levels(_ text: String, option: String) throws -> Set<UnitLevel> {
        let parts = text.split(whereSeparator: { ",，、 ".contains($0) }).map(String.init)
        var levels = Set<UnitLevel>()
        for part in parts {
            guard let level = UnitLevel(label: part) else { throw ValidationError("\(option) 中的层级“\(part)”无效：应为 省、市、县、镇、村，用逗号分隔") }
            levels.insert(level)
        }
        guard !levels.isEmpty else { throw ValidationError("\(option) 至少要写一个层级，如 \"县,镇\"") }
        return levels
    }

    /// A level set as the settings show it: `县、镇`, top level first.
    static func levelText(_ levels: Set<UnitLevel>) -> String {
        levels.isEmpty ? "（无）" : levels.sorted().map(\.label).joined(separator: "、")
    }

    /// 学时 and other decimals as people write them: `3`, not `3.0`.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        return String(format: "%g", value)
    }
}

/// JSON for machines: keys sorted, indented, times as ISO 8601 (UTC), dates as `YYYY-MM-DD`.
enum JSONOutput {
    static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    static func print(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try data(value))
        Console.out("")
    }
}

/// A staff-number list file: one number per line; blank lines, a `工号` header and a byte-order mark are skipped.
enum StaffNumberFile {
    static let maximum = TrainingSessionDraft.capacityRange.upperBound

    static func read(_ path: String) throws -> [String] {
        let data = try readInput(path)
        guard let text = String(data: data, encoding: .utf8) else {
            Console.error("错误：\(path) 不是 UTF-8 文本")
            throw ExitCode.failure
        }
        let numbers = text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: .newlines)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            .filter { !$0.isEmpty && $0 != "工号" }
        guard numbers.count <= maximum else {
            Console.error("错误：\(path) 有 \(numbers.count) 个工号，一次最多 \(maximum) 个")
            throw ExitCode.failure
        }
        return numbers
    }
}
