import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training half-year report")
struct HalfYearReportTests {
    typealias D = ReportData
    static let h1 = HalfYear(year: 2026, half: 1)!
    static let h2 = HalfYear(year: 2026, half: 2)!

    @Test("A session at 23:30 China time on 30 June counts in H1; one at 00:30 on 1 July in H2")
    func chinaDateBoundary() async throws {
        let fixture = try await Fixture.make()
        try await D.held(fixture, unit: Code.shipai, startsAt: "2026-06-30 23:30", [Roster.shipaiReceptionist.number])
        try await D.held(fixture, unit: Code.wushan, startsAt: "2026-07-01 00:30", [Roster.shipaiReceptionist.number])
        try await fixture.db.moveStaff(Roster.huashiInformant.number, to: Code.huanong, on: D.day("2023-11-15"), by: try await fixture.op())
        try await D.held(fixture, unit: Code.wushan, startsAt: "2026-07-01 00:30", [Roster.huashiInformant.number])
        let county = try await fixture.countyAdmin()

        let first = try await fixture.db.halfYearReport(unit: Code.tianhe, halfYear: Self.h1, on: D.day("2026-08-01"), for: county)
        // Obliged by default: the county centre and its two town stations, not the villages.
        #expect(first.total.obliged == 3 && first.total.compliant == 1)
        #expect(first.nonCompliant.map(\.unit.code) == [Code.tianhe, Code.wushan])
        #expect(first.rows.map(\.unit.code) == [Code.tianhe, Code.shipai, Code.wushan])
        #expect(first.rows.map(\.compliant) == [0, 1, 0])
        #expect(first.warnings.isEmpty)
        #expect(first.table.rows.last == ["合计", "3", "1", "2", "33.3%"])
        let second = try await fixture.db.halfYearReport(unit: Code.tianhe, halfYear: Self.h2, on: D.day("2026-08-01"), for: county)
        #expect(second.nonCompliant.map(\.unit.code) == [Code.tianhe, Code.shipai])
    }

    @Test("A session attended only by other units' staff does not make its organiser compliant; the county needs its own session")
    func ownStaffMustAttend() async throws {
        let fixture = try await Fixture.make()
        // Wushan's session, attended by a Shipai receptionist: not Wushan's own staff.
        try await D.held(fixture, unit: Code.wushan, startsAt: "2026-03-10 09:00", [Roster.shipaiReceptionist.number])
        // A town's session does not count for its county; the county's, attended by a town's staff, does.
        try await D.held(fixture, unit: Code.shipai, startsAt: "2026-03-11 09:00", [Roster.huashiInformant.number])
        try await D.held(fixture, unit: Code.wujiang, startsAt: "2026-03-12 09:00", [Roster.xiheWorker.number])
        try await D.held(fixture, unit: Code.xihe, startsAt: "2026-03-12 14:00", [Roster.xiheWorker.number])
        // Not business, 上级调训, a draft, and a session where the only mark is absent: none counts.
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-03-13 09:00", [Roster.tianheDirector.number], kind: .studyDay)
        try await D.held(fixture, unit: Code.tianhe, startsAt: "2026-03-14 09:00", [Roster.tianheDirector.number], kind: .higherLevel, business: true)
        let draft = try await D.session(fixture, unit: Code.tianhe, startsAt: "2026-03-15 09:00", status: .draft)
        try await D.attend(fixture, draft, [Roster.tianheDirector.number])
        let nobody = try await D.session(fixture, unit: Code.tianhe, startsAt: "2026-03-16 09:00", status: .published)
        try await D.attend(fixture, nobody, [Roster.tianheDirector.number], status: .absent)

        let report = try await fixture.db.halfYearReport(halfYear: Self.h1, on: D.day("2026-08-01"), for: try await fixture.provinceAdmin())
        #expect(report.nonCompliant.map(\.unit.code) == [Code.tianhe, Code.wushan])
        #expect(report.total.obliged == 5 && report.total.compliant == 3)
        #expect(report.rows.map(\.unit.code) == [Code.guangzhou, Code.shaoguan])
        #expect(report.rows.map(\.compliant) == [1, 2])
        #expect(report.rows[0].share == 1.0 / 3.0)
    }

    @Test("Villages are obliged when flagged 任务较重 or over the threshold; the warning list starts the set number of days before the end")
    func obligationAndWarnings() async throws {
        let fixture = try await Fixture.make()
        let province = try await fixture.provinceAdmin()
        let county = try await fixture.countyAdmin()
        try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: nil, heavyDuty: true, by: county)
        try await fixture.db.setUnitAttributes(Code.jinan, veteransServed: .some(800), heavyDuty: nil, by: county)
        try await fixture.db.setUnitAttributes(Code.huanong, veteransServed: .some(200), heavyDuty: nil, by: county)
        var settings = try await fixture.db.trainingSettings()
        settings.obligation.veteranThreshold = 500
        try await fixture.db.setTrainingSettings(settings, by: province)
        try await D.held(fixture, unit: Code.shipai, startsAt: "2026-03-11 09:00", [Roster.shipaiReceptionist.number])

        let early = try await fixture.db.halfYearReport(unit: Code.tianhe, on: D.day("2026-05-30"), for: county)
        #expect(early.halfYear == Self.h1)
        #expect(early.total.obliged == 5)
        #expect(early.nonCompliant.map(\.unit.code) == [Code.tianhe, Code.huashi, Code.jinan, Code.wushan])
        #expect(early.warnings.isEmpty)
        #expect(early.warningsFrom == D.day("2026-05-31"))
        let late = try await fixture.db.halfYearReport(unit: Code.tianhe, on: D.day("2026-06-01"), for: county)
        #expect(late.warnings.map(\.unit.code) == [Code.tianhe, Code.huashi, Code.jinan, Code.wushan])
        #expect(late.warningTable.rows.first == [Code.tianhe, "天河区退役军人服务中心", "县（市、区）", "29"])
        // A past half-year has an outcome, not warnings.
        let past = try await fixture.db.halfYearReport(unit: Code.tianhe, halfYear: HalfYear(year: 2025, half: 2)!, on: D.day("2026-06-01"), for: county)
        #expect(past.warnings.isEmpty && past.nonCompliant.count == 5)
    }
}
