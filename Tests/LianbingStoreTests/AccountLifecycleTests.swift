import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Resetting, disabling and changing passwords")
struct AccountLifecycleTests {
    private static let policy = SessionPolicy()

    private func logIn(_ fixture: Fixture, _ username: String, _ password: String = Fixture.password) async throws -> NewSession {
        try await fixture.db.logIn(username: username, password: password, address: "127.0.0.1", userAgent: "tests")
    }

    // MARK: resetPassword

    @Test("Given a user with two open sessions, when an admin resets their password, then both sessions end and the new password must be changed")
    func resetEndsSessionsAndForcesChange() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let phone = try await logIn(fixture, "staff")
        let desk = try await logIn(fixture, "staff")

        let slip = try await db.resetPassword("staff", by: try await fixture.countyAdmin())

        #expect(try await db.session(token: phone.token, policy: Self.policy) == nil)
        #expect(try await db.session(token: desk.token, policy: Self.policy) == nil)
        #expect(slip.username == "staff")
        #expect(slip.staffNumber == "TH0003")
        #expect(slip.staffName == "王五")
        #expect(slip.unitCode == Code.huashi)
        #expect(PasswordPolicy.problem(with: slip.password, username: "staff") == nil)

        await expectError(.unauthenticated) { try await logIn(fixture, "staff") }
        let fresh = try await logIn(fixture, "staff", slip.password)
        #expect(fresh.session.account.mustChangePassword)
    }

    @Test("Given an admin-chosen password, when reset, then it is used and still must be changed; a weak one is invalid")
    func resetToAChosenPassword() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let admin = try await fixture.countyAdmin()
        await expectError(.invalid) { try await db.resetPassword("staff", to: "weak", by: admin) }
        _ = try await logIn(fixture, "staff")  // the weak attempt changed nothing

        let slip = try await db.resetPassword("staff", to: "Temporary-2024", by: admin)
        #expect(slip.password == "Temporary-2024")
        #expect(try await logIn(fixture, "staff", "Temporary-2024").session.account.mustChangePassword)
    }

    @Test("Given a county administrator, when resetting an account outside their scope, then notFound and the password still works")
    func resetOutsideScopeIsNotFound() async throws {
        let fixture = try await Fixture.make()
        let admin = try await fixture.countyAdmin()
        await expectError(.notFound) { try await fixture.db.resetPassword("wujiang", by: admin) }
        await expectError(.notFound) { try await fixture.db.resetPassword("province", by: admin) }
        await expectError(.notFound) { try await fixture.db.resetPassword("nobody", by: admin) }
        _ = try await logIn(fixture, "wujiang")
    }

    @Test("Given a trainer, when resetting a password, then forbidden")
    func trainerCannotReset() async throws {
        let fixture = try await Fixture.make()
        await expectError(.forbidden) { try await fixture.db.resetPassword("staff", by: try await fixture.trainer()) }
    }

    // MARK: setDisabled

    @Test("Given a logged-in user, when disabled, then their sessions end and even the right password no longer logs in; enabling restores login")
    func disablingEndsSessionsAndBlocksLogin() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let admin = try await fixture.countyAdmin()
        let open = try await logIn(fixture, "staff")

        try await db.setDisabled("staff", true, by: admin)

        #expect(try await db.session(token: open.token, policy: Self.policy) == nil)
        #expect(try await db.sessionRecords().isEmpty)
        #expect(try await db.accountRecord("staff")?.isDisabled == true)
        await expectError(.unauthenticated) { try await logIn(fixture, "staff") }

        try await db.setDisabled("staff", false, by: admin)
        let again = try await logIn(fixture, "staff")
        #expect(!again.session.account.isDisabled)
    }

    @Test("Given an administrator, when they try to disable themselves (in any case), then conflict and they stay enabled", arguments: ["county", "COUNTY"])
    func cannotDisableYourself(username: String) async throws {
        let fixture = try await Fixture.make()
        await expectError(.conflict) { try await fixture.db.setDisabled(username, true, by: try await fixture.countyAdmin()) }
        #expect(try await fixture.db.accountRecord("county")?.isDisabled == false)
    }

    @Test("Given a county administrator, when disabling an account outside scope, then notFound; as a trainer, forbidden")
    func disableRespectsRoleAndScope() async throws {
        let fixture = try await Fixture.make()
        await expectError(.notFound) { try await fixture.db.setDisabled("wujiang", true, by: try await fixture.countyAdmin()) }
        await expectError(.forbidden) { try await fixture.db.setDisabled("staff", true, by: try await fixture.trainer()) }
        #expect(try await fixture.db.accountRecord("wujiang")?.isDisabled == false)
        #expect(try await fixture.db.accountRecord("staff")?.isDisabled == false)
    }

    @Test("Given an enabled account, when enabled again, then nothing is written")
    func enablingAnEnabledAccountIsANoOp() async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.fullSnapshot()
        try await fixture.db.setDisabled("staff", false, by: try await fixture.countyAdmin())
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    // MARK: changeOwnPassword

    @Test("Given a wrong current password, when changing one's own password, then invalid and the old password still works")
    func wrongCurrentPasswordIsInvalid() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture, "staff")
        await expectError(.invalid) {
            try await fixture.db.changeOwnPassword(current: "not-it-123", new: "Brand-New-2024", by: login.session.principal)
        }
        _ = try await logIn(fixture, "staff")
    }

    @Test(
        "Given a weak or unchanged new password, when changing one's own password, then invalid",
        arguments: ["short1", "lettersonly", "1234567890", "staff", "STAFF1", Fixture.password])
    func weakNewPasswordIsInvalid(new: String) async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture, "staff")
        await expectError(.invalid) {
            try await fixture.db.changeOwnPassword(current: Fixture.password, new: new, by: login.session.principal)
        }
        #expect(try await fixture.db.sessionRecords().count == 1)
    }

    @Test("Given three sessions, when the password is changed from one of them, then that one stays open and the other two end")
    func changeKeepsTheCurrentSessionOnly() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let current = try await logIn(fixture, "staff")
        let other = try await logIn(fixture, "staff")
        let third = try await logIn(fixture, "staff")
        let bystander = try await logIn(fixture, "county")
        _ = try await db.resetPassword("staff", to: "Reset-By-Admin-1", by: try await fixture.countyAdmin())
        // The reset closed everything; log in with the reset password, which must be changed.
        let first = try await logIn(fixture, "staff", "Reset-By-Admin-1")
        let second = try await logIn(fixture, "staff", "Reset-By-Admin-1")
        #expect(first.session.account.mustChangePassword)
        #expect(try await db.session(token: current.token, policy: Self.policy) == nil)
        #expect(try await db.session(token: other.token, policy: Self.policy) == nil)
        #expect(try await db.session(token: third.token, policy: Self.policy) == nil)

        try await db.changeOwnPassword(
            current: "Reset-By-Admin-1", new: "My-Own-Pass-42", by: first.session.principal, keepingSession: first.session.tokenHash)

        let kept = try await db.session(token: first.token, policy: Self.policy)
        #expect(kept != nil)
        #expect(kept?.account.mustChangePassword == false)
        #expect(try await db.session(token: second.token, policy: Self.policy) == nil)
        #expect(try await db.session(token: bystander.token, policy: Self.policy) != nil, "other accounts' sessions are untouched")
        await expectError(.unauthenticated) { try await logIn(fixture, "staff", "Reset-By-Admin-1") }
        #expect(try await logIn(fixture, "staff", "My-Own-Pass-42").session.account.mustChangePassword == false)
    }

    @Test("Given no session to keep, when the password is changed, then every session of the account ends")
    func changeWithoutAKeptSessionEndsAll() async throws {
        let fixture = try await Fixture.make()
        let one = try await logIn(fixture, "staff")
        let two = try await logIn(fixture, "staff")
        try await fixture.db.changeOwnPassword(current: Fixture.password, new: "My-Own-Pass-42", by: one.session.principal)
        #expect(try await fixture.db.session(token: one.token, policy: Self.policy) == nil)
        #expect(try await fixture.db.session(token: two.token, policy: Self.policy) == nil)
    }

    @Test("Given the operator, when changing 'own' password, then forbidden; given a disabled account, then unauthenticated")
    func changeOwnPasswordNeedsAnEnabledAccount() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        await expectError(.forbidden) { try await db.changeOwnPassword(current: "x", new: "Brand-New-2024", by: try await fixture.op()) }

        let staff = try await fixture.staffUser()
        try await db.setDisabled("staff", true, by: try await fixture.countyAdmin())
        await expectError(.unauthenticated) { try await db.changeOwnPassword(current: Fixture.password, new: "Brand-New-2024", by: staff) }
    }
}
