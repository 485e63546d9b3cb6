import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training coverage report")
struct CoverageReportTests {
    typealias D = ReportData

    @Test("Counts the due, covered and uncovered per child unit; only business trainings and 上级调训 count; longest-untrained first")
    func countsPerChild() async throws {
        let fixture = try await Fixture.make()
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-02-10 09:00", [Roster.tianheDirector.number])
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2025-05-01 09:00", [Roster.shipaiReceptionist.number])
        // 学习日 counts for hours only; an absent mark is no training.
        try await D.held(fixture, unit: Code.shipai, startsAt: "2026-02-11 09:00", [Roster.huashiInformant.number], kind: .studyDay)
        let absent = try await D.session(fixture, unit: Code.shipai, startsAt: "2026-02-12 09:00")
        try await D.attend(fixture, absent, [Roster.huashiInformant.number], status: .absent)
        // 上级调训 counts for the person even though it is not a business training.
        try await D.held(fixture, unit: Code.guangzhou, startsAt: "2026-01-20 09:00", [Roster.xiheWorker.number], kind: .higherLevel, business: false)

        let report = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-03-01"), for: try await fixture.countyAdmin())
        #expect(report.cycle == TrainingCycle.calendarYear(2026))
        #expect(report.total.counts == CoverageCounts(due: 3, covered: 1, uncovered: 2))
        #expect(report.rows.map(\.unit.code) == [Code.tianhe, Code.shipai, Code.wushan])
        #expect(report.rows[0].ownStaffOnly && report.rows[0].counts == CoverageCounts(due: 1, covered: 1))
        #expect(report.rows[1].counts == CoverageCounts(due: 2, uncovered: 2))
        #expect(report.rows[2].counts == CoverageCounts())
        // Never trained before an earlier training; the inactive TH0004 is not counted at all.
        #expect(report.uncovered.map(\.number) == [Roster.huashiInformant.number, Roster.shipaiReceptionist.number])
        #expect(report.uncovered.map(\.lastTrained) == [nil, D.day("2025-05-01")])
        #expect(report.table.columns == ["单位", "应训人数", "已覆盖", "未覆盖", "宽限期内", "覆盖率"])
        #expect(report.table.rows.last == ["合计", "3", "1", "2", "0", "33.3%"])
        #expect(report.table.rows.first?.first == "天河区退役军人服务中心（本级）")
        #expect(report.uncoveredTable.rows.first == ["TH0003", "王五", "华师社区退役军人服务站", "从未参训"])

        let wujiang = try await fixture.db.coverageReport(unit: Code.wujiang, on: D.day("2026-03-01"), for: try await fixture.op())
        #expect(wujiang.total.counts == CoverageCounts(due: 2, covered: 1, uncovered: 1))
        // Province and city staff are not grassroots: the province total is the two counties'.
        let province = try await fixture.db.coverageReport(on: D.day("2026-03-01"), for: try await fixture.provinceAdmin())
        #expect(province.total.counts.due == 5)
        #expect(province.rows.map(\.unit.code) == [Code.guangzhou, Code.shaoguan])
    }

    @Test("A member of staff who moves unit mid-cycle keeps their coverage, and is counted where they are now")
    func moveKeepsCoverage() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-05-01 10:00")
        try await D.held(fixture, unit: Code.shipai, startsAt: "2026-02-10 09:00", [Roster.huashiInformant.number])
        try await fixture.db.moveStaff(Roster.huashiInformant.number, to: Code.xiheVillage, on: D.day("2026-04-01"), by: try await fixture.op())

        let wujiang = try await fixture.db.coverageReport(unit: Code.wujiang, on: D.day("2026-05-01"), for: try await fixture.op())
        #expect(wujiang.total.counts == CoverageCounts(due: 3, covered: 1, uncovered: 2))
        #expect(!wujiang.uncovered.map(\.number).contains(Roster.huashiInformant.number))
        let tianhe = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-05-01"), for: try await fixture.op())
        #expect(tianhe.total.counts.due == 2)
        // Their attendance stays filed under the unit they were in that day.
        let filed = try await fixture.db.reader.read { db in try String.fetchOne(db, sql: "SELECT unitCode FROM trainingAttendance") }
        #expect(filed == Code.huashi)
    }

    @Test("Staff who left drop out from their leaving date")
    func leaversDropOut() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-03-01 10:00")
        try await fixture.db.recordLeaving(Roster.shipaiReceptionist.number, on: D.day("2026-02-01"), by: try await fixture.countyAdmin())
        let county = try await fixture.countyAdmin()
        let after = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-03-01"), for: county)
        #expect(after.total.counts == CoverageCounts(due: 2, uncovered: 2))
        #expect(!after.uncovered.map(\.number).contains(Roster.shipaiReceptionist.number))
        let before = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-01-31"), for: county)
        #expect(before.total.counts == CoverageCounts(due: 3, uncovered: 3))
        // Someone who left before the cycle began is not even looked at.
        let nextYear = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2027-01-15"), for: county)
        #expect(nextYear.total.counts.due == 2)
    }

    @Test("A new hire inside the grace period is not yet uncovered; one hired too late in the cycle is not due in it")
    func newHireGrace() async throws {
        let fixture = try await Fixture.make()
        let late = Staff(number: "TH0100", name: "新人甲", unitCode: Code.jinan, post: Post.worker, hireDate: D.day("2026-02-01"))
        let latest = Staff(number: "TH0101", name: "新人乙", unitCode: Code.jinan, post: Post.worker, hireDate: D.day("2026-11-01"))
        _ = try await fixture.db.importStaff(Roster.rows([late, latest]), file: "new.csv", by: try await fixture.op())
        let county = try await fixture.countyAdmin()

        let inGrace = try await fixture.db.coverageReport(unit: Code.jinan, on: D.day("2026-03-01"), for: county)
        #expect(inGrace.total.counts == CoverageCounts(due: 0, notYetDue: 1, notDue: 1))
        #expect(inGrace.uncovered.isEmpty)
        #expect(inGrace.table.rows.last == ["合计", "0", "0", "0", "1", "—"])
        // 90 days after 1 February is 2 May.
        let due = try await fixture.db.coverageReport(unit: Code.jinan, on: D.day("2026-05-02"), for: county)
        #expect(due.total.counts == CoverageCounts(due: 1, uncovered: 1, notDue: 1))
        #expect(due.uncovered.map(\.number) == ["TH0100"])
    }

    @Test("Scope: a county administrator cannot report on another county; staff cannot report at all")
    func scope() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        await expectError(.notFound) { try await fixture.db.coverageReport(unit: Code.wujiang, on: D.day("2026-03-01"), for: county) }
        await expectError(.notFound) { try await fixture.db.halfYearReport(unit: Code.wujiang, on: D.day("2026-03-01"), for: county) }
        await expectError(.notFound) { try await fixture.db.compositionReport(unit: Code.xihe, on: D.day("2026-03-01"), for: county) }
        await expectError(.notFound) {
            try await fixture.db.planCoverage(unit: Code.wujiang, dates: [D.day("2026-03-02")], capacity: 10, on: D.day("2026-03-01"), for: county)
        }
        await expectError(.notFound) { try await fixture.db.coverageReport(unit: "nowhere", for: county) }
        await expectError(.forbidden) { try await fixture.db.coverageReport(for: try await fixture.staffUser()) }
        // Without a unit, a report is about the caller's own subtree.
        let own = try await fixture.db.coverageReport(on: D.day("2026-03-01"), for: county)
        #expect(own.unit.code == Code.tianhe)
        let trainer = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-03-01"), for: try await fixture.trainer())
        #expect(trainer.total.counts.due == 3)
        await expectError(.notFound) { try await fixture.db.coverageReport(unit: Code.wujiang, for: try await fixture.trainer()) }
        await expectError(.invalid) { try await fixture.db.coverageReport(on: D.day("1999-12-31"), for: county) }
    }

    @Test("Reading attendance one person at a time or as one table scan finds the same latest trainings")
    func lookupsAgree() async throws {
        let fixture = try await PlanCounty.make()
        try await D.held(fixture, unit: PlanCounty.town(1), startsAt: "2026-02-01 09:00", ["GT01001"], kind: .studyDay)
        let absent = try await D.session(fixture, unit: PlanCounty.town(2), startsAt: "2026-02-02 09:00")
        try await D.attend(fixture, absent, ["GT02001"], status: .absent)
        try await D.held(fixture, unit: PlanCounty.town(11), startsAt: "2026-02-03 09:00", ["GT11001"])
        try await D.held(fixture, unit: PlanCounty.town(12), startsAt: "2026-03-02 09:00", ["GT12001"])
        let (perPerson, scan) = try await fixture.db.reader.read { db in
            let numbers = try String.fetchAll(db, sql: "SELECT number FROM staff")
            let today = D.day("2026-03-01")
            func latest(_ lookup: AppDatabase.CoverageLookup) throws -> [String: CivilDate] {
                let dates = try AppDatabase.latestCoverageTraining(of: numbers, upTo: today, using: lookup, db)
                return Dictionary(uniqueKeysWithValues: zip(numbers, dates).compactMap { number, date in date.map { (number, $0) } })
            }
            let (index, days) = try AppDatabase.latestCoverageTrainingOfEveryone(upTo: today, db)
            let everyone = Dictionary(uniqueKeysWithValues: days.indices.map { (index.key(at: $0), CivilDate(dayNumber: days[$0])!) })
            #expect(everyone == (try latest(.perPerson)))
            return (try latest(.perPerson), try latest(.tableScan))
        }
        #expect(perPerson == scan)
        #expect(perPerson.count == 10 * PlanCounty.perTown)
        #expect(perPerson["GT11001"] == D.day("2026-02-03") && perPerson["GT12001"] == D.day("2025-02-15"))
        #expect(perPerson["GT01001"] == nil && perPerson["GT02001"] == nil)
    }
}
