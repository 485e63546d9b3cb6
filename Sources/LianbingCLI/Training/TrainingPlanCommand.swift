import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension TrainingCommand {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "全覆盖培训排班：把本周期尚未参训的人员编入各期培训，最久未训者在前，同一乡镇（街道）尽量同一期。",
            discussion: """
                可用日期由 --dates 文件（每行一个日期）或 --weekdays 给出（如 二,四：每周二和周四，从 --from 到 --to，默认从今天到本周期结束）。\
                日期须在本周期内且不早于今天，最多 1000 个。不加 --apply 只显示计划；加 --apply 则为每期新建一场草稿培训并邀请该期人员，\
                之后可用 session edit 修改、session publish 发布。已被尚未举办的培训邀请的人不再重复编排。
                """)

        static let maximumDates = 1_000

        @OptionGroup var database: DatabaseOptions

        @Option(help: "主办单位编码（通常为县级中心）：为该单位及其下级编排。")
        var unit: String

        @Option(help: "每期人数上限（1–100000）。")
        var capacity: Int

        @Option(help: "可用日期文件：每行一个日期（YYYY-MM-DD），最多 1000 个。", completion: .file())
        var dates: String?

        @Option(help: "每周哪几天可以培训，如 \"二,四\"（一 至 日，或 1–7）。")
        var weekdays: String?

        @Option(help: "与 --weekdays 同用：从该日起（YYYY-MM-DD）；默认今天。")
        var from: String?

        @Option(help: "与 --weekdays 同用：到该日止（YYYY-MM-DD）；默认本周期最后一天。")
        var to: String?

        @Option(help: "培训类型（名称或英文值），默认专题培训班；按计划新建的培训一律计为业务培训。")
        var kind: String = TrainingKind.course.rawValue

        @Option(help: "按该日计算谁尚未参训（YYYY-MM-DD）；默认今天。")
        var on: String?

        @Flag(help: "同时按各期人员的培训标准缺少的专题，为每期拟定培训专题（缺的人多的在前，最多 20 个）。")
        var topics = false

        @Flag(help: "按计划新建草稿培训并邀请各期人员。")
        var apply = false

        @Option(help: "与 --apply 同用：培训名称，各期加“（第N期）”。")
        var title: String = "全覆盖培训"

        @Option(help: "与 --apply 同用：每期开始时刻（HH:MM，北京时间）。")
        var startTime: String = "09:00"

        @Option(help: "与 --apply 同用：每期结束时刻（HH:MM，北京时间）。")
        var endTime: String = "17:00"

        @Option(help: "与 --apply 同用：每期学时（0–500）。")
        var hours: Double = 6

        @Option(help: "与 --apply 同用：培训地点。")
        var place: String = ""

        @Flag(help: "以 JSON 输出计划（含每期人员名单）。")
        var json = false

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(capacity, in: TrainingSessionDraft.capacityRange, "--capacity", unit: "人") }
            guard (dates == nil) != (weekdays == nil) else { throw ValidationError("请用 --dates 文件或 --weekdays 给出可用日期，二者选一") }
            if dates != nil, from != nil || to != nil { throw ValidationError("--from 和 --to 只与 --weekdays 同用") }
            if let weekdays { _ = try PlanDates.weekdays(weekdays) }
            let from = try CivilDateOption.parse(from, option: "--from"), to = try CivilDateOption.parse(to, option: "--to")
            if let from, let to, to < from { throw ValidationError("--to 不能早于 --from") }
            _ = try CivilDateOption.parse(on, option: "--on")
            _ = try TrainingArgument.kind(kind)
            guard !title.trimmingCharacters(in: .whitespaces).isEmpty, title.count <= 90 else { throw ValidationError("--title 不能为空，且不超过 90 个字") }
            for (option, time) in [("--start-time", startTime), ("--end-time", endTime)] where ChinaTime.parse("2000-01-01 \(time)") == nil {
                throw ValidationError("\(option) 须写作 HH:MM，如 09:00；收到：\(time)")
            }
            guard ChinaTime.parse("2000-01-01 \(endTime)")! > ChinaTime.parse("2000-01-01 \(startTime)")! else {
                throw ValidationError("--end-time 须晚于 --start-time")
            }
            try SessionTimes.check(hours: hours)
            guard place.count <= 100 else { throw ValidationError("--place 不超过 100 个字") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let today = try CivilDateOption.parse(on, option: "--on")
                let available: [CivilDate]
                if let dates {
                    available = try PlanDates.read(dates)
                } else {
                    let day = today ?? ChinaTime.civilDate(of: Date())
                    let cycle = try await db.trainingSettings().cycle(containing: day)
                    let from = try CivilDateOption.parse(from, option: "--from") ?? day
                    let to = try CivilDateOption.parse(to, option: "--to") ?? cycle.lastDay
                    available = PlanDates.dates(from: from, to: to, weekdays: try PlanDates.weekdays(weekdays!))
                    guard !available.isEmpty else { throw LianbingError.invalid("\(from) 至 \(to) 之间没有符合 --weekdays 的日期") }
                    guard available.count <= Self.maximumDates else {
                        throw LianbingError.invalid("\(from) 至 \(to) 之间符合 --weekdays 的日期有 \(available.count) 个，最多 \(Self.maximumDates) 个")
                    }
                }
                let kind = try TrainingArgument.kind(kind)
                let plan = try await db.planCoverage(
                    unit: unit, dates: available, capacity: capacity, kind: kind, withTopics: topics, on: today, for: principal)
                if json { try JSONOutput.print(plan) } else { for line in PlanText.lines(plan) { Console.out(line) } }
                guard apply else {
                    if !json, !plan.cohorts.isEmpty { Console.out("（仅为计划；加 --apply 按计划新建草稿培训并邀请各期人员。）") }
                    return
                }
                let ids = try await db.applyCoveragePlan(
                    unit: unit, dates: available, capacity: capacity, kind: kind, withTopics: topics, on: today, title: title, startTime: startTime,
                    endTime: endTime,
                    hours: hours, place: place, by: principal)
                let note = ids.isEmpty
                    ? "没有需要编排的人员，未新建培训。"
                    : "已新建草稿培训 \(ids.count) 期（编号 \(ids.map(String.init).joined(separator: "、"))）并邀请各期人员；发布：lianbing training session publish 编号"
                if json { Console.error(note) } else { Console.out(note) }
            }
        }
    }
}

/// The dates a plan may use.
enum PlanDates {
    /// A dates file: one `YYYY-MM-DD` per line, blank lines skipped; at most `Plan.maximumDates`, each within the years
    /// records accept. Every bad line is named, as imports do.
    static func read(_ path: String) throws -> [CivilDate] {
        guard let text = String(data: try readInput(path), encoding: .utf8) else {
            Console.error("错误：\(path) 不是 UTF-8 文本")
            throw ExitCode.failure
        }
        var dates: [CivilDate] = []
        var issues: [ImportIssue] = []
        for (index, line) in text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\n").enumerated() {
            let cell = line.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ","))
            if cell.isEmpty || cell == "日期" { continue }
            guard let date = CivilDate(cell) else {
                issues.append(ImportIssue(file: path, line: index + 1, reason: "日期“\(cell)”无效：应为 2026-03-05 这样的日期"))
                continue
            }
            guard CivilDateOption.range.contains(date) else {
                issues.append(ImportIssue(file: path, line: index + 1, reason: "日期 \(date) 须在 2000-01-01 到 2099-12-31 之间"))
                continue
            }
            dates.append(date)
        }
        if dates.count > TrainingCommand.Plan.maximumDates {
            issues.append(ImportIssue(file: path, line: 0, reason: "共 \(dates.count) 个日期，最多 \(TrainingCommand.Plan.maximumDates) 个"))
        }
        if dates.isEmpty, issues.isEmpty { issues.append(ImportIssue(file: path, line: 0, reason: "文件中没有日期")) }
        if !issues.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: issues)) }
        return dates
    }

    /// ISO weekdays (1 = Monday … 7 = Sunday) from `二,四`, `周二、周四`, `2,4`.
    static func weekdays(_ text: String) throws -> Set<Int> {
        let names: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7]
        var days = Set<Int>()
        for part in text.split(whereSeparator: { ",，、 ".contains($0) }) {
            var word = String(part)
            for prefix in ["星期", "周", "礼拜"] where word.hasPrefix(prefix) { word = String(word.dropFirst(prefix.count)) }
            guard let day = names[word] ?? Int(word).flatMap({ (1...7).contains($0) ? $0 : nil }) else {
                throw ValidationError("--weekdays 中的“\(part)”无效：应为 一 至 日（或 1–7），用逗号分隔，如 \"二,四\"")
            }
            days.insert(day)
        }
        guard !days.isEmpty else { throw ValidationError("--weekdays 至少写一天，如 \"二,四\"") }
        return days
    }

    /// Every date from `from` to `to` (inclusive) falling on one of `weekdays`; stops just past the most a plan takes.
    static func dates(from: CivilDate, to: CivilDate, weekdays: Set<Int>) -> [CivilDate] {
        var dates: [CivilDate] = []
        var day = from
        while day <= to, dates.count <= TrainingCommand.Plan.maximumDates {
            if weekdays.contains(isoWeekday(day)) { dates.append(day) }
            guard let next = day.adding(days: 1) else { break }
            day = next
        }
        return dates
    }

    /// 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday.
    static func isoWeekday(_ date: CivilDate) -> Int {
        let offset = (date.dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }
}

enum PlanText {
    static func lines(_ plan: CoveragePlanResult) -> [String] {
        var lines = [
            "\(plan.unit.name)（\(plan.unit.code)）本周期 \(plan.cycle.start) 至 \(plan.cycle.lastDay)，截至 \(plan.today)：待编排 \(plan.toPlan) 人"
                + (plan.alreadyInvited > 0 ? "（另有 \(plan.alreadyInvited) 人已受邀参加尚未举办的培训，不再编排）" : "")
                + "；可用日期 \(plan.dates.count) 个，每期不超过 \(plan.capacity) 人，类型 \(plan.kind.label)。"
        ]
        if plan.toPlan == 0 {
            lines.append("本周期需参训的人员都已覆盖或已安排，无需编排。")
            return lines
        }
        lines.append("")
        let rows = plan.cohorts.enumerated().map { index, cohort in
            var towns: [String] = []
            for person in cohort.people where !towns.contains(person.groupName) { towns.append(person.groupName) }
            return ["第\(index + 1)期", cohort.date.description, String(cohort.people.count), towns.joined(separator: "、")]
        }
        lines += TableText.render(columns: ["期次", "日期", "人数", "乡镇（街道）"], rows: rows)
        lines.append("")
        let placed = plan.cohorts.reduce(0) { $0 + $1.people.count }
        if plan.unplaced.isEmpty {
            lines.append("共 \(plan.cohorts.count) 期，安排 \(placed) 人：可以全部覆盖。")
        } else {
            lines.append(
                "共 \(plan.cohorts.count) 期，安排 \(placed) 人；仍有 \(plan.unplaced.count) 人无法覆盖，"
                    + "按每期 \(plan.capacity) 人还需再增加 \(plan.missingSessionDates) 个培训日。")
        }
        return lines
    }
}
