import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Logging in and sessions")
struct SessionTests {
    private static let policy = SessionPolicy(idleTimeout: 2 * 3600, touchInterval: 60)

    private func logIn(_ fixture: Fixture, _ username: String = "county", _ password: String = Fixture.password) async throws -> NewSession {
        try await fixture.db.logIn(username: username, password: password, address: "10.0.0.8", userAgent: "Mozilla/5.0")
    }

    // MARK: logIn

    @Test("Given the right password, when logging in, then a session opens whose principal is scoped to the account's unit")
    func loginOpensAScopedSession() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture)
        #expect(login.session.account.username == "county")
        #expect(login.session.principal.role == .admin)
        #expect(login.session.principal.scope == UnitPath(codes: [Code.province, Code.guangzhou, Code.tianhe]))
        #expect(login.token != login.session.csrfToken)

        let found = try #require(try await fixture.db.session(token: login.token, policy: Self.policy))
        #expect(found == login.session)
    }

    @Test("Given a username typed in another case, when logging in, then it is the same account")
    func usernamesAreCaseInsensitiveAtLogin() async throws {
        let fixture = try await Fixture.make()
        #expect(try await logIn(fixture, "CoUnTy").session.account.username == "county")
    }

    @Test("Given a wrong password, an unknown user or a disabled account, then unauthenticated and no session opens")
    func failedLoginsAreIndistinguishable() async throws {
        let fixture = try await Fixture.make()
        try await fixture.db.setDisabled("staff", true, by: try await fixture.countyAdmin())

        let wrong = await expectError(.unauthenticated) { try await logIn(fixture, "county", "Wrong-Pass-2024") }
        let unknown = await expectError(.unauthenticated) { try await logIn(fixture, "nobody", Fixture.password) }
        let disabled = await expectError(.unauthenticated) { try await logIn(fixture, "staff", Fixture.password) }
        let empty = await expectError(.unauthenticated) { try await logIn(fixture, "county", "") }
        #expect(wrong == unknown && unknown == disabled && disabled == empty)
        #expect(try await fixture.db.sessionRecords().isEmpty)
    }

    @Test("Given two logins, then each gets its own URL-safe 256-bit token")
    func tokensAreDistinctAndURLSafe() async throws {
        let fixture = try await Fixture.make()
        let one = try await logIn(fixture)
        let two = try await logIn(fixture)
        #expect(one.token != two.token)
        #expect(one.session.csrfToken != two.session.csrfToken)
        for token in [one.token, two.token, one.session.csrfToken] {
            #expect(token.count == 43)
            #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, "\(token)")
        }
    }

    @Test("Given a long user agent, when logging in, then it is stored cut to 256 characters along with the address")
    func userAgentIsTruncated() async throws {
        let fixture = try await Fixture.make()
        _ = try await fixture.db.logIn(username: "county", password: Fixture.password, address: "::1", userAgent: String(repeating: "U", count: 1000))
        let record = try #require(try await fixture.db.sessionRecords().first)
        #expect(record.userAgent?.count == 256)
        #expect(record.address == "::1")
    }

    // MARK: Token storage

    @Test("Given an open session, then the table holds only the SHA-256 hash of the token, never the token itself")
    func onlyTheTokenHashIsStored() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture)

        // hashToken is SHA-256 in lowercase hex (FIPS 180-2 test vectors).
        #expect(AppDatabase.hashToken("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AppDatabase.hashToken("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let expectedHash = AppDatabase.hashToken(login.token)
        let records = try await fixture.db.sessionRecords()
        #expect(records.map(\.tokenHash) == [expectedHash])
        #expect(login.session.tokenHash == expectedHash)
        #expect(expectedHash != login.token)

        // Not in any column of any session row, nor anywhere in the database file's tables.
        let everything = try await fixture.db.fullSnapshot().values.flatMap { $0 }
        #expect(!everything.contains { $0.contains(login.token) })
    }

    @Test("Given an unknown or garbled token, then there is no session")
    func unknownTokenHasNoSession() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture)
        #expect(try await fixture.db.session(token: AppDatabase.randomToken(), policy: Self.policy) == nil)
        #expect(try await fixture.db.session(token: "", policy: Self.policy) == nil)
        // The stored hash is not a token either.
        #expect(try await fixture.db.session(token: login.session.tokenHash, policy: Self.policy) == nil)
    }

    // MARK: Idle timeout

    @Test("Given a session left idle past the timeout, then it is over and removed")
    func idleSessionExpires() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture)

        fixture.clock.advance(by: Self.policy.idleTimeout + 1)

        #expect(try await fixture.db.session(token: login.token, policy: Self.policy) == nil)
        #expect(try await fixture.db.sessionRecords().isEmpty)
        // Going back in time does not revive it.
        fixture.clock.advance(by: -Self.policy.idleTimeout)
        #expect(try await fixture.db.session(token: login.token, policy: Self.policy) == nil)
    }

    @Test("Given a session used just before the timeout, then its lastSeenAt moves and it stays open for another full timeout")
    func useExtendsTheSession() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let login = try await logIn(fixture)
        let start = fixture.clock.now

        fixture.clock.advance(by: Self.policy.idleTimeout - 60)
        #expect(try await db.session(token: login.token, policy: Self.policy) != nil)
        #expect(try await db.sessionRecords().first?.lastSeenAt == start.addingTimeInterval(Self.policy.idleTimeout - 60))

        // Past the original deadline, but within a timeout of the last use.
        fixture.clock.advance(by: Self.policy.idleTimeout - 60)
        #expect(try await db.session(token: login.token, policy: Self.policy) != nil)

        fixture.clock.advance(by: Self.policy.idleTimeout + 1)
        #expect(try await db.session(token: login.token, policy: Self.policy) == nil)
    }

    @Test("Given a session used within the touch interval, then lastSeenAt is not rewritten")
    func touchesAreThrottled() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture)
        let start = fixture.clock.now
        fixture.clock.advance(by: 30)
        #expect(try await fixture.db.session(token: login.token, policy: Self.policy) != nil)
        #expect(try await fixture.db.sessionRecords().first?.lastSeenAt == start)
        fixture.clock.advance(by: 31)
        #expect(try await fixture.db.session(token: login.token, policy: Self.policy) != nil)
        #expect(try await fixture.db.sessionRecords().first?.lastSeenAt == start.addingTimeInterval(61))
    }

    @Test("Given a logged-out session, then it is gone")
    func endingASession() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture)
        let other = try await logIn(fixture)
        try await fixture.db.endSession(token: login.token)
        #expect(try await fixture.db.session(token: login.token, policy: Self.policy) == nil)
        #expect(try await fixture.db.session(token: other.token, policy: Self.policy) != nil)
        try await fixture.db.endSession(token: login.token)  // ending twice is harmless
    }

    @Test("Given idle and active sessions, when purged, then only the idle ones are removed and counted")
    func purgeRemovesOnlyIdleSessions() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let old1 = try await logIn(fixture, "county")
        let old2 = try await logIn(fixture, "staff")
        fixture.clock.advance(by: 3600)
        let recent = try await logIn(fixture, "trainer")
        fixture.clock.advance(by: 3601)  // the first two are now 2h 1s idle, the third 1h 1s

        #expect(try await db.purgeSessions(policy: Self.policy) == 2)
        #expect(try await db.sessionRecords().count == 1)
        #expect(try await db.session(token: recent.token, policy: Self.policy) != nil)
        #expect(try await db.session(token: old1.token, policy: Self.policy) == nil)
        #expect(try await db.session(token: old2.token, policy: Self.policy) == nil)
        #expect(try await db.purgeSessions(policy: Self.policy) == 0)
    }

    @Test("Given a disabled account with a session row left behind, then the session is not honoured")
    func disabledAccountsSessionsAreNotHonoured() async throws {
        let fixture = try await Fixture.make()
        let login = try await logIn(fixture, "staff")
        // Flip the flag directly, as another process might, without the session cleanup setDisabled does.
        try await fixture.db.writer.write { try $0.execute(sql: "UPDATE account SET isDisabled = 1 WHERE username = 'staff'") }
        #expect(try await fixture.db.session(token: login.token, policy: Self.policy) == nil)
    }

    // MARK: Persistence

    @Test("Given a file database, when a session is opened, the pool closed and the file reopened, then the session is still valid")
    func sessionsSurviveReopening() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("lianbing.sqlite").path
            let fixture = try await Fixture.make(path: path)
            let login = try await logIn(fixture)
            try fixture.db.close()

            let reopened = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4), clock: fixture.clock.closure)
            defer { try? reopened.close() }
            let found = try #require(try await reopened.session(token: login.token, policy: Self.policy))
            #expect(found.account.username == "county")
            #expect(found.csrfToken == login.session.csrfToken)
            #expect(found.principal == login.session.principal)
        }
    }
}
