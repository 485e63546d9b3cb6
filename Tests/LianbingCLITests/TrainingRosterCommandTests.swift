import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing org set` and `staff move|leave|placement`: what the training rules need to know about units and people.
@Suite struct TrainingRosterCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("training-roster") }

    /// The unit's attributes as stored (a call that changes nothing returns them).
    func attributes(_ code: String) async throws -> UnitAttributes {
        let database = try fixture.store()
        return try await database.setUnitAttributes(code, veteransServed: nil, heavyDuty: nil, by: try await database.operatorPrincipal())
    }

    func member(_ number: String) async throws -> Staff {
        let database = try fixture.store()
        return try await database.staffMember(number, for: try await database.operatorPrincipal()).staff
    }

    @Test func orgSetRecordsVeteransServedAndTheHeavyDutyFlag() async throws {
        try await fixture.prepare()
        let village = "440106001001"
        try await fixture.run(["org", "set", village, "--veterans", "500", "--heavy-duty", "是"])
        #expect(try await attributes(village) == UnitAttributes(veteransServed: 500, heavyDuty: true))
        try await fixture.run(["org", "set", village, "--heavy-duty", "否"])
        #expect(try await attributes(village) == UnitAttributes(veteransServed: 500, heavyDuty: false))
        try await fixture.run(["org", "set", village, "--veterans", "none"])
        #expect(try await attributes(village) == UnitAttributes(veteransServed: nil, heavyDuty: false))
        #expect(await fixture.refused(["org", "set", "999999", "--veterans", "1"]))
    }

    @Test func staffMoveLeaveAndPlacementAreDatedOnThePersonsRecord() async throws {
        try await fixture.prepare()
        let database = try fixture.store()
        let op = try await database.operatorPrincipal()

        try await fixture.run(["staff", "move", "GD2", "--to", "440106001001", "--on", "2026-06-01"])
        #expect(try await member("GD2").unitCode == "440106001001")
        // Not before joining, not before the last move, not to where they already are.
        #expect(await fixture.refused(["staff", "move", "GD3", "--to", "440106000000", "--on", "2020-12-31"]))
        #expect(await fixture.refused(["staff", "move", "GD2", "--to", "440106000000", "--on", "2026-05-01"]))
        #expect(await fixture.refused(["staff", "move", "GD2", "--to", "440106001001", "--on", "2026-07-01"]))

        try await fixture.run(["staff", "leave", "GD4", "--on", "2026-09-30"])
        #expect(try await member("GD4").leftOn == CivilDate("2026-09-30"))
        try await fixture.run(["staff", "leave", "GD4", "--undo"])
        #expect(try await member("GD4").leftOn == nil)

        try await fixture.run([
            "staff", "placement", "GD3", "--kind", "基层锻炼", "--unit", "440106001000", "--from", "2026-04-01", "--to", "2026-06-30", "--note", "驻站三个月",
        ])
        try await fixture.run(["staff", "placement", "GD3", "--kind", "rotation", "--unit", "440106002000", "--from", "2026-07-01"])
        let placements = try await database.placements(of: "GD3", for: op)
        #expect(placements.map(\.kind) == [.rotation, .grassroots])
        #expect(placements[1].endsOn == CivilDate("2026-06-30") && placements[1].note == "驻站三个月" && placements[0].endsOn == nil)
        #expect(await fixture.refused(["staff", "placement", "GD3", "--kind", "基层锻炼", "--unit", "999", "--from", "2026-04-01"]))
    }

    @Test func badRosterOptionsAreRefusedByValidation() {
        let cases: [([String], String)] = [
            (["org", "set", "440106001001"], "请至少给出 --veterans 或 --heavy-duty"),
            (["org", "set", "440106001001", "--veterans", "很多"], "--veterans 须为 0 到 10000000 之间的整数，或 none"),
            (["org", "set", "440106001001", "--veterans=-3"], "--veterans 须为 0 到 10000000 之间的整数"),
            (["org", "set", "440106001001", "--heavy-duty", "也许"], "--heavy-duty 须为 是 或 否"),
            (["staff", "move", "GD1", "--to", "440106001000", "--on", "6月1日"], "--on 须为日期"),
            (["staff", "leave", "GD1"], "请用 --on 给出离职日期，或用 --undo 撤销离职登记"),
            (["staff", "leave", "GD1", "--on", "2026-06-01", "--undo"], "二者选一"),
            (["staff", "placement", "GD1", "--kind", "借调", "--unit", "1", "--from", "2026-04-01"], "--kind 须为 轮岗交流 或 基层锻炼"),
            (["staff", "placement", "GD1", "--kind", "轮岗交流", "--unit", "1", "--from", "2026-04-01", "--to", "2026-03-01"], "--to 不能早于 --from"),
        ]
        for (arguments, expected) in cases {
            let message = TrainingFixture.refusal(arguments)
            #expect(message?.contains(expected) == true, "\(arguments): \(message ?? "accepted")")
        }
    }
}
