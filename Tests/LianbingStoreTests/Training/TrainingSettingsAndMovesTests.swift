import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training settings, unit attributes, staff moves and placements")
struct TrainingSettingsAndMovesTests {
    typealias D = ReportData

    @Test("Settings default until a province administrator sets them; only valid settings are stored, and each change is audited")
    func settings() async throws {
        let fixture = try await Fixture.make()
        #expect(try await fixture.db.trainingSettings() == TrainingSettings())
        var changed = TrainingSettings()
        changed.graceDays = 60
        changed.cycleStartMonth = 7
        changed.coverageLevels = [.town, .village]
        changed.obligation.veteranThreshold = 1_000
        try await fixture.db.setTrainingSettings(changed, by: try await fixture.provinceAdmin())
        #expect(try await fixture.db.trainingSettings() == changed)
        #expect(try await fixture.db.auditEntries().last?.action == "training.settings")

        await expectError(.forbidden) { try await fixture.db.setTrainingSettings(TrainingSettings(), by: try await fixture.countyAdmin()) }
        await expectError(.forbidden) { try await fixture.db.setTrainingSettings(TrainingSettings(), by: try await fixture.trainer()) }
        var bad = TrainingSettings()
        bad.warningDays = 500
        await expectError(.invalid) { try await fixture.db.setTrainingSettings(bad, by: try await fixture.op()) }
        #expect(try await fixture.db.trainingSettings() == changed)

        // The cycle now starts in July, and only town and village staff are counted.
        let report = try await fixture.db.coverageReport(unit: Code.tianhe, on: D.day("2026-03-01"), for: try await fixture.op())
        #expect(report.cycle.start == D.day("2025-07-01"))
        #expect(report.total.counts.due == 2)
    }

    @Test("Unit attributes: in scope, bounded, cleared with .some(nil), left alone with nil")
    func unitAttributes() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        var attributes = try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: .some(1_200), heavyDuty: true, by: county)
        #expect(attributes == UnitAttributes(veteransServed: 1_200, heavyDuty: true))
        attributes = try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: nil, heavyDuty: false, by: county)
        #expect(attributes == UnitAttributes(veteransServed: 1_200, heavyDuty: false))
        attributes = try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: .some(nil), heavyDuty: nil, by: county)
        #expect(attributes == UnitAttributes(veteransServed: nil, heavyDuty: false))
        #expect(try await fixture.db.auditEntries().filter { $0.action == "org.set" }.count == 3)
        await expectError(.invalid) { try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: .some(-1), heavyDuty: nil, by: county) }
        await expectError(.invalid) {
            try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: .some(10_000_001), heavyDuty: nil, by: county)
        }
        await expectError(.notFound) { try await fixture.db.setUnitAttributes(Code.xihe, veteransServed: nil, heavyDuty: true, by: county) }
        await expectError(.forbidden) { try await fixture.db.setUnitAttributes(Code.huashi, veteransServed: nil, heavyDuty: true, by: try await fixture.trainer()) }
    }

    @Test("A move is dated: the unit on each day follows the moves, the login moves, and bad dates or units are refused")
    func moves() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-05-01 10:00")
        let op = try await fixture.op()
        let number = Roster.huashiInformant.number
        try await fixture.db.moveStaff(number, to: Code.jinan, on: D.day("2026-03-01"), by: op)
        try await fixture.db.moveStaff(number, to: Code.xiheVillage, on: D.day("2026-04-01"), by: op)
        let units = try await fixture.db.reader.read { db in
            try ["2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01", "2027-01-01"].map { try AppDatabase.unitCode(of: number, on: D.day($0), db) }
        }
        #expect(units == [Code.huashi, Code.jinan, Code.jinan, Code.xiheVillage, Code.xiheVillage])
        #expect(try await fixture.db.reader.read { db in try AppDatabase.unitCode(of: "NOBODY", on: D.day("2026-01-01"), db) } == nil)
        #expect(try await fixture.db.accountRecord("staff")?.unitCode == Code.xiheVillage)
        #expect(try await fixture.db.auditEntries().filter { $0.action == "staff.move" }.count == 4)

        let director = Roster.tianheDirector.number
        await expectError(.invalid) { try await fixture.db.moveStaff(director, to: Code.jinan, on: D.day("2021-03-04"), by: op) }
        await expectError(.invalid) { try await fixture.db.moveStaff(director, to: Code.jinan, on: D.day("2027-05-03"), by: op) }
        await expectError(.invalid) { try await fixture.db.moveStaff(director, to: Code.tianhe, on: D.day("2026-05-01"), by: op) }
        await expectError(.conflict) { try await fixture.db.moveStaff(number, to: Code.xihe, on: D.day("2026-03-15"), by: op) }
        let county = try await fixture.countyAdmin()
        await expectError(.notFound) { try await fixture.db.moveStaff(director, to: Code.xihe, on: D.day("2026-05-01"), by: county) }
        await expectError(.notFound) { try await fixture.db.moveStaff(Roster.xiheWorker.number, to: Code.jinan, on: D.day("2026-05-01"), by: county) }
        await expectError(.forbidden) { try await fixture.db.moveStaff(director, to: Code.jinan, on: D.day("2026-05-01"), by: try await fixture.trainer()) }
    }

    @Test("A move recorded late re-files the attendance from its date under the new unit")
    func lateMoveRefilesAttendance() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-05-01 10:00")
        let number = Roster.huashiInformant.number
        try await D.held(fixture, unit: Code.shipai, startsAt: "2026-02-10 09:00", [number])
        try await D.held(fixture, unit: Code.wushan, startsAt: "2026-04-10 09:00", [number])
        try await fixture.db.moveStaff(number, to: Code.huanong, on: D.day("2026-04-01"), by: try await fixture.op())
        let filed = try await fixture.db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT unitCode FROM trainingAttendance ORDER BY day")
        }
        #expect(filed == [Code.huashi, Code.huanong])
        let report = try await fixture.db.halfYearReport(unit: Code.tianhe, halfYear: HalfYear(year: 2026, half: 1)!, on: D.day("2026-05-01"), for: try await fixture.op())
        #expect(report.nonCompliant.map(\.unit.code) == [Code.tianhe])
    }

    @Test("Leaving dates and placements are checked, scoped and audited")
    func leavingAndPlacements() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-05-01 10:00")
        let county = try await fixture.countyAdmin()
        let director = Roster.tianheDirector.number
        await expectError(.invalid) { try await fixture.db.recordLeaving(director, on: D.day("2020-01-01"), by: county) }
        await expectError(.notFound) { try await fixture.db.recordLeaving(Roster.xiheWorker.number, on: D.day("2026-04-01"), by: county) }
        try await fixture.db.recordLeaving(director, on: D.day("2026-04-01"), by: county)
        #expect(try await fixture.db.staffMember(director, for: county).staff.leftOn == D.day("2026-04-01"))
        try await fixture.db.recordLeaving(director, on: nil, by: county)
        #expect(try await fixture.db.staffMember(director, for: county).staff.leftOn == nil)

        let id = try await fixture.db.addPlacement(
            Roster.huashiInformant.number, kind: .grassroots, unitCode: Code.huanong, startsOn: D.day("2026-03-01"), endsOn: D.day("2026-08-31"),
            note: "驻点半年", by: county)
        let placements = try await fixture.db.placements(of: Roster.huashiInformant.number, for: county)
        #expect(placements.map(\.id) == [id])
        #expect(placements.first?.kind == .grassroots && placements.first?.endsOn == D.day("2026-08-31"))
        await expectError(.invalid) {
            try await fixture.db.addPlacement(
                director, kind: .rotation, unitCode: Code.shipai, startsOn: D.day("2026-03-01"), endsOn: D.day("2026-02-01"), by: county)
        }
        await expectError(.notFound) {
            try await fixture.db.addPlacement(director, kind: .rotation, unitCode: Code.xihe, startsOn: D.day("2026-03-01"), endsOn: nil, by: county)
        }
        #expect(PlacementKind(label: "轮岗交流") == .rotation && PlacementKind(label: "Grassroots") == .grassroots)
        let actions = try await fixture.db.auditEntries().map(\.action)
        #expect(actions.filter { $0 == "staff.leave" }.count == 2 && actions.contains("staff.placement"))
    }
}
