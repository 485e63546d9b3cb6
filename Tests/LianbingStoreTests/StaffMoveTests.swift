import Foundation
import GRDB
import LianbingCore
@testable import LianbingStore
import Testing

@Suite("Staff moving between units")
struct StaffMoveTests {
    @Test("Given a member with a login, when the roster moves them to another unit, then their account moves with them")
    func accountFollowsTheMember() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        var moved = Roster.huashiInformant
        moved.unitCode = Code.xiheVillage
        let summary = try await fixture.db.importStaff(Roster.rows([moved]), file: "move.csv", by: op)
        #expect(summary.updated == 1)
        #expect(try await fixture.db.account("staff", for: op).account.unitCode == Code.xiheVillage)
        // So the old county's administrator no longer manages that login, and the new one does.
        await #expect(throws: LianbingError.self) { try await fixture.db.account("staff", for: try await fixture.countyAdmin()) }
        #expect(try await fixture.db.account("staff", for: try await fixture.otherCountyAdmin()).account.username == "staff")
    }

    @Test("Given one staff number twice in one batch, then the import is refused at the second line and nothing is written")
    func duplicateNumbersInOneBatchAreRefused() async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.fullSnapshot()
        let twin = Staff(number: "NEW001", name: "甲", unitCode: Code.jinan, post: Post.worker)
        let error = await #expect(throws: LianbingError.self) {
            try await fixture.db.importStaff(Roster.rows([twin, twin]), file: "twins.csv", by: try await fixture.op())
        }
        guard case .importRejected(let failure) = error else { Issue.record("expected importRejected, got \(String(describing: error))"); return }
        #expect(failure.issues.map(\.line) == [3])
        #expect(try await fixture.db.fullSnapshot() == before)
    }
}
