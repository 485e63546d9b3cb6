import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Audit trail")
struct AuditTests {
    /// The entries `body` added to the audit trail, oldest first.
    private func entries(in fixture: Fixture, during body: () async throws -> Void) async throws -> [AuditRecord] {
        let before = try await fixture.db.auditEntries().count
        try await body()
        return Array(try await fixture.db.auditEntries().dropFirst(before))
    }

    @Test("Given a unit import by a county admin, then one org.import entry names them, the file and the counts, at the clock's time")
    func unitImportIsAudited() async throws {
        let fixture = try await Fixture.make()
        fixture.clock.advance(by: 90)
        let town = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        let added = try await entries(in: fixture) {
            _ = try await fixture.db.importUnits(Tree.rows([town]), file: "天河.csv", by: try await fixture.countyAdmin())
        }
        #expect(added.count == 1)
        #expect(added.first?.actor == "county")
        #expect(added.first?.action == "org.import")
        #expect(added.first?.subject == "天河.csv")
        #expect(added.first?.detail == "新增 1，更新 0，移动 0")
        #expect(added.first?.at == fixture.clock.now)
    }

    @Test("Given an unchanged re-import or a rejected import, then no audit entry is written")
    func noOpAndRejectedImportsAreNotAudited() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let added = try await entries(in: fixture) {
            _ = try await fixture.db.importUnits(Tree.rows(Tree.all), file: "same.csv", by: op)
            _ = try await fixture.db.importStaff(Roster.rows(Roster.all), file: "same.csv", by: op)
            _ = try? await fixture.db.importUnits(
                Tree.rows([ServiceUnit(code: "x", name: "x", level: .town, parentCode: "nowhere")]), file: "bad.csv", by: op)
            _ = try? await fixture.db.importStaff(
                Roster.rows([Staff(number: "X", name: "x", unitCode: "nowhere", post: Post.worker)]), file: "bad.csv", by: op)
        }
        #expect(added.isEmpty)
    }

    @Test("Given a staff import by the operator, then a staff.import entry records the counts")
    func staffImportIsAudited() async throws {
        let fixture = try await Fixture.make()
        var changed = Roster.xiheWorker
        changed.post = Post.agent
        let newcomer = Staff(number: "WJ0003", name: "孙八", unitCode: Code.xihe, post: Post.worker)
        let added = try await entries(in: fixture) {
            _ = try await fixture.db.importStaff(Roster.rows([changed, newcomer]), file: "武江.csv", by: try await fixture.op())
        }
        #expect(added.map(\.actor) == ["operator"])
        #expect(added.map(\.action) == ["staff.import"])
        #expect(added.map(\.subject) == ["武江.csv"])
        #expect(added.map(\.detail) == ["新增 1，更新 1"])
    }

    @Test("Given account changes, then each is audited with who did it and to whom")
    func accountChangesAreAudited() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let admin = try await fixture.countyAdmin()
        let login = try await db.logIn(username: "staff", password: Fixture.password, address: nil, userAgent: nil)

        let added = try await entries(in: fixture) {
            try await db.createAccount(NewAccount(username: "new.trainer", role: .trainer, unitCode: Code.shipai), by: admin)
            _ = try await db.createAccountsFromRoster(unit: Code.tianhe, by: admin)
            _ = try await db.changeOwnPassword(current: Fixture.password, new: "Own-Choice-77", by: login.session.principal)
            _ = try await db.resetPassword("staff", by: admin)
            try await db.setDisabled("staff", true, by: admin)
            try await db.setDisabled("staff", false, by: admin)
        }

        #expect(added.map(\.action) == [
            "account.create", "account.bulk-create", "account.change-password", "account.reset-password", "account.disable",
            "account.enable",
        ])
        #expect(added.map(\.actor) == ["county", "county", "staff", "county", "county", "county"])
        #expect(added.map(\.subject) == ["new.trainer", Code.tianhe, "staff", "staff", "staff", "staff"])
        #expect(added[0].detail == "trainer @ \(Code.shipai)")
        #expect(added[1].detail == "2 个账号")
    }

    @Test("Given refused account actions, then nothing is audited")
    func refusedAccountActionsAreNotAudited() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let county = try await fixture.countyAdmin()
        let added = try await entries(in: fixture) {
            _ = try? await db.createAccount(NewAccount(username: "county", role: .admin, unitCode: Code.tianhe), by: county)
            _ = try? await db.resetPassword("wujiang", by: county)
            try? await db.setDisabled("county", true, by: county)
            _ = try await db.createAccountsFromRoster(unit: Code.huashi, by: county)  // nobody left without an account
        }
        #expect(added.isEmpty)
    }

    @Test("Given the whole fixture build, then the audit trail tells its story in order")
    func fixtureBuildIsAudited() async throws {
        let fixture = try await Fixture.make()
        let actions = try await fixture.db.auditEntries().map(\.action)
        #expect(actions == ["org.import", "account.create", "org.import", "staff.import"] + Array(repeating: "account.create", count: 5))
        #expect(try await fixture.db.auditEntries().allSatisfy { $0.at == fixture.clock.now })
    }
}
