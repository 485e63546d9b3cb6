import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Puts one expert in each pool of the fixture tree: province, both cities, both counties.
struct ExpertPools {
    let province: Expert
    let guangzhou: Expert
    let shaoguan: Expert
    let tianhe: Expert
    let wujiang: Expert

    static func make(_ fixture: Fixture) async throws -> ExpertPools {
        let op = try await fixture.op()
        func add(_ unit: String, _ name: String, _ category: ExpertCategory, _ specialties: [String]) async throws -> Expert {
            try await fixture.db.addExpert(ExpertDraft(unitCode: unit, name: name, category: category, specialties: specialties), by: op)
        }
        return ExpertPools(
            province: try await add(Code.province, "周教授", .university, ["政策法规", "就业创业"]),
            guangzhou: try await add(Code.guangzhou, "吴律师", .industry, ["政策法规/优抚"]),
            shaoguan: try await add(Code.shaoguan, "郑主任", .backbone, ["政策法规"]),
            tianhe: try await add(Code.tianhe, "冯站长", .backbone, ["接访", "权益维护/优待证"]),
            wujiang: try await add(Code.wujiang, "陈科长", .backbone, ["政策法规"]))
    }
}

@Suite("Training: the expert pools")
struct ExpertPoolTests {
    @Test("A county administrator sees their county's pool and, read-only, the province's and city's; never the other county's or city's")
    func scope() async throws {
        let fixture = try await Fixture.make()
        let pools = try await ExpertPools.make(fixture)
        let county = try await fixture.countyAdmin()

        let seen = try await fixture.db.experts(for: county)
        #expect(seen.map(\.id) == [pools.province.id, pools.guangzhou.id, pools.tianhe.id])
        #expect(seen.map(\.isOwnPool) == [false, false, true])
        #expect(seen[0].unitLevel == .province && seen[0].unitName == Tree.province.name)

        // The city trainer sees the province's pool, the city's and the county below it.
        let trainer = try await fixture.trainer()
        #expect(try await fixture.db.experts(for: trainer).map(\.id) == [pools.province.id, pools.guangzhou.id, pools.tianhe.id])
        #expect(try await fixture.db.experts(for: fixture.op()).count == 5)

        // Narrowing by unit: an ancestor keeps what is visible under it; a sibling is not found.
        #expect(try await fixture.db.experts(unit: Code.guangzhou, for: county).map(\.id) == [pools.guangzhou.id, pools.tianhe.id])
        #expect(try await fixture.db.experts(unit: Code.tianhe, for: county).map(\.id) == [pools.tianhe.id])
        await expectError(.notFound) { try await fixture.db.experts(unit: Code.shaoguan, for: county) }
        await expectError(.notFound) { try await fixture.db.experts(unit: Code.wujiang, for: county) }
        await expectError(.forbidden) { try await fixture.db.experts(for: fixture.staffUser()) }
    }

    @Test("A county administrator adds to their own pool only: not the province's, not a town's, and edits nothing above")
    func addInScope() async throws {
        let fixture = try await Fixture.make()
        let pools = try await ExpertPools.make(fixture)
        let county = try await fixture.countyAdmin()
        let draft = ExpertDraft(unitCode: Code.tianhe, name: "韩老师", category: .university, specialties: ["心理服务"], affiliation: "华南师范大学")

        await expectError(.notFound) {
            try await fixture.db.addExpert(ExpertDraft(unitCode: Code.province, name: "韩老师", category: .university), by: county)
        }
        await expectError(.notFound) {
            try await fixture.db.addExpert(ExpertDraft(unitCode: Code.wujiang, name: "韩老师", category: .university), by: county)
        }
        let town = await expectError(.invalid) {
            try await fixture.db.addExpert(ExpertDraft(unitCode: Code.shipai, name: "韩老师", category: .university), by: county)
        }
        #expect(town?.message.contains("专家库设在省、市、县三级") == true)
        await expectError(.forbidden) { try await fixture.db.addExpert(draft, by: fixture.trainer()) }

        let added = try await fixture.db.addExpert(draft, by: county)
        #expect(added.isOwnPool && added.unitCode == Code.tianhe && added.affiliation == "华南师范大学")

        // The province's expert is shown to the county but is not the county's to change.
        var edited = pools.province.draft
        edited.affiliation = "改"
        await expectError(.notFound) { try await fixture.db.updateExpert(pools.province.id, edited, by: county) }
        await expectError(.notFound) { try await fixture.db.removeExpert(pools.province.id, by: county) }
        // Nor may the county move its own expert up into the city's pool.
        var moved = added.draft
        moved.unitCode = Code.guangzhou
        await expectError(.notFound) { try await fixture.db.updateExpert(added.id, moved, by: county) }

        var renamed = added.draft
        renamed.specialties = ["心理服务", "政策法规/优抚"]
        #expect(try await fixture.db.updateExpert(added.id, renamed, by: county).specialties == ["心理服务", "政策法规/优抚"])
    }

    @Test("A staff number must be of the subtree; it links the person's login; one expert per person, names unique unless numbered")
    func staffLink() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let staffAccount = try #require(try await fixture.db.accountRecord("staff"))

        let linked = try await fixture.db.addExpert(
            ExpertDraft(unitCode: Code.tianhe, name: "王五", category: .backbone, specialties: ["信息采集"], staffNumber: Roster.huashiInformant.number),
            by: county)
        #expect(linked.staffNumber == Roster.huashiInformant.number && linked.accountId == staffAccount.id)
        // The director has no login yet: linked by number, no account.
        let unlinked = try await fixture.db.addExpert(
            ExpertDraft(unitCode: Code.tianhe, name: "张三", category: .backbone, staffNumber: Roster.tianheDirector.number), by: county)
        #expect(unlinked.accountId == nil)

        let outside = await expectError(.invalid) {
            try await fixture.db.addExpert(
                ExpertDraft(unitCode: Code.tianhe, name: "赵六", category: .backbone, staffNumber: Roster.wujiangDirector.number), by: county)
        }
        #expect(outside?.message == "工号 \(Roster.wujiangDirector.number) 不在您的管辖范围内")
        await expectError(.invalid) {
            try await fixture.db.addExpert(ExpertDraft(unitCode: Code.tianhe, name: "无名", category: .backbone, staffNumber: "NOPE01"), by: county)
        }
        // The same person twice, even in another pool.
        await expectError(.conflict) {
            try await fixture.db.addExpert(
                ExpertDraft(unitCode: Code.guangzhou, name: "王五", category: .backbone, staffNumber: Roster.huashiInformant.number), by: fixture.op())
        }
        // A second 王五 without a number is ambiguous; with their own number, two people may share the name.
        await expectError(.conflict) { try await fixture.db.addExpert(ExpertDraft(unitCode: Code.tianhe, name: "王五", category: .industry), by: county) }
        _ = try await fixture.db.addExpert(
            ExpertDraft(unitCode: Code.tianhe, name: "王五", category: .industry, staffNumber: Roster.shipaiReceptionist.number), by: county)
    }

    @Test("An import is all or nothing and names every bad line; a re-import updates by staff number, else by unit and name")
    func importAllOrNothing() async throws {
        let fixture = try await Fixture.make()
        let pools = try await ExpertPools.make(fixture)
        let county = try await fixture.countyAdmin()
        let before = try await fixture.db.snapshot("expert")

        let bad = ParsedImport(
            rows: [
                ExpertImportRow(line: 2, expert: ExpertDraft(unitCode: Code.tianhe, name: "甲", category: .university, specialties: ["政策法规"])),
                ExpertImportRow(line: 3, expert: ExpertDraft(unitCode: Code.wujiang, name: "乙", category: .industry)),
                ExpertImportRow(line: 4, expert: ExpertDraft(unitCode: Code.shipai, name: "丙", category: .industry)),
                ExpertImportRow(
                    line: 5, expert: ExpertDraft(unitCode: Code.tianhe, name: "丁", category: .backbone, staffNumber: Roster.xiheWorker.number)),
                ExpertImportRow(line: 7, expert: ExpertDraft(unitCode: Code.province, name: "周教授", category: .university)),
                ExpertImportRow(line: 8, expert: ExpertDraft(unitCode: "999999", name: "戊", category: .university)),
            ],
            issues: [ImportIssue(file: "experts.csv", line: 6, reason: "类别“教授”无效：应为 高校专家、行业精英、业务骨干 之一")])
        let error = await expectError(.importRejected) { try await fixture.db.importExperts(bad, file: "experts.csv", by: county) }
        let issues = error?.issues ?? []
        #expect(issues.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(issues.allSatisfy { $0.file == "experts.csv" })
        #expect(issues[0].reason == "单位编码 \(Code.wujiang) 不存在或不在您的管辖范围内")
        #expect(issues[1].reason.contains("专家库设在省、市、县三级"))
        #expect(issues[2].reason == "工号 \(Roster.xiheWorker.number) 不在您的管辖范围内")
        #expect(try await fixture.db.snapshot("expert") == before)

        // Good rows: two new, one updating the county's expert by unit and name.
        let good = ParsedImport(rows: [
            ExpertImportRow(line: 2, expert: ExpertDraft(unitCode: Code.tianhe, name: "甲", category: .university, specialties: ["政策法规"])),
            ExpertImportRow(
                line: 3,
                expert: ExpertDraft(
                    unitCode: Code.tianhe, name: "王五", category: .backbone, specialties: ["信息采集"], staffNumber: Roster.huashiInformant.number)),
            ExpertImportRow(line: 4, expert: ExpertDraft(unitCode: Code.tianhe, name: "冯站长", category: .backbone, specialties: ["接访"], affiliation: "天河区")),
        ])
        let first = try await fixture.db.importExperts(good, file: "experts.csv", by: county)
        #expect(first == ExpertImportSummary(inserted: 2, updated: 1, unchanged: 0))
        #expect(try await fixture.db.experts(query: "冯站长", for: county).map(\.id) == [pools.tianhe.id])
        #expect(try await fixture.db.experts(query: "冯站长", for: county).first?.affiliation == "天河区")

        // The same file again changes nothing; a row without 工号 for 王五 keeps the link to TH0003.
        #expect(try await fixture.db.importExperts(good, file: "experts.csv", by: county) == ExpertImportSummary(inserted: 0, updated: 0, unchanged: 3))
        let noNumber = ParsedImport(rows: [
            ExpertImportRow(line: 2, expert: ExpertDraft(unitCode: Code.tianhe, name: "王五", category: .backbone, specialties: ["信息采集", "接访"]))
        ])
        #expect(try await fixture.db.importExperts(noNumber, file: "b.csv", by: county) == ExpertImportSummary(inserted: 0, updated: 1, unchanged: 0))
        let wang = try #require(try await fixture.db.experts(query: "王五", for: county).first)
        #expect(wang.staffNumber == Roster.huashiInformant.number && wang.specialties == ["信息采集", "接访"])

        // Two rows for one expert, or a second unnumbered namesake, are refused by line.
        let clash = ParsedImport(rows: [
            ExpertImportRow(line: 2, expert: ExpertDraft(unitCode: Code.tianhe, name: "王五", category: .backbone, staffNumber: Roster.huashiInformant.number)),
            ExpertImportRow(line: 3, expert: ExpertDraft(unitCode: Code.tianhe, name: "王五", category: .industry)),
            ExpertImportRow(line: 4, expert: ExpertDraft(unitCode: Code.guangzhou, name: "新人", category: .industry)),
            ExpertImportRow(line: 5, expert: ExpertDraft(unitCode: Code.guangzhou, name: "新人", category: .industry, staffNumber: Roster.cityDirector.number)),
            ExpertImportRow(line: 6, expert: ExpertDraft(unitCode: Code.shaoguan, name: "另一人", category: .industry, staffNumber: Roster.cityDirector.number)),
        ])
        let clashed = await expectError(.importRejected) { try await fixture.db.importExperts(clash, file: "c.csv", by: fixture.op()) }
        #expect(clashed?.issues.map(\.line) == [3, 4, 5, 6])
        #expect(clashed?.issues.first?.reason == "与第 2 行是同一位专家")
        #expect(clashed?.issues.last?.reason == "工号 \(Roster.cityDirector.number) 重复（第 5 行已出现）")
        #expect(try await fixture.db.count("expert") == 7)
    }

    @Test("Specialty search matches a knowledge point and everything under it, with name, category and unit filters")
    func specialtySearch() async throws {
        let fixture = try await Fixture.make()
        let pools = try await ExpertPools.make(fixture)
        let op = try await fixture.op()
        _ = try await fixture.db.addExpert(ExpertDraft(unitCode: Code.tianhe, name: "褚研究员", category: .university, specialties: ["政策法规学"]), by: op)

        let county = try await fixture.countyAdmin()
        #expect(try await fixture.db.experts(specialty: "政策法规", for: county).map(\.id) == [pools.province.id, pools.guangzhou.id])
        #expect(try await fixture.db.experts(specialty: "政策法规/优抚", for: county).map(\.id) == [pools.guangzhou.id])
        #expect(try await fixture.db.experts(specialty: "权益维护", for: county).map(\.id) == [pools.tianhe.id])
        #expect(try await fixture.db.experts(specialty: "政策法规", for: op).map(\.id) == [pools.province.id, pools.guangzhou.id, pools.shaoguan.id, pools.wujiang.id])
        #expect(try await fixture.db.experts(specialty: "政策法规", category: .industry, for: op).map(\.id) == [pools.guangzhou.id])
        #expect(try await fixture.db.experts(query: "周", for: county).map(\.id) == [pools.province.id])
        // LIKE's own characters are text, not patterns.
        #expect(try await fixture.db.experts(query: "%", specialty: "_", for: op).isEmpty)
        await expectError(.invalid) { try await fixture.db.experts(specialty: String(repeating: "长", count: 65), for: op) }
    }

    @Test("Experts for a session's topics are ranked by how many topics they cover, from the organiser's pools and those above")
    func forTopics() async throws {
        let fixture = try await Fixture.make()
        let pools = try await ExpertPools.make(fixture)
        let county = try await fixture.countyAdmin()
        let matches = try await fixture.db.experts(forTopics: ["政策法规/优抚", "就业创业", "接访"], organiser: Code.tianhe, for: county)
        // 周教授 covers two (政策法规 is above 政策法规/优抚); then one each, the nearer pool first.
        #expect(matches.map(\.expert.id) == [pools.province.id, pools.tianhe.id, pools.guangzhou.id])
        #expect(matches[0].coveredTopics == ["政策法规/优抚", "就业创业"])
        #expect(matches[1].coveredTopics == ["接访"])
        await expectError(.notFound) { try await fixture.db.experts(forTopics: ["政策法规"], organiser: Code.wujiang, for: county) }
    }

    @Test("Activity counts held and closed sessions and their hours; an ancestor's expert only for sessions of the caller's subtree")
    func activity() async throws {
        let fixture = try await Fixture.make()
        let pools = try await ExpertPools.make(fixture)
        let op = try await fixture.op()
        let county = try await fixture.countyAdmin()
        let day = CivilDate("2023-11-15")!

        func session(_ unit: String, attendee: String, trainers: [TrainerRef], hours: Double, hold: Bool = true, close: Bool = false) async throws {
            var draft = tianheSession()
            draft.unitCode = unit
            draft.audienceUnit = unit
            draft.hours = hours
            draft.trainers = trainers
            let created = try await fixture.db.createTrainingSession(draft, by: op)
            _ = try await fixture.db.publishTrainingSession(created.id, by: op)
            if hold { _ = try await fixture.db.recordAttendance(created.id, [AttendanceMark(staffNumber: attendee, day: day, status: .attended)], by: op) }
            if close { _ = try await fixture.db.closeTrainingSession(created.id, by: op) }
        }
        try await session(Code.tianhe, attendee: Roster.huashiInformant.number, trainers: [.expert(pools.province.id), .expert(pools.tianhe.id)], hours: 3)
        try await session(Code.tianhe, attendee: Roster.huashiInformant.number, trainers: [.expert(pools.tianhe.id)], hours: 2.5, close: true)
        try await session(Code.wujiang, attendee: Roster.xiheWorker.number, trainers: [.expert(pools.province.id)], hours: 4)
        // Published but nobody attended: not held, not counted.
        try await session(Code.tianhe, attendee: Roster.huashiInformant.number, trainers: [.expert(pools.tianhe.id)], hours: 8, hold: false)

        let all = try await fixture.db.expertActivity(for: op)
        let byID = Dictionary(uniqueKeysWithValues: all.rows.map { ($0.expert.id, $0) })
        #expect(byID[pools.province.id]?.sessions == 2 && byID[pools.province.id]?.hours == 7)
        #expect(byID[pools.tianhe.id]?.sessions == 2 && byID[pools.tianhe.id]?.hours == 5.5 && byID[pools.tianhe.id]?.lastTaught == day)
        #expect(byID[pools.shaoguan.id]?.sessions == 0 && byID[pools.shaoguan.id]?.lastTaught == nil)
        #expect(all.rows.first?.expert.id == pools.province.id)
        #expect(all.table.columns == ["专家库", "姓名", "类别", "专长", "授课场次", "授课学时", "最近授课"])

        // The county sees the province's expert teach once: the other county's session is not theirs to know.
        let mine = try await fixture.db.expertActivity(for: county)
        #expect(mine.rows.map(\.expert.id).sorted() == [pools.province.id, pools.guangzhou.id, pools.tianhe.id].sorted())
        #expect(mine.rows.first { $0.expert.id == pools.province.id }?.sessions == 1)
        #expect(mine.rows.first { $0.expert.id == pools.tianhe.id }?.hours == 5.5)
        // Dates bound the sessions by their China start date.
        #expect(try await fixture.db.expertActivity(from: CivilDate("2023-11-16"), for: op).rows.allSatisfy { $0.sessions == 0 })
        #expect(try await fixture.db.expertActivity(to: day, for: op).rows.first { $0.expert.id == pools.tianhe.id }?.sessions == 2)
        await expectError(.invalid) { try await fixture.db.expertActivity(from: CivilDate("2023-12-01"), to: day, for: op) }

        // An expert named as a session's trainer (even of one not yet held) stays; one who never was may go.
        let refused = await expectError(.conflict) { try await fixture.db.removeExpert(pools.tianhe.id, by: county) }
        #expect(refused?.message.contains("是 3 场培训的授课人") == true)
        try await fixture.db.removeExpert(pools.wujiang.id, by: op)
        #expect(try await fixture.db.count("expert") == 4)
    }
}
