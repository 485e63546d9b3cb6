import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Training composition report")
struct CompositionReportTests {
    typealias D = ReportData

    @Test("Counts active staff per child unit against one third, with the specialists; flags the worst first")
    func onePerChild() async throws {
        let fixture = try await Fixture.make()
        let province = try await fixture.db.compositionReport(on: D.day("2026-03-01"), for: try await fixture.provinceAdmin())
        // 4401: 林国强, 张三 (veteran, 法律), 李四 (entitled), 王五; the retired 张小明 is not counted. 4402: 赵六, 钱七.
        #expect(province.rows.map(\.unit.code) == [Code.province, Code.guangzhou, Code.shaoguan])
        #expect(province.rows.map(\.current.staff) == [1, 4, 2])
        #expect(province.rows.map(\.current.veteransOrEntitled) == [0, 2, 0])
        #expect(province.rows[1].current.specialists == ["法律": 1, "信息化": 0])
        #expect(province.total.current.staff == 7 && province.total.current.veteransOrEntitled == 2)
        #expect(province.flagged.map(\.unit.code) == [Code.province, Code.shaoguan])
        #expect(province.table.columns.prefix(6) == ["单位", "在岗人数", "上年同期人数", "退役军人及其他优抚对象", "占比", "上年同期占比"])
        #expect(province.table.rows.last?.prefix(6) == ["合计", "7", "7", "2", "28.6%", "28.6%"])
        #expect(province.flaggedTable.rows.map(\.first) == ["广东省退役军人服务中心（本级）", "韶关市退役军人服务中心"])
    }

    @Test("Year on year: later hires are not counted a year earlier, leavers are, and a moved person counts where they were")
    func yearOnYear() async throws {
        let fixture = try await Fixture.make()
        D.setClock(fixture, to: "2026-03-01 10:00")
        let op = try await fixture.op()
        let hire = Staff(
            number: "TH0100", name: "新人", unitCode: Code.jinan, post: Post.worker, isVeteran: true, specialties: ["信息化"],
            hireDate: D.day("2025-09-01"))
        _ = try await fixture.db.importStaff(Roster.rows([hire]), file: "new.csv", by: op)
        try await fixture.db.recordLeaving(Roster.shipaiReceptionist.number, on: D.day("2025-12-31"), by: op)
        try await fixture.db.moveStaff(Roster.xiheWorker.number, to: Code.huanong, on: D.day("2025-10-01"), by: op)
        try await fixture.db.addPlacement(
            Roster.tianheDirector.number, kind: .grassroots, unitCode: Code.huanong, startsOn: D.day("2025-11-01"), endsOn: D.day("2026-02-28"), by: op)
        try await fixture.db.addPlacement(
            Roster.tianheDirector.number, kind: .rotation, unitCode: Code.shipai, startsOn: D.day("2025-01-01"), endsOn: D.day("2025-06-30"), by: op)

        let report = try await fixture.db.compositionReport(unit: Code.tianhe, on: D.day("2026-03-01"), for: op)
        #expect(report.yearEarlier == D.day("2025-03-01"))
        #expect(report.rows.map(\.unit.code) == [Code.tianhe, Code.shipai, Code.wushan])
        // Now: 张三 | 王五, 新人 | 钱七 (moved in). A year ago: 张三 | 李四, 王五 | nobody.
        #expect(report.rows.map(\.current.staff) == [1, 2, 1])
        #expect(report.rows.map(\.yearEarlier.staff) == [1, 2, 0])
        #expect(report.rows.map(\.current.veteransOrEntitled) == [1, 1, 0])
        #expect(report.rows.map(\.yearEarlier.veteransOrEntitled) == [1, 1, 0])
        #expect(report.rows[1].current.specialists["信息化"] == 1 && report.rows[1].yearEarlier.specialists["信息化"] == 0)
        #expect(report.flagged.map(\.unit.code) == [Code.wushan])
        // The 2026 cycle: the grassroots placement overlaps it, the 2025 rotation does not.
        #expect(report.rows.map(\.grassroots) == [0, 0, 1] && report.total.rotations == 0)
        let wujiang = try await fixture.db.compositionReport(unit: Code.wujiang, on: D.day("2026-03-01"), for: op)
        #expect(wujiang.total.current.staff == 1 && wujiang.total.yearEarlier.staff == 2)
    }
}
