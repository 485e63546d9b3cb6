import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing training session …`, `training attend` and `training settings` on a temp-file database.
@Suite struct TrainingSessionCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("training-session") }

    func sessions() async throws -> [TrainingSession] {
        let database = try fixture.store()
        return try await database.trainingSessions(page: PageRequest(page: 1, perPage: 50), for: try await database.operatorPrincipal()).items
    }

    func session(_ id: Int64) async throws -> TrainingSession {
        let database = try fixture.store()
        return try await database.trainingSession(id, for: try await database.operatorPrincipal())
    }

    func attendance(_ id: Int64) async throws -> [AttendanceEntry] {
        let database = try fixture.store()
        return try await database.trainingAttendance(id, for: try await database.operatorPrincipal())
    }

    @Test func addEditInvitePublishAttendCloseAndDelete() async throws {
        try await fixture.prepare()
        try await fixture.run(TrainingFixture.addArguments(
            ["--topic", "权益维护", "--topic", "接访", "--capacity", "4", "--place", "区中心三楼会议室", "--trainer", "王老师"]))
        let id = try #require(try await sessions().first).id
        var created = try await session(id)
        #expect(created.kind == .course && created.isBusiness && created.status == .draft)
        #expect(created.days.map(\.description) == ["2026-03-05", "2026-03-06"] && created.hours == 12)
        #expect(created.topics == ["权益维护", "接访"] && created.capacity == 4 && created.place == "区中心三楼会议室")
        #expect(created.trainers.map(\.name) == ["王老师"] && created.audienceUnit == TrainingFixture.county)
        // A post that does not exist is the store's refusal: nothing is created.
        #expect(await fixture.refused(TrainingFixture.addArguments(title: "岗位不存在", ["--post", "厨师"])))
        #expect(try await sessions().count == 1)

        // Edit changes only what is given; a new kind takes its own business default unless told otherwise.
        try await fixture.run(["training", "session", "edit", "\(id)", "--title", "接访业务培训（改）", "--kind", "学习日"])
        created = try await session(id)
        #expect(created.title == "接访业务培训（改）" && created.kind == .studyDay && !created.isBusiness && created.topics == ["权益维护", "接访"])
        try await fixture.run(["training", "session", "edit", "\(id)", "--business", "--topic", "政策法规"])
        created = try await session(id)
        #expect(created.isBusiness && created.topics == ["政策法规"] && created.capacity == 4)

        // Invitations: by number, from a file, over capacity refused, then everyone in the audience.
        try await fixture.run(["training", "session", "invite", "\(id)", "--staff", "GD1", "--staff", "GD2"])
        try await fixture.run(["training", "session", "invite", "\(id)", "--staff-file", try fixture.write("numbers.txt", "\u{FEFF}工号\nGD3\n\nGD4\n")])
        #expect(try await session(id).invited == 4)
        #expect(await fixture.refused(["training", "session", "invite", "\(id)", "--staff", "GD5"]))
        #expect(await fixture.refused(["training", "session", "invite", "\(id)", "--staff", "GD6"]))
        try await fixture.run(["training", "session", "edit", "\(id)", "--no-capacity"])
        try await fixture.run(["training", "session", "invite", "\(id)", "--all"])
        let everyone = try await session(id)
        #expect(everyone.invited == 5 && everyone.capacity == nil)

        try await fixture.run(["training", "session", "list"])
        try await fixture.run(["training", "session", "list", "--status", "草稿", "--unit", TrainingFixture.county, "--from", "2026-03-01", "--to", "2026-03-31"])
        try await fixture.run(["training", "session", "show", "\(id)"])

        // Attendance waits for publication.
        #expect(await fixture.refused(["training", "attend", "\(id)", "--staff", "GD1", "--day", "2026-03-05", "--status", "出席"]))
        try await fixture.run(["training", "session", "publish", "\(id)"])
        #expect(try await session(id).status == .published)
        try await fixture.run(["training", "attend", "\(id)", "--staff", "GD1", "--day", "2026-03-05", "--status", "出席"])
        #expect(try await session(id).status == .held)
        let single = try #require(try await attendance(id).first)
        #expect(single.staffNumber == "GD1" && single.status == .attended && single.hours == 6)

        // A bad file is refused whole; a good one is recorded whole.
        let bad = try fixture.write("bad.csv", """
            工号,日期,状态,学时,备注
            GD2,2026-03-07,出席,,
            GD9,2026-03-05,出席,,
            GD3,2026-03-05,迟到,,
            GD6,2026-03-05,出席,,
            GD4,2026-03-05,出席,,

            """)
        #expect(await fixture.refused(["training", "attend", "\(id)", "--import", bad]))
        #expect(try await attendance(id).count == 1)
        try await fixture.run(["training", "attend", "\(id)", "--import", try fixture.write("good.csv", """
            工号,日期,状态,学时,备注
            GD2,2026-03-05,出席,6,
            GD3,2026-03-05,请假,,家中有事
            GD4,2026-03-06,出席,,

            """)])
        let recorded = try await attendance(id)
        #expect(recorded.count == 4)
        #expect(recorded.first { $0.staffNumber == "GD3" }.map { $0.status == .excused && $0.reason == "家中有事" } == true)
        try await fixture.run(["training", "attend", "\(id)", "--staff", "GD5", "--day", "2026-03-06", "--status", "缺席", "--note", "值班"])
        #expect(try await attendance(id).first { $0.staffNumber == "GD5" }?.reason == "值班")

        // Closed: attendance is locked; a correction needs a reason.
        try await fixture.run(["training", "session", "close", "\(id)"])
        #expect(await fixture.refused(["training", "attend", "\(id)", "--staff", "GD5", "--day", "2026-03-06", "--status", "出席"]))
        try await fixture.run(["training", "attend", "\(id)", "--staff", "GD5", "--day", "2026-03-06", "--status", "出席", "--reason", "签到表漏记"])
        #expect(try await attendance(id).first { $0.staffNumber == "GD5" }?.status == .attended)
        #expect(await fixture.refused(["training", "session", "edit", "\(id)", "--title", "结束后不能改"]))
        #expect(await fixture.refused(["training", "session", "publish", "\(id)"]))

        // Only drafts are deleted.
        #expect(await fixture.refused(["training", "session", "delete", "\(id)"]))
        try await fixture.run(TrainingFixture.addArguments(title: "待删除的草稿"))
        let draft = try #require(try await sessions().first { $0.status == .draft }).id
        try await fixture.run(["training", "session", "delete", "\(draft)"])
        #expect(try await sessions().map(\.id) == [id])

        guard TrainingFixture.binaryBuilt else { return }
        // Every bad line is named as file:line, the good line is not.
        let result = try fixture.binary(["training", "attend", "\(id)", "--import", bad, "--reason", "补录"])
        #expect(result.status != 0)
        for line in 2...5 { #expect(result.stderr.contains("\(bad):\(line): "), "line \(line) not named:\n\(result.stderr)") }
        #expect(!result.stderr.contains("\(bad):6:"), "\(result.stderr)")
        #expect(result.stderr.contains("迟到"))

        // JSON decodes: the list, and a session with its invitees and attendance.
        let list = try fixture.binary(["training", "session", "list", "--json"])
        #expect(list.status == 0)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let listed = try decoder.decode([TrainingSession].self, from: Data(list.stdout.utf8))
        #expect(listed.map(\.id) == [id] && listed[0].invited == 5)
        let show = try fixture.binary(["training", "session", "show", "\(id)", "--json"])
        let detail = try decoder.decode(SessionDetail.self, from: Data(show.stdout.utf8))
        #expect(detail.invitees.map(\.staff.number) == ["GD1", "GD2", "GD3", "GD4", "GD5"] && detail.attendance.count == 5)
        // The correction after closing is listed with its reason.
        #expect(detail.amendments.map(\.staffNumber) == ["GD5"] && detail.amendments.map(\.reason) == ["签到表漏记"])
        let shown = try fixture.binary(["training", "session", "show", "\(id)"])
        #expect(shown.stdout.contains("结束后的出勤更正（1 条）") && shown.stdout.contains("签到表漏记"), "\(shown.stdout)")
        let table = try fixture.binary(["training", "session", "list"])
        #expect(table.stdout.contains("接访业务培训（改）") && table.stdout.contains("5/4") && table.stdout.contains("已结束"), "\(table.stdout)")
    }

    @Test func badOptionsAreRefusedByValidationInChinese() {
        let add = TrainingFixture.addArguments()
        func replacing(_ option: String, with value: String) -> [String] {
            var arguments = add
            arguments[arguments.firstIndex(of: option)! + 1] = value
            return arguments
        }
        let cases: [([String], String)] = [
            (add + ["--capacity", "0"], "--capacity须为 1 到 100000 人之间的整数"),
            (add.filter { $0 != "--hours" && $0 != "12" } + ["--hours=-1"], "--hours 须为 0 到 500 之间的数"),
            (replacing("--hours", with: "501"), "--hours 须为 0 到 500 之间的数"),
            (replacing("--starts", with: "下周三上午"), "--starts 须为北京时间"),
            (replacing("--starts", with: "1999-12-31 09:00"), "须在 2000-01-01 到 2099-12-31 之间"),
            (replacing("--ends", with: "2026-03-05 08:00"), "--ends 须晚于 --starts"),
            (replacing("--ends", with: "2026-05-05 08:00"), "一次培训最长 31 天"),
            (replacing("--kind", with: "茶话会"), "--kind 须为以下培训类型之一"),
            (add + ["--expert", "0"], "--expert 须为正整数的专家编号"),
            (["training", "session", "edit", "1", "--capacity", "3", "--no-capacity"], "--capacity 与 --no-capacity 只能选一个"),
            (["training", "session", "list", "--status", "进行中"], "--status 须为以下状态之一"),
            (["training", "session", "list", "--from", "2026-03-31", "--to", "2026-03-01"], "--to 不能早于 --from"),
            (["training", "session", "invite", "1"], "请用 --all、--staff 或 --staff-file 三者之一"),
            (["training", "session", "invite", "1", "--all", "--staff", "GD1"], "请用 --all、--staff 或 --staff-file 三者之一"),
            (["training", "attend", "1"], "请用 --import 导入考勤表"),
            (["training", "attend", "1", "--import", "a.csv", "--staff", "GD1"], "不能同时使用"),
            (["training", "attend", "1", "--staff", "GD1", "--day", "2026-3-5x", "--status", "出席"], "--day 须为日期"),
            (["training", "attend", "1", "--staff", "GD1", "--day", "2026-03-05", "--status", "迟到"], "--status 须为 出席、缺席 或 请假"),
            (["training", "attend", "1", "--staff", "GD1", "--day", "2026-03-05", "--status", "出席", "--hours", "25"], "--hours 须为 0 到 24 之间的数"),
            (["training", "attend", "1", "--staff", "GD1", "--day", "2026-03-05", "--status", "缺席", "--hours", "3"], "状态为缺席时不能记学时"),
            (["training", "settings", "set"], "请至少给出一项要修改的规则"),
            (["training", "settings", "set", "--cycle-months", "0"], "--cycle-months须为 1 到 60 个月之间的整数"),
            (["training", "settings", "set", "--cycle-start-month", "13"], "--cycle-start-month须为 1 到 12 月之间的整数"),
            (["training", "settings", "set", "--warning-days", "200"], "--warning-days须为 0 到 181 天之间的整数"),
            (["training", "settings", "set", "--grace-days=-5"], "--grace-days须为 0 到 730 天之间的整数"),
            (["training", "settings", "set", "--veteran-threshold", "很多"], "--veteran-threshold 须为 0 到 10000000 之间的整数，或 none"),
            (["training", "settings", "set", "--obliged-levels", "县,乡村"], "--obliged-levels 中的层级“乡村”无效"),
            (["training", "settings", "set", "--coverage-levels", ","], "--coverage-levels 至少要写一个层级"),
            (["training", "settings", "set", "--specialist", String(repeating: "法", count: 17)], "--specialist 最多 10 个"),
        ]
        for (arguments, expected) in cases {
            let message = TrainingFixture.refusal(arguments)
            #expect(message?.contains(expected) == true, "\(arguments): \(message ?? "accepted")")
        }
        // `--hours -1` reads as an option rather than a value: refused all the same.
        #expect(TrainingFixture.refusal(add.map { $0 == "12" ? "-1" : $0 }) != nil)
        #expect(TrainingFixture.refusal(add) == nil)
    }

    @Test func settingsShowAndSetChangeOnlyWhatIsGiven() async throws {
        try await fixture.prepare()
        let database = try fixture.store()
        try await fixture.run(["training", "settings", "show"])
        try await fixture.run(["training", "settings", "show", "--json"])
        try await fixture.run([
            "training", "settings", "set", "--obliged-levels", "县、镇,村", "--veteran-threshold", "300", "--warning-days", "20", "--cycle-start-month", "7",
            "--cycle-months", "6", "--grace-days", "60", "--coverage-levels", "镇,村", "--specialist", "法律", "--specialist", "心理服务",
        ])
        var settings = try await database.trainingSettings()
        #expect(settings.obligation.levels == [.county, .town, .village] && settings.obligation.veteranThreshold == 300)
        #expect(settings.warningDays == 20 && settings.cycleStartMonth == 7 && settings.cycleMonths == 6 && settings.graceDays == 60)
        #expect(settings.coverageLevels == [.town, .village] && settings.specialistKeywords == ["法律", "心理服务"])
        try await fixture.run(["training", "settings", "set", "--veteran-threshold", "none"])
        settings = try await database.trainingSettings()
        #expect(settings.obligation.veteranThreshold == nil && settings.cycleMonths == 6 && settings.specialistKeywords == ["法律", "心理服务"])
        #expect(SettingsText.lines(settings).contains("全覆盖培训周期：每 6 个月，自 7 月 1 日起"))
        #expect(SettingsText.lines(TrainingSettings()).contains("每半年须组织业务培训的层级：县、镇；另含标记为任务较重的单位"))

        guard TrainingFixture.binaryBuilt else { return }
        let json = try fixture.binary(["training", "settings", "show", "--json"])
        #expect(try JSONDecoder().decode(TrainingSettings.self, from: Data(json.stdout.utf8)) == settings)
        let text = try fixture.binary(["training", "settings", "show"])
        #expect(text.stdout.contains("新入职宽限天数：60 天") && text.stdout.contains("按辖区退役军人数须组织的门槛：不按人数"), "\(text.stdout)")
    }

    @Test(.enabled(if: TrainingFixture.binaryBuilt)) func everyTrainingCommandHasHelp() throws {
        for command in [
            ["training"], ["training", "session"], ["training", "session", "add"], ["training", "session", "edit"], ["training", "session", "list"],
            ["training", "session", "show"], ["training", "session", "publish"], ["training", "session", "close"], ["training", "session", "delete"],
            ["training", "session", "invite"], ["training", "attend"], ["training", "settings", "show"], ["training", "settings", "set"],
            ["training", "report", "coverage"], ["training", "report", "half-year"], ["training", "report", "composition"],
            ["training", "report", "curriculum"], ["training", "plan"], ["training", "standard"], ["org", "set"], ["staff", "move"], ["staff", "leave"], ["staff", "placement"],
        ] {
            let result = try BinaryTests.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
