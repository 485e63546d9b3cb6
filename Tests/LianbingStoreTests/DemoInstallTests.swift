import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

/// Generated once for the whole suite.
private let demo = DemoDataset.generate(scale: .demo)

/// Counts how often the dataset was asked for, from any thread.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

@Suite("Installing the demo")
struct DemoInstallTests {
    private static func install(_ db: AppDatabase, counter: CallCounter = CallCounter()) async throws -> [DemoLogin] {
        try await db.installDemo({ counter.increment(); return demo }, scale: .demo)
    }

    @Test("Given an empty database, when the demo is installed, then its tree, roster and four logins exist and work with the demo password")
    func installOnEmptyDatabase() async throws {
        let db = try AppDatabase.inMemory()
        let messages = ProgressLog()
        let logins = try await db.installDemo({ demo }, scale: .demo, progress: { _ in messages.record(0, 0) })

        #expect(messages.calls.count == 2)
        #expect(logins.map(\.username) == ["admin", "county", "trainer", "staff"])
        #expect(logins.map(\.role) == [.admin, .admin, .trainer, .staff])
        #expect(try await db.count("unit") == demo.units.count)
        #expect(try await db.count("staff") == demo.staff.count)
        #expect(try await db.isInitialised())

        var scopes: [String: UnitPath] = [:]
        for login in logins {
            let session = try await db.logIn(username: login.username, password: AppDatabase.demoPassword, address: nil, userAgent: nil)
            #expect(session.session.account.mustChangePassword == false, "\(login.username)")
            #expect(session.session.account.role == login.role)
            scopes[login.username] = session.session.principal.scope
        }
        #expect(scopes["admin"]?.codes == [demo.adminUnitCode])
        #expect(scopes["county"]?.codes.last == demo.countyUnitCode)
        #expect(scopes["trainer"]?.codes.last == demo.trainerUnitCode)
        #expect(try await db.accountRecord("staff")?.staffNumber == demo.staffMemberNumber)
        #expect(logins.first { $0.username == "county" }?.unitName == demo.units.first { $0.code == demo.countyUnitCode }?.name)

        // The county login really is scoped: it sees its own county and nothing above.
        let county = try await db.logIn(username: "county", password: AppDatabase.demoPassword, address: nil, userAgent: nil).session.principal
        #expect(try await db.scopeRoot(for: county).code == demo.countyUnitCode)
        await expectError(.notFound) { try await db.unitDetail(demo.adminUnitCode, for: county) }
    }

    @Test("Given an installed demo, when installed again, then nothing is regenerated or duplicated")
    func reinstallKeepsEverything() async throws {
        let db = try AppDatabase.inMemory()
        let counter = CallCounter()
        _ = try await Self.install(db, counter: counter)
        // Work done in the demo meanwhile must survive a restart.
        try await db.addPost("演示岗位", by: try await db.operatorPrincipal())
        let units = try await db.snapshot("unit")
        let staff = try await db.snapshot("staff")
        let accounts = try await db.count("account")

        let logins = try await Self.install(db, counter: counter)

        #expect(counter.count == 1, "the dataset is generated only for the first install")
        #expect(logins.count == 4)
        #expect(try await db.snapshot("unit") == units)
        #expect(try await db.snapshot("staff") == staff)
        #expect(try await db.count("account") == accounts)
        #expect(try await db.posts().contains("演示岗位"))
    }

    @Test("Given a demo login whose password was changed and another disabled, when installed again, then both work with the demo password")
    func reinstallRestoresDemoLogins() async throws {
        let db = try AppDatabase.inMemory()
        _ = try await Self.install(db)
        let admin = try await db.logIn(username: "admin", password: AppDatabase.demoPassword, address: nil, userAgent: nil)
        try await db.changeOwnPassword(current: AppDatabase.demoPassword, new: "Changed-Pass-1", by: admin.session.principal)
        try await db.setDisabled("county", true, by: admin.session.principal)
        _ = try await db.resetPassword("staff", by: admin.session.principal)
        await expectError(.unauthenticated) {
            try await db.logIn(username: "admin", password: AppDatabase.demoPassword, address: nil, userAgent: nil)
        }

        _ = try await Self.install(db)

        for username in ["admin", "county", "trainer", "staff"] {
            let login = try await db.logIn(username: username, password: AppDatabase.demoPassword, address: nil, userAgent: nil)
            #expect(login.session.account.mustChangePassword == false, "\(username)")
            #expect(login.session.account.isDisabled == false, "\(username)")
        }
    }

    @Test("Given a database initialised with real data, when the demo is installed, then conflict and nothing changes")
    func demoRefusesRealData() async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.fullSnapshot()
        let counter = CallCounter()
        await expectError(.conflict) { try await Self.install(fixture.db, counter: counter) }
        #expect(counter.count == 0)
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    @Test("Given an installed demo, then initialise refuses it as already initialised")
    func initialiseRefusesTheDemo() async throws {
        let db = try AppDatabase.inMemory()
        _ = try await Self.install(db)
        await expectError(.conflict) { try await db.initialise(units: Tree.rows(Tree.all), file: "x.csv", adminUsername: "root") }
    }
}
