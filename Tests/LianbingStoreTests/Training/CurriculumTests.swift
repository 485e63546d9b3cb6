import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training: curriculum standards and their report")
struct CurriculumTests {
    /// A held session of 天河区 on `start` (China time) with `topics`, attended by `attendees`.
    static func heldSession(
        _ fixture: Fixture, on start: String, hours: Double, topics: [String], attendees: [String], kind: TrainingKind = .course
    ) async throws {
        let op = try await fixture.op()
        let startsAt = ChinaTime.parse(start)!
        let draft = TrainingSessionDraft(
            unitCode: Code.tianhe, title: "专题培训", kind: kind, startsAt: startsAt, endsAt: startsAt.addingTimeInterval(3 * 3600), hours: hours,
            topics: topics)
        let session = try await fixture.db.createTrainingSession(draft, by: op)
        _ = try await fixture.db.publishTrainingSession(session.id, by: op)
        let day = ChinaTime.civilDate(of: startsAt)
        _ = try await fixture.db.recordAttendance(session.id, attendees.map { AttendanceMark(staffNumber: $0, day: day, status: .attended) }, by: op)
    }

    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("Setting a standard today does not change last cycle's report; dating one into an ended cycle is refused")
    func versions() async throws {
        let fixture = try await Fixture.make()  // today: 2023-11-15
        let op = try await fixture.op()
        let informant = Roster.huashiInformant.number
        let first = try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 6, topics: ["权益维护"], by: op)
        #expect(first.version == 1 && first.effectiveFrom == Self.day("2023-11-15"))
        try await Self.heldSession(fixture, on: "2023-11-15 09:00", hours: 6, topics: ["权益维护/优待证"], attendees: [informant])

        let lastDayOf2023 = Self.day("2023-12-31")
        let before = try await fixture.db.curriculumReport(unit: Code.tianhe, on: lastDayOf2023, for: op)
        #expect(before.total.counts.withStandard == 1 && before.total.counts.meeting == 1)
        #expect(before.people.map(\.number) == [informant] && before.people[0].isMet && before.people[0].doneHours == 6)

        // 2024-02-01: the standard is raised.
        fixture.clock.advance(by: 78 * 86_400)
        await expectError(.invalid) {
            try await fixture.db.setCurriculumStandard(
                post: Post.informant, level: .village, hours: 10, topics: ["权益维护", "接访"], effectiveFrom: Self.day("2023-12-01"), by: op)
        }
        let raised = try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 10, topics: ["权益维护", "接访"], by: op)
        #expect(raised.version == 2 && raised.effectiveFrom == Self.day("2024-02-01"))

        #expect(try await fixture.db.curriculumReport(unit: Code.tianhe, on: lastDayOf2023, for: op) == before)
        let now = try await fixture.db.curriculumReport(unit: Code.tianhe, for: op)
        #expect(now.today == Self.day("2024-02-01") && now.cycle == TrainingCycle.calendarYear(2024)!)
        #expect(now.total.counts.withStandard == 1 && now.total.counts.meeting == 0)
        #expect(now.people[0].standardVersion == 2 && now.people[0].doneHours == 0 && now.people[0].missingTopics == ["权益维护", "接访"])

        let list = try await fixture.db.curriculumStandards(for: fixture.staffUser())
        #expect(list.versions.map(\.standard.version) == [1, 2])
        #expect(list.versions.map(\.status) == [.superseded, .current])
        #expect(list.current == [raised])
        #expect(list.table.rows.map { $0[6] } == ["已被取代", "本周期适用"])
        // A version for next year is scheduled; it leaves this year's standard alone.
        _ = try await fixture.db.setCurriculumStandard(
            post: Post.informant, level: .village, hours: 12, topics: [], effectiveFrom: Self.day("2025-01-01"), by: op)
        #expect(try await fixture.db.curriculumStandards(for: op).versions.map(\.status) == [.superseded, .current, .scheduled])
        #expect(try await fixture.db.curriculumReport(unit: Code.tianhe, for: op) == now)
    }

    @Test("Only a province administrator sets standards, for posts that exist, within bounds")
    func settingRules() async throws {
        let fixture = try await Fixture.make()
        await expectError(.forbidden) {
            try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 6, topics: [], by: fixture.countyAdmin())
        }
        await expectError(.forbidden) {
            try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 6, topics: [], by: fixture.trainer())
        }
        let province = try await fixture.provinceAdmin()
        await expectError(.invalid) { try await fixture.db.setCurriculumStandard(post: "不存在的岗位", level: .village, hours: 6, topics: [], by: province) }
        await expectError(.invalid) { try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: .nan, topics: [], by: province) }
        await expectError(.invalid) { try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 501, topics: [], by: province) }
        await expectError(.invalid) {
            try await fixture.db.setCurriculumStandard(
                post: Post.informant, level: .village, hours: 1, topics: (0...20).map { "专题\($0)" }, by: province)
        }
        await expectError(.invalid) {
            try await fixture.db.setCurriculumStandard(
                post: Post.informant, level: .village, hours: 1, topics: [], effectiveFrom: Self.day("2100-01-01"), by: province)
        }
        _ = try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 6, topics: ["接访"], by: province)
        #expect(try await fixture.db.auditEntries().last?.action == "training.standard.set")
    }

    @Test("Gaps and the share meeting: per child unit and person, hours summed and topics met by anything under them")
    func gapsAndShare() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let informant = Roster.huashiInformant.number  // 信息员, village under 石牌街道
        let receptionist = Roster.shipaiReceptionist.number  // 接访员, 石牌街道 (town)
        _ = try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 6, topics: ["权益维护"], by: op)
        _ = try await fixture.db.setCurriculumStandard(post: Post.receptionist, level: .town, hours: 4, topics: ["接访", "政策法规"], by: op)
        // A standard for another level does not apply to the town's receptionist.
        _ = try await fixture.db.setCurriculumStandard(post: Post.receptionist, level: .village, hours: 40, topics: [], by: op)

        try await Self.heldSession(fixture, on: "2023-03-01 09:00", hours: 3, topics: ["权益维护/优待证", "政策法规/优抚"], attendees: [informant, receptionist])
        // 学习日 counts for hours too.
        try await Self.heldSession(fixture, on: "2023-06-01 09:00", hours: 3.5, topics: ["心理服务"], attendees: [informant], kind: .studyDay)
        // Last year's training counts for nothing this year.
        try await Self.heldSession(fixture, on: "2022-12-31 23:00", hours: 8, topics: ["接访"], attendees: [receptionist])

        let report = try await fixture.db.curriculumReport(unit: Code.tianhe, for: op)
        // 天河区 itself (the director, no standard), then 石牌 (both), then 五山 (only someone not in post).
        #expect(report.rows.map(\.unit.code) == [Code.tianhe, Code.shipai, Code.wushan])
        #expect(report.rows[0].ownStaffOnly && report.rows[0].counts == CurriculumCounts(staff: 1, withStandard: 0, meeting: 0))
        #expect(report.rows[1].counts == CurriculumCounts(staff: 2, withStandard: 2, meeting: 1))
        #expect(report.rows[1].counts.share == 0.5)
        #expect(report.rows[2].counts == CurriculumCounts() && report.rows[2].counts.share == nil)
        #expect(report.total.counts == CurriculumCounts(staff: 3, withStandard: 2, meeting: 1))
        #expect(report.table.columns == ["单位", "在岗人数", "有标准", "达标", "达标率"])
        #expect(report.table.rows.map { $0[4] } == ["—", "50.0%", "—", "50.0%"])
        #expect(report.table.rows.last?[0] == "合计")

        // Not meeting first.
        #expect(report.people.map(\.number) == [receptionist, informant] && report.peopleTotal == 2)
        let behind = report.people[0]
        #expect(behind.requiredHours == 4 && behind.doneHours == 3 && behind.missingHours == 1 && behind.missingTopics == ["接访"] && !behind.isMet)
        #expect(behind.level == .town && behind.post == Post.receptionist)
        #expect(report.people[1].doneHours == 6.5 && report.people[1].isMet)
        #expect(report.peopleTable.rows[0] == [receptionist, Roster.shipaiReceptionist.name, Tree.shipai.name, Post.receptionist, "镇", "4", "3", "接访", "否"])

        // A smaller subtree is summed per person in SQL rather than in one pass over the cycle: the same figures.
        let shipai = try await fixture.db.curriculumReport(unit: Code.shipai, for: op)
        #expect(shipai.people == report.people && shipai.total.counts == report.rows[1].counts)

        // A person who has left drops out.
        try await fixture.db.recordLeaving(receptionist, on: CivilDate("2023-10-01"), by: op)
        let after = try await fixture.db.curriculumReport(unit: Code.tianhe, for: op)
        #expect(after.total.counts == CurriculumCounts(staff: 2, withStandard: 1, meeting: 1))

        // The other county's administrator cannot look in; staff cannot read reports.
        await expectError(.notFound) { try await fixture.db.curriculumReport(unit: Code.tianhe, for: fixture.otherCountyAdmin()) }
        await expectError(.forbidden) { try await fixture.db.curriculumReport(for: fixture.staffUser()) }
    }

    @Test("A person's own gap: for themselves, or a trainer or administrator whose subtree holds them")
    func personalGap() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let informant = Roster.huashiInformant.number
        _ = try await fixture.db.setCurriculumStandard(post: Post.informant, level: .village, hours: 6, topics: ["权益维护", "接访"], by: op)
        try await Self.heldSession(fixture, on: "2023-03-01 09:00", hours: 2, topics: ["权益维护/优待证"], attendees: [informant])

        let mine = try await fixture.db.personCurriculumGap(number: informant, for: fixture.staffUser())
        #expect(mine.standard?.hours == 6 && mine.doneHours == 2 && mine.attendedTopics == ["权益维护/优待证"])
        #expect(mine.gap == CurriculumGap(missingHours: 4, missingTopics: ["接访"]))
        #expect(mine.cycle == TrainingCycle.calendarYear(2023)! && mine.level == .village)
        #expect(try await fixture.db.personCurriculumGap(number: informant, for: fixture.countyAdmin()) == mine)
        #expect(try await fixture.db.personCurriculumGap(number: informant, for: fixture.trainer()) == mine)

        await expectError(.notFound) { try await fixture.db.personCurriculumGap(number: informant, for: fixture.otherCountyAdmin()) }
        await expectError(.notFound) { try await fixture.db.personCurriculumGap(number: Roster.shipaiReceptionist.number, for: fixture.staffUser()) }
        await expectError(.notFound) { try await fixture.db.personCurriculumGap(number: "NOPE01", for: op) }

        // Without a standard for their post and level: no gap.
        let director = try await fixture.db.personCurriculumGap(number: Roster.tianheDirector.number, for: op)
        #expect(director.standard == nil && director.gap == nil && director.doneHours == 0)
    }
}
