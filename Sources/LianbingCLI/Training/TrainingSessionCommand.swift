import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension TrainingCommand {
    struct Session: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "培训活动：新建、修改、列表、查看、发布、结束、删除、邀请。",
            discussion: "流程：草稿 → 已发布（受邀人员可见，可签到）→ 已举办（已有出勤）→ 已结束（出勤锁定，更正须填写原因）。",
            subcommands: [Add.self, Edit.self, List.self, Show.self, Publish.self, Close.self, Delete.self, Invite.self])
    }
}

/// What `session add` and `session edit` share beyond the core fields: every one optional, an empty list meaning
/// "none" for add and "unchanged" for edit.
struct SessionDetailOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "是否计为业务培训（半年培训与全覆盖只计业务培训）；省略则按培训类型默认。")
    var business: Bool?

    @Option(help: "培训专题（知识点，可重复，最多 20 个）。")
    var topic: [String] = []

    @Option(help: "培训对象范围：该单位及其下级（须为主办单位或其下级）；省略则为主办单位。")
    var audience: String?

    @Option(help: "只限这些岗位（可重复）；省略则不限岗位。")
    var post: [String] = []

    @Option(help: "容量（人数上限，1–100000）；省略则不限。")
    var capacity: Int?

    @Option(help: "培训地点。")
    var place: String?

    @Option(help: "授课人姓名（可重复；专家库以外的人员）。")
    var trainer: [String] = []

    @Option(help: "授课专家编号（可重复；专家库中的专家）。")
    var expert: [Int64] = []

    func validate() throws {
        if let capacity {
            try ValidationError.bounded { try InputBounds.check(capacity, in: TrainingSessionDraft.capacityRange, "--capacity", unit: "人") }
        }
        guard topic.count <= 20 else { throw ValidationError("--topic 最多 20 个") }
        if let bad = topic.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.count > 64 || $0.contains("|") }) {
            throw ValidationError("--topic 不能为空、不超过 64 个字，也不能含“|”；收到：\(bad)")
        }
        guard trainer.count + expert.count <= 20 else { throw ValidationError("授课人（--trainer 与 --expert 合计）最多 20 位") }
        if let bad = trainer.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.count > 32 }) {
            throw ValidationError("--trainer 姓名不能为空，且不超过 32 个字；收到：\(bad)")
        }
        if let bad = expert.first(where: { $0 <= 0 }) { throw ValidationError("--expert 须为正整数的专家编号；收到：\(bad)") }
        if let place, place.count > 100 { throw ValidationError("--place 不超过 100 个字") }
    }

    var trainers: [TrainerRef] { expert.map(TrainerRef.expert) + trainer.map(TrainerRef.name) }
}

/// The start, end and hours options, checked the same way for add and edit.
enum SessionTimes {
    static func starts(_ text: String) throws -> Date { try ChinaTimeOption.parse(text, option: "--starts") }
    static func ends(_ text: String) throws -> Date { try ChinaTimeOption.parse(text, option: "--ends") }

    static func check(hours: Double) throws {
        guard hours.isFinite, TrainingSessionDraft.hoursRange.contains(hours) else { throw ValidationError("--hours 须为 0 到 500 之间的数（学时）") }
    }

    static func check(starts: Date, ends: Date) throws {
        guard ends > starts else { throw ValidationError("--ends 须晚于 --starts") }
        guard ends.timeIntervalSince(starts) <= Double(TrainingSessionDraft.maximumDays) * 86_400 else {
            throw ValidationError("一次培训最长 \(TrainingSessionDraft.maximumDays) 天")
        }
    }
}

extension TrainingCommand.Session {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建一场培训（草稿）；发布前可修改、可删除。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "主办单位编码。")
        var unit: String

        @Option(help: "培训名称（不超过 100 个字）。")
        var title: String

        @Option(help: "培训类型：专题培训班、以会代训、组织观摩、实践教学、学习日、网校学习、上级调训、其他（或 course、meeting 等）。")
        var kind: String

        @Option(help: "开始时间（北京时间），如 \"2026-03-05 09:00\"。")
        var starts: String

        @Option(help: "结束时间（北京时间），如 \"2026-03-05 17:00\"；多日培训最长 31 天。")
        var ends: String

        @Option(help: "整场培训的学时（0–500）。")
        var hours: Double

        @OptionGroup var details: SessionDetailOptions

        func validate() throws {
            _ = try TrainingArgument.kind(kind)
            try SessionTimes.check(starts: try SessionTimes.starts(starts), ends: try SessionTimes.ends(ends))
            try SessionTimes.check(hours: hours)
            guard !title.trimmingCharacters(in: .whitespaces).isEmpty, title.count <= 100 else { throw ValidationError("--title 不能为空，且不超过 100 个字") }
        }

        func run() async throws {
            try await reportingErrors {
                let draft = TrainingSessionDraft(
                    unitCode: unit, title: title, kind: try TrainingArgument.kind(kind), isBusiness: details.business,
                    startsAt: try SessionTimes.starts(starts), endsAt: try SessionTimes.ends(ends), hours: hours, topics: details.topic,
                    audienceUnit: details.audience, audiencePosts: details.post, capacity: details.capacity, place: details.place ?? "",
                    trainers: details.trainers)
                let db = try database.open()
                let session = try await db.createTrainingSession(draft, by: try await db.operatorPrincipal())
                Console.out("已新建培训 \(session.id)（草稿）。邀请人员：lianbing training session invite \(session.id) --all；发布：lianbing training session publish \(session.id)")
                for line in SessionText.detail(session) { Console.out("  " + line) }
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "修改尚未结束的培训：只改给出的选项，其余不变；主办单位不能改。",
            discussion: "给出 --topic、--post 或 --trainer/--expert 时替换原来的整组。改了 --kind 而未写 --business/--no-business 时，按新类型的默认值。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号。")
        var id: Int64

        @Option(help: "新的培训名称。")
        var title: String?

        @Option(help: "新的培训类型（名称或英文值）。")
        var kind: String?

        @Option(help: "新的开始时间（北京时间）。")
        var starts: String?

        @Option(help: "新的结束时间（北京时间）。")
        var ends: String?

        @Option(help: "新的学时（0–500）。")
        var hours: Double?

        @Flag(name: .customLong("no-capacity"), help: "取消容量限制。")
        var noCapacity = false

        @OptionGroup var details: SessionDetailOptions

        func validate() throws {
            if let kind { _ = try TrainingArgument.kind(kind) }
            if let starts { _ = try SessionTimes.starts(starts) }
            if let ends { _ = try SessionTimes.ends(ends) }
            if let starts, let ends { try SessionTimes.check(starts: try SessionTimes.starts(starts), ends: try SessionTimes.ends(ends)) }
            if let hours { try SessionTimes.check(hours: hours) }
            if let title, title.trimmingCharacters(in: .whitespaces).isEmpty || title.count > 100 { throw ValidationError("--title 不能为空，且不超过 100 个字") }
            if noCapacity, details.capacity != nil { throw ValidationError("--capacity 与 --no-capacity 只能选一个") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                var draft = try await db.trainingSession(id, for: principal).draft
                if let title { draft.title = title }
                if let kind {
                    draft.kind = try TrainingArgument.kind(kind)
                    draft.isBusiness = nil
                }
                if let business = details.business { draft.isBusiness = business }
                if let starts { draft.startsAt = try SessionTimes.starts(starts) }
                if let ends { draft.endsAt = try SessionTimes.ends(ends) }
                if let hours { draft.hours = hours }
                if !details.topic.isEmpty { draft.topics = details.topic }
                if let audience = details.audience { draft.audienceUnit = audience }
                if !details.post.isEmpty { draft.audiencePosts = details.post }
                if let capacity = details.capacity { draft.capacity = capacity }
                if noCapacity { draft.capacity = nil }
                if let place = details.place { draft.place = place }
                if !details.trainers.isEmpty { draft.trainers = details.trainers }
                let session = try await db.updateTrainingSession(id, draft, by: principal)
                Console.out("已修改培训 \(session.id)。")
                for line in SessionText.detail(session) { Console.out("  " + line) }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出培训，开始时间最近的在前：本单位及下级主办的，以及上级主办、邀请了本单位人员的。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "只看该单位及其下级（单位编码）。")
        var unit: String?

        @Option(help: "只看该状态：草稿、已发布、已举办、已结束（或 draft、published、held、closed）。")
        var status: String?

        @Option(help: "开始日期不早于该日（YYYY-MM-DD）。")
        var from: String?

        @Option(help: "开始日期不晚于该日（YYYY-MM-DD）。")
        var to: String?

        @Flag(help: "以 JSON 输出（键按字母排序，时间为 ISO 8601）。")
        var json = false

        func validate() throws {
            if let status { _ = try TrainingArgument.status(status) }
            let from = try CivilDateOption.parse(from, option: "--from"), to = try CivilDateOption.parse(to, option: "--to")
            if let from, let to, to < from { throw ValidationError("--to 不能早于 --from") }
        }

        func run() async throws {
            try await reportingErrors {
                let filter = TrainingSessionFilter(
                    unit: unit, status: try status.map(TrainingArgument.status), from: try CivilDateOption.parse(from, option: "--from"),
                    to: try CivilDateOption.parse(to, option: "--to"))
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                var sessions: [TrainingSession] = []
                var page = 1
                while true {
                    let result = try await db.trainingSessions(filter, page: PageRequest(page: page, perPage: PageRequest.maximumPerPage), for: principal)
                    sessions += result.items
                    if result.items.isEmpty || sessions.count >= result.total { break }
                    page += 1
                }
                if json { return try JSONOutput.print(sessions) }
                for line in TableText.render(columns: ["编号", "日期", "主办单位", "名称", "类型", "状态", "受邀/出席"], rows: sessions.map(SessionText.row)) {
                    Console.out(line)
                }
                Console.out("共 \(sessions.count) 场培训。")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示一场培训的全部信息、受邀人员、每天的出勤，及结束后的出勤更正。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号。")
        var id: Int64

        @Flag(help: "以 JSON 输出（培训、受邀人员、出勤、出勤更正）。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let detail = SessionDetail(
                    session: try await db.trainingSession(id, for: principal), invitees: try await db.trainingInvitees(id, for: principal),
                    attendance: try await db.trainingAttendance(id, for: principal),
                    amendments: try await db.attendanceAmendments(id, for: principal))
                if json { return try JSONOutput.print(detail) }
                for line in SessionText.detail(detail.session) { Console.out(line) }
                Console.out("")
                for line in TableText.render(
                    title: "受邀人员（\(detail.invitees.count) 人）", columns: ["工号", "姓名", "单位", "岗位"],
                    rows: detail.invitees.map { [$0.staff.number, $0.staff.name, $0.unitName, $0.staff.post] })
                {
                    Console.out(line)
                }
                Console.out("")
                for line in TableText.render(
                    title: "出勤（\(detail.attendance.count) 条）", columns: ["日期", "工号", "姓名", "单位", "状态", "学时", "备注"],
                    rows: detail.attendance.map {
                        [$0.day.description, $0.staffNumber, $0.name, $0.unitName, $0.status.label + ($0.isWalkIn ? "（未受邀）" : ""),
                         TrainingArgument.number($0.hours), $0.reason]
                    })
                {
                    Console.out(line)
                }
                guard !detail.amendments.isEmpty else { return }
                Console.out("")
                for line in TableText.render(
                    title: "结束后的出勤更正（\(detail.amendments.count) 条）", columns: ["时间", "日期", "工号", "姓名", "更正前", "更正后", "原因", "更正人"],
                    rows: detail.amendments.map {
                        [ChinaTime.format($0.at), $0.day.description, $0.staffNumber, $0.name, $0.before ?? "（无）", $0.after, $0.reason, $0.actor]
                    })
                {
                    Console.out(line)
                }
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "发布培训：受邀人员可以看到，培训当天可以签到。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号（草稿）。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let session = try await db.publishTrainingSession(id, by: try await db.operatorPrincipal())
                Console.out("已发布培训 \(session.id)：\(session.title)（受邀 \(session.invited) 人）。")
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "结束培训：出勤锁定，此后更正须填写更正原因并留痕。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号（已发布或已举办）。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let session = try await db.closeTrainingSession(id, by: try await db.operatorPrincipal())
                Console.out("已结束培训 \(session.id)：\(session.title)（受邀 \(session.invited) 人，出席 \(session.attended) 人）。")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "删除培训草稿；已发布的培训不能删除。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号（草稿）。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.deleteTrainingSession(id, by: try await db.operatorPrincipal())
                Console.out("已删除培训草稿 \(id)。")
            }
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "邀请人员参加培训：培训对象范围内的全部在岗人员，或指定工号。受邀人员须在培训对象范围内，总数不超过容量。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号。")
        var id: Int64

        @Flag(help: "邀请培训对象范围内的全部在岗人员。")
        var all = false

        @Option(help: "邀请该工号的人员（可重复）。")
        var staff: [String] = []

        @Option(help: "从文件读取工号，每行一个（UTF-8）。", completion: .file())
        var staffFile: String?

        func validate() throws {
            let modes = [all, !staff.isEmpty, staffFile != nil].filter { $0 }.count
            guard modes == 1 else { throw ValidationError("请用 --all、--staff 或 --staff-file 三者之一指定邀请谁") }
            guard staff.count <= StaffNumberFile.maximum else { throw ValidationError("--staff 一次最多 \(StaffNumberFile.maximum) 个") }
            if let bad = staff.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw ValidationError("--staff 工号不能为空：“\(bad)”") }
        }

        func run() async throws {
            try await reportingErrors {
                let numbers: [String]? = all ? nil : try staffFile.map(StaffNumberFile.read) ?? staff.map { $0.trimmingCharacters(in: .whitespaces) }
                if let numbers, numbers.isEmpty {
                    Console.error("错误：\(staffFile ?? "--staff") 中没有工号")
                    throw ExitCode.failure
                }
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let before = try await db.trainingSession(id, for: principal).invited
                let session = try await db.inviteToTraining(id, staff: numbers, by: principal)
                Console.out("已邀请 \(session.invited - before) 人，培训 \(session.id) 现共受邀 \(session.invited) 人。")
            }
        }
    }
}

/// A session, its invitees and its attendance: what `session show --json` prints.
struct SessionDetail: Codable {
    var session: TrainingSession
    var invitees: [StaffListing]
    var attendance: [AttendanceEntry]
    var amendments: [AttendanceAmendment]
}

/// Sessions as text for the terminal.
enum SessionText {
    static func row(_ session: TrainingSession) -> [String] {
        [
            String(session.id), ChinaTime.civilDate(of: session.startsAt).description, session.unitName, session.title, session.kind.label,
            session.status.label, "\(session.invited)/\(session.attended)",
        ]
    }

    static func detail(_ session: TrainingSession) -> [String] {
        let trainers = session.trainers.map { trainer in trainer.expertId.map { "\(trainer.name)（专家 \($0)）" } ?? trainer.name }
        var lines = [
            "培训 \(session.id)：\(session.title)",
            "主办单位：\(session.unitName)（\(session.unitCode)）",
            "类型：\(session.kind.label)，\(session.isBusiness ? "计为业务培训" : "不计为业务培训")",
            "时间（北京时间）：\(ChinaTime.format(session.startsAt)) 至 \(ChinaTime.format(session.endsAt))（\(session.days.count) 天）",
            "学时：\(TrainingArgument.number(session.hours))",
            "专题：\(session.topics.isEmpty ? "（无）" : session.topics.joined(separator: "、"))",
            "培训对象：\(session.audienceUnitName)（\(session.audienceUnit)）及下级"
                + (session.audiencePosts.isEmpty ? "，不限岗位" : "，岗位：\(session.audiencePosts.joined(separator: "、"))"),
            "容量：\(session.capacity.map { "\($0) 人" } ?? "不限")",
            "地点：\(session.place.isEmpty ? "（未填）" : session.place)",
            "授课人：\(trainers.isEmpty ? "（未填）" : trainers.joined(separator: "、"))",
            "状态：\(session.status.label)",
            "受邀 \(session.invited) 人，出席 \(session.attended) 人",
            "创建人：\(session.createdBy)",
        ]
        if let published = session.publishedAt { lines.append("发布时间：\(ChinaTime.format(published))") }
        if let closed = session.closedAt { lines.append("结束登记时间：\(ChinaTime.format(closed))") }
        return lines
    }
}
