import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing training report …` and `training plan` on a temp-file database, and the one table printer they share.
@Suite struct TrainingReportCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("training-report") }

    static let day = "2026-03-10"

    @Test func reportsPrintExportAndGiveJSON() async throws {
        try await fixture.prepare()
        _ = try await fixture.heldSession()
        let database = try fixture.store()
        let op = try await database.operatorPrincipal()
        let county = TrainingFixture.county

        for report in ["coverage", "composition", "curriculum"] {
            try await fixture.run(["training", "report", report, "--unit", county, "--on", Self.day])
            try await fixture.run(["training", "report", report, "--on", Self.day, "--table", "summary"])
        }
        try await fixture.run(["training", "report", "half-year", "--unit", county, "--on", Self.day])
        try await fixture.run(["training", "report", "half-year", "--unit", county, "--half", "2026-H1", "--table", "warnings"])

        // --out writes the chosen table as CSV with a BOM and the table's own header.
        func exported(_ arguments: [String], _ name: String) async throws -> [String] {
            let out = fixture.path(name)
            try await fixture.run(["training", "report"] + arguments + ["--out", out])
            let (hasBOM, text) = try fixture.csv(out)
            #expect(hasBOM, "\(name)")
            return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        }
        let coverage = try await exported(["coverage", "--unit", county, "--on", Self.day], "coverage.csv")
        #expect(coverage.first == "单位,应训人数,已覆盖,未覆盖,宽限期内,覆盖率")
        #expect(coverage.last == "合计,5,2,3,0,40.0%", "\(coverage)")
        let people = try await exported(["coverage", "--unit", county, "--on", Self.day, "--table", "people"], "uncovered.csv")
        #expect(people.first == "工号,姓名,单位,最近一次培训")
        #expect(people.dropFirst().map { String($0.prefix(3)) } == ["GD3", "GD4", "GD5"])
        let half = try await exported(["half-year", "--unit", county, "--half", "2026-H1", "--on", Self.day], "half-year.csv")
        #expect(half.first == "单位,应组织单位数,已组织,未组织,达标率")
        let units = try await exported(["half-year", "--unit", county, "--half", "2026-H1", "--on", Self.day, "--table", "units"], "units.csv")
        #expect(units.first == "单位编码,单位,层级")
        #expect(units.dropFirst().map { String($0.prefix(12)) } == ["440106001000", "440106002000"], "\(units)")
        let composition = try await exported(["composition", "--unit", county, "--on", Self.day], "composition.csv")
        let compositionReport = try await database.compositionReport(unit: county, on: CivilDate("2026-03-10"), for: op)
        #expect(composition.first == compositionReport.table.columns.joined(separator: ","))
        let curriculum = try await exported(["curriculum", "--unit", county, "--on", Self.day, "--table", "people"], "curriculum.csv")
        let curriculumReport = try await database.curriculumReport(unit: county, on: CivilDate("2026-03-10"), for: op)
        #expect(curriculum.first == curriculumReport.peopleTable.columns.joined(separator: ","))
        // An existing file is never overwritten.
        #expect(await fixture.refused(["training", "report", "coverage", "--out", fixture.path("coverage.csv")]))
        // A unit outside the tree is the store's refusal.
        #expect(await fixture.refused(["training", "report", "coverage", "--unit", "999"]))

        // The typed report round-trips through the JSON the command prints.
        let report = try await database.coverageReport(unit: county, on: CivilDate("2026-03-10"), for: op)
        #expect(try JSONDecoder().decode(CoverageReport.self, from: try JSONOutput.data(report)) == report)

        guard TrainingFixture.binaryBuilt else { return }
        let json = try fixture.binary(["training", "report", "coverage", "--unit", county, "--on", Self.day, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let decoded = try JSONDecoder().decode(CoverageReport.self, from: Data(json.stdout.utf8))
        #expect(decoded.total.counts.covered == 2 && decoded.total.counts.uncovered == 3 && decoded.uncovered.map(\.number) == ["GD3", "GD4", "GD5"])
        let halfJSON = try fixture.binary(["training", "report", "half-year", "--unit", county, "--half", "2026-H1", "--on", Self.day, "--json"])
        let halfReport = try JSONDecoder().decode(HalfYearReport.self, from: Data(halfJSON.stdout.utf8))
        #expect(halfReport.total.obliged == 3 && halfReport.total.compliant == 1)
        for name in ["composition", "curriculum"] {
            let result = try fixture.binary(["training", "report", name, "--unit", county, "--on", Self.day, "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(result.status == 0 && object?["unit"] != nil, "\(name)")
        }
        let table = try fixture.binary(["training", "report", "coverage", "--unit", county, "--on", Self.day])
        #expect(table.stdout.contains("天河区 培训全覆盖情况") && table.stdout.contains("从未参训"), "\(table.stdout)")
        // With --json and --out, standard output stays JSON; the note goes to standard error.
        let both = try fixture.binary(["training", "report", "coverage", "--unit", county, "--on", Self.day, "--json", "--out", fixture.path("both.csv")])
        #expect((try? JSONDecoder().decode(CoverageReport.self, from: Data(both.stdout.utf8))) != nil && both.stderr.contains("both.csv"))
    }

    @Test func badReportOptionsAreRefusedByValidation() throws {
        let cases: [([String], String)] = [
            (["training", "report", "coverage", "--table", "units"], "--table 须为 summary、people 之一"),
            (["training", "report", "half-year", "--table", "people"], "--table 须为 summary、units、warnings 之一"),
            (["training", "report", "half-year", "--half", "2026-H3"], "--half 须为 \"2026-H1\""),
            (["training", "report", "composition", "--on", "2026-02-30"], "--on 须为日期"),
            (["training", "report", "curriculum", "--on", "2100-01-01"], "--on 须在 2000-01-01 到 2099-12-31 之间"),
            (["training", "plan", "--unit", "1", "--capacity", "0", "--weekdays", "二"], "--capacity须为 1 到 100000 人之间的整数"),
            (["training", "plan", "--unit", "1", "--capacity", "30"], "请用 --dates 文件或 --weekdays 给出可用日期"),
            (["training", "plan", "--unit", "1", "--capacity", "30", "--dates", "d.txt", "--weekdays", "二"], "二者选一"),
            (["training", "plan", "--unit", "1", "--capacity", "30", "--weekdays", "八"], "--weekdays 中的“八”无效"),
            (["training", "plan", "--unit", "1", "--capacity", "30", "--dates", "d.txt", "--from", "2026-03-01"], "--from 和 --to 只与 --weekdays 同用"),
            (["training", "plan", "--unit", "1", "--capacity", "30", "--weekdays", "二", "--kind", "茶话会"], "--kind 须为以下培训类型之一"),
            (["training", "plan", "--unit", "1", "--capacity", "30", "--weekdays", "二", "--start-time", "9点"], "--start-time 须写作 HH:MM"),
            (["training", "plan", "--unit", "1", "--capacity", "30", "--weekdays", "二", "--end-time", "08:00"], "--end-time 须晚于 --start-time"),
        ]
        for (arguments, expected) in cases {
            let message = TrainingFixture.refusal(arguments)
            #expect(message?.contains(expected) == true, "\(arguments): \(message ?? "accepted")")
        }
        #expect(try TrainingArgument.halfYear("2026-H2") == HalfYear(year: 2026, half: 2))
        #expect(try TrainingArgument.halfYear("2026上半年") == HalfYear(year: 2026, half: 1))
    }

    @Test func planShowsCohortsSaysWhatIsMissingAndAppliesAsDrafts() async throws {
        try await fixture.prepare()
        let database = try fixture.store()
        let op = try await database.operatorPrincipal()
        let county = TrainingFixture.county
        let today = CivilDate("2026-03-01")!
        let two = try fixture.write("two-dates.txt", "2026-03-03\n\n2026-03-05\n")

        // Five uncovered people, two dates of two: one person left over, one more date needed.
        try await fixture.run(["training", "plan", "--unit", county, "--capacity", "2", "--dates", two, "--on", "2026-03-01"])
        let short = try await database.planCoverage(unit: county, dates: [CivilDate("2026-03-03")!, CivilDate("2026-03-05")!], capacity: 2, on: today, for: op)
        #expect(short.toPlan == 5 && short.unplaced.count == 1 && short.missingSessionDates == 1)
        #expect(PlanText.lines(short).last == "共 2 期，安排 4 人；仍有 1 人无法覆盖，按每期 2 人还需再增加 1 个培训日。")

        // Weekdays: Tuesdays and Thursdays from 2 to 13 March.
        #expect(PlanDates.dates(from: CivilDate("2026-03-02")!, to: CivilDate("2026-03-13")!, weekdays: try PlanDates.weekdays("周二、四")).map(\.description)
            == ["2026-03-03", "2026-03-05", "2026-03-10", "2026-03-12"])
        #expect(PlanDates.isoWeekday(CivilDate("1970-01-01")!) == 4 && PlanDates.isoWeekday(CivilDate("2026-03-08")!) == 7)
        try await fixture.run([
            "training", "plan", "--unit", county, "--capacity", "3", "--weekdays", "二,四", "--from", "2026-03-02", "--to", "2026-03-13", "--on", "2026-03-01",
        ])
        try await fixture.run(["training", "plan", "--unit", county, "--capacity", "3", "--dates", two, "--on", "2026-03-01", "--topics"])

        // Applying creates one draft per cohort, everyone invited once, none over capacity.
        try await fixture.run([
            "training", "plan", "--unit", county, "--capacity", "3", "--dates", two, "--on", "2026-03-01", "--apply", "--title", "全覆盖轮训", "--hours", "4",
        ])
        let drafts = try await database.trainingSessions(page: PageRequest(page: 1, perPage: 50), for: op).items
        #expect(drafts.count == 2 && drafts.allSatisfy { $0.status == .draft && $0.invited <= 3 && $0.hours == 4 && $0.title.hasPrefix("全覆盖轮训（第") })
        var invited: [String] = []
        for draft in drafts { invited += try await database.trainingInvitees(draft.id, for: op).map(\.staff.number) }
        #expect(invited.sorted() == ["GD1", "GD2", "GD3", "GD4", "GD5"])
        // Re-planning leaves out who is already invited to a coming session.
        let again = try await database.planCoverage(unit: county, dates: [CivilDate("2026-03-10")!], capacity: 3, on: today, for: op)
        #expect(again.toPlan == 0 && again.alreadyInvited == 5)
        #expect(PlanText.lines(again).last == "本周期需参训的人员都已覆盖或已安排，无需编排。")

        // Bad date files: every bad line named, too many dates refused; a date before today is the store's refusal.
        let bad = try fixture.write("bad-dates.txt", "日期\n2026-03-03\n2026-13-01\n下周二\n1999-03-01\n")
        #expect(await fixture.refused(["training", "plan", "--unit", county, "--capacity", "3", "--dates", bad, "--on", "2026-03-01"]))
        let many = try fixture.write("many-dates.txt", (0...1_000).map { CivilDate("2026-03-02")!.adding(days: $0 % 300)!.description }.joined(separator: "\n"))
        #expect(await fixture.refused(["training", "plan", "--unit", county, "--capacity", "3", "--dates", many, "--on", "2026-03-01"]))
        #expect(await fixture.refused(["training", "plan", "--unit", county, "--capacity", "3", "--dates", two, "--on", "2026-03-04"]))

        guard TrainingFixture.binaryBuilt else { return }
        let printed = try fixture.binary(["training", "plan", "--unit", county, "--capacity", "1", "--dates", two, "--on", "2026-03-20"])
        #expect(printed.status != 0 && printed.stderr.contains("2026-03-03"), "\(printed.stderr)")
        let result = try fixture.binary(["training", "plan", "--unit", county, "--capacity", "3", "--dates", bad, "--on", "2026-03-01"])
        for line in 3...5 { #expect(result.stderr.contains("\(bad):\(line): "), "line \(line) not named:\n\(result.stderr)") }
        #expect(!result.stderr.contains("\(bad):2:"))
        let tooMany = try fixture.binary(["training", "plan", "--unit", county, "--capacity", "3", "--dates", many, "--on", "2026-03-01"])
        #expect(tooMany.stderr.contains("共 1001 个日期，最多 1000 个"), "\(tooMany.stderr)")
    }

    @Test func tablesLineUpByDisplayWidth() {
        #expect(TableText.displayWidth("天河区") == 6 && TableText.displayWidth("GD1") == 3 && TableText.displayWidth("（本级）") == 8)
        #expect(TableText.displayWidth("e\u{301}") == 1)
        let lines = TableText.render(title: "标题", columns: ["单位", "人数"], rows: [["天河区", "12"], ["Shahe", "3"], ["合计", "15"]])
        #expect(lines[0] == "标题")
        #expect(lines.dropFirst().map(TableText.displayWidth) == [12, 12, 12, 12, 12], "\(lines)")
        #expect(lines[1] == "单位    人数" && lines[2] == String(repeating: "-", count: 12) && lines[4] == "Shahe      3")
        // Text columns are left-aligned; a short row is padded with empty cells; no line ends in blanks.
        let text = TableText.render(columns: ["工号", "姓名", "备注"], rows: [["GD1", "陈一", ""], ["GD10"]])
        #expect(text == ["工号  姓名  备注", "----------------", "GD1   陈一", "GD10"])
        // Unit codes are identifiers, not quantities: left-aligned under their heading.
        #expect(TableText.render(columns: ["单位编码", "人数"], rows: [["440106001000", "3"]]).last == "440106001000     3")
        let table = ReportTable(title: "长表", columns: ["序号"], rows: (1...25).map { [String($0)] })
        let preview = TableText.render(table, limit: 20)
        #expect(preview.count == 1 + 2 + 20 + 1 && preview.last == "……另有 5 行未显示")
    }
}
