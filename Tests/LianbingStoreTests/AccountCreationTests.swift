import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Creating accounts")
struct AccountCreationTests {
    // MARK: createAccount

    @Test("Given no password, when an admin creates an account, then a generated password is issued, must be changed, and logs in")
    func generatedPasswordMustBeChanged() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let (account, issued) = try await db.createAccount(
            NewAccount(username: "shipai.director", role: .trainer, unitCode: Code.shipai), by: try await fixture.countyAdmin())

        #expect(account.mustChangePassword)
        #expect(!account.isDisabled)
        #expect(account.role == .trainer)
        #expect(account.unitCode == Code.shipai)
        #expect(account.createdAt == fixture.clock.now)
        let slip = try #require(issued)
        #expect(slip.username == "shipai.director")
        #expect(slip.unitCode == Code.shipai)
        #expect(slip.unitName == Tree.shipai.name)
        #expect(slip.staffNumber == nil)
        #expect(PasswordPolicy.problem(with: slip.password, username: slip.username) == nil)

        let login = try await db.logIn(username: "shipai.director", password: slip.password, address: nil, userAgent: nil)
        #expect(login.session.account.mustChangePassword)
        #expect(login.session.principal.scope == UnitPath(codes: [Code.province, Code.guangzhou, Code.tianhe, Code.shipai]))
        #expect(login.session.principal.role == .trainer)
    }

    @Test("Given a chosen password, when an account is created, then nothing is issued and no change is forced")
    func chosenPasswordIsKept() async throws {
        let fixture = try await Fixture.make()
        let (account, issued) = try await fixture.db.createAccount(
            NewAccount(username: "zhang", role: .admin, unitCode: Code.tianhe, password: "Chosen-Pass-99"), by: try await fixture.op())
        #expect(issued == nil)
        #expect(!account.mustChangePassword)
        _ = try await fixture.db.logIn(username: "zhang", password: "Chosen-Pass-99", address: nil, userAgent: nil)
    }

    @Test("Given a staff member of the unit, when an account is linked to them, then the slip names them")
    func accountLinkedToStaff() async throws {
        let fixture = try await Fixture.make()
        let (account, issued) = try await fixture.db.createAccount(
            NewAccount(username: "TH0002", role: .staff, unitCode: Code.shipai, staffNumber: "TH0002"), by: try await fixture.countyAdmin())
        #expect(account.staffNumber == "TH0002")
        #expect(issued?.staffName == "李四")
        #expect(try await fixture.db.staffMember("TH0002", for: try await fixture.op()).username == "TH0002")
    }

    @Test("Given a weak chosen password, when creating an account, then invalid and nothing is written", arguments: ["short1", "onlyletters", "12345678901", "weiyi.01"])
    func weakChosenPasswordIsInvalid(password: String) async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.fullSnapshot()
        await expectError(.invalid) {
            try await fixture.db.createAccount(
                NewAccount(username: "weiyi.01", role: .staff, unitCode: Code.tianhe, password: password), by: try await fixture.op())
        }
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    @Test("Given an existing username, when another differs only in case, then conflict", arguments: ["county", "COUNTY", "County"])
    func duplicateUsernameIsCaseInsensitive(username: String) async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.snapshot("account")
        await expectError(.conflict) {
            try await fixture.db.createAccount(NewAccount(username: username, role: .admin, unitCode: Code.tianhe), by: try await fixture.op())
        }
        #expect(try await fixture.db.snapshot("account") == before)
    }

    @Test(
        "Given a username that is not 2–32 ASCII letters, digits or . _ -, then invalid",
        arguments: ["a", "张三", "with space", "semi;colon", "a/b", String(repeating: "x", count: 33), ""])
    func invalidUsernames(username: String) async throws {
        let fixture = try await Fixture.make()
        await expectError(.invalid) {
            try await fixture.db.createAccount(NewAccount(username: username, role: .staff, unitCode: Code.tianhe), by: try await fixture.op())
        }
    }

    @Test("Given a staff member of another unit in scope, when an account at this unit is linked to them, then invalid")
    func staffOfAnotherUnitIsInvalid() async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.snapshot("account")
        // TH0002 works at the town 440106001, not at the county itself.
        await expectError(.invalid) {
            try await fixture.db.createAccount(
                NewAccount(username: "lisi", role: .staff, unitCode: Code.tianhe, staffNumber: "TH0002"), by: try await fixture.countyAdmin())
        }
        #expect(try await fixture.db.snapshot("account") == before)
    }

    @Test("Given an unknown staff number, then notFound; given one that already has an account, then conflict")
    func staffLinkMustExistAndBeFree() async throws {
        let fixture = try await Fixture.make()
        let admin = try await fixture.countyAdmin()
        await expectError(.notFound) {
            try await fixture.db.createAccount(NewAccount(username: "ghost", role: .staff, unitCode: Code.tianhe, staffNumber: "TH9999"), by: admin)
        }
        await expectError(.conflict) {
            try await fixture.db.createAccount(NewAccount(username: "wangwu2", role: .staff, unitCode: Code.huashi, staffNumber: "TH0003"), by: admin)
        }
    }

    @Test("Given a county administrator, when linking an account to a staff number outside their scope, then notFound without naming its unit")
    func staffNumberOutsideScopeDoesNotLeak() async throws {
        let fixture = try await Fixture.make()
        let admin = try await fixture.countyAdmin()
        let outside = await expectLianbingError {
            try await fixture.db.createAccount(NewAccount(username: "zhaoliu", role: .staff, unitCode: Code.tianhe, staffNumber: "WJ0001"), by: admin)
        }
        // Existence and whereabouts of staff outside the caller's subtree should not leak (as for staffMember()).
        #expect(outside == .notFound("工作人员 WJ0001"))
        #expect(outside?.message.contains(Code.wujiang) == false)
    }

    @Test("Given a county administrator, when creating an account at a unit outside scope, then notFound and nothing is written", arguments: [Code.wujiang, Code.guangzhou, Code.province])
    func unitOutsideScopeIsNotFound(unit: String) async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.snapshot("account")
        await expectError(.notFound) {
            try await fixture.db.createAccount(NewAccount(username: "intruder", role: .admin, unitCode: unit), by: try await fixture.countyAdmin())
        }
        #expect(try await fixture.db.snapshot("account") == before)
    }

    @Test("Given a trainer or a staff member, when creating an account, then forbidden", arguments: ["trainer", "staff"])
    func onlyAdministratorsCreateAccounts(username: String) async throws {
        let fixture = try await Fixture.make()
        let principal = try await fixture.principal(username)
        await expectError(.forbidden) {
            try await fixture.db.createAccount(NewAccount(username: "newbie", role: .staff, unitCode: Code.huashi), by: principal)
        }
        await expectError(.forbidden) { try await fixture.db.createAccountsFromRoster(unit: Code.huashi, by: principal) }
        await expectError(.forbidden) { try await fixture.db.accounts(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 50), for: principal) }
    }

    // MARK: createAccountsFromRoster

    @Test("Given a county roster, when accounts are made from it, then one staff account per active member without one, named by staff number")
    func rosterCreatesOneAccountPerActiveStaffMember() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let admin = try await fixture.countyAdmin()
        let progress = ProgressLog()

        let issued = try await db.createAccountsFromRoster(unit: Code.tianhe, by: admin, progress: { progress.record($0, $1) }).issued

        // TH0003 already has the `staff` account; TH0004 is not in post.
        #expect(issued.map(\.username) == ["TH0001", "TH0002"])
        #expect(issued.map(\.staffNumber) == ["TH0001", "TH0002"])
        #expect(issued.map(\.staffName) == ["张三", "李四"])
        #expect(issued.map(\.unitCode) == [Code.tianhe, Code.shipai])
        #expect(progress.calls == [[1, 2], [2, 2]])
        for slip in issued {
            let account = try #require(try await db.accountRecord(slip.username))
            #expect(account.role == Role.staff.rawValue)
            #expect(account.mustChangePassword)
            #expect(account.staffNumber == slip.username)
            let login = try await db.logIn(username: slip.username, password: slip.password, address: nil, userAgent: nil)
            #expect(login.session.principal.role == .staff)
        }
        // Nobody outside the county got an account.
        #expect(try await db.accountRecord("WJ0001") == nil)
        #expect(try await db.accountRecord("GZ0001") == nil)
    }

    @Test("Given accounts made from a roster, when run again, then none are created and nothing is written")
    func rosterIsIdempotent() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let op = try await fixture.op()
        let first = try await db.createAccountsFromRoster(unit: Code.province, by: op).issued
        #expect(first.count == Roster.all.filter(\.isActive).count - 1)
        let before = try await db.fullSnapshot()

        let second = try await db.createAccountsFromRoster(unit: Code.province, by: op).issued

        #expect(second.isEmpty)
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given a username already equal to a staff number (any case), when the roster runs, then that member is skipped")
    func rosterSkipsNumbersTakenAsUsernames() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let op = try await fixture.op()
        try await db.createAccount(NewAccount(username: "th0001", role: .trainer, unitCode: Code.tianhe, password: Fixture.password), by: op)
        let issued = try await db.createAccountsFromRoster(unit: Code.tianhe, by: op).issued
        #expect(issued.map(\.username) == ["TH0002"])
    }

    @Test("Given a county administrator, when running the roster for a unit outside scope, then notFound and nothing is written")
    func rosterRespectsScope() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let admin = try await fixture.countyAdmin()
        await expectError(.notFound) { try await db.createAccountsFromRoster(unit: Code.wujiang, by: admin) }
        await expectError(.notFound) { try await db.createAccountsFromRoster(unit: Code.province, by: admin) }
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given a town, when its roster runs, then only that town's subtree gets accounts")
    func rosterOfASubtree() async throws {
        let fixture = try await Fixture.make()
        let issued = try await fixture.db.createAccountsFromRoster(unit: Code.shipai, by: try await fixture.countyAdmin()).issued
        #expect(issued.map(\.username) == ["TH0002"])
    }

    @Test("Given a staff number that is not a valid username, when the roster runs, then no account with an invalid username is created")
    func rosterUsernamesFollowTheUsernameRule() async throws {
        // Staff files accept any 1–32 character number without spaces (StaffCSV), but usernames must be 2–32 ASCII
        // letters, digits or . _ - (Account.isValidUsername): the roster turns one into the other unchecked.
        let fixture = try await Fixture.make()
        let db = fixture.db
        let op = try await fixture.op()
        _ = try await db.importStaff(
            Roster.rows([
                Staff(number: "穗0001", name: "甲", unitCode: Code.jinan, post: Post.worker),
                Staff(number: "7", name: "乙", unitCode: Code.jinan, post: Post.worker),
            ]), file: "odd.csv", by: op)

        let result = try await db.createAccountsFromRoster(unit: Code.jinan, by: op)

        #expect(result.issued.allSatisfy { Account.isValidUsername($0.username) }, "\(result.issued.map(\.username))")
        #expect(result.skipped.sorted() == ["7", "穗0001"])
    }

    @Test("Given the roster submitted twice at once (a double click), then each member gets exactly one account and neither run fails")
    func concurrentRosterRunsDoNotClash() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let admin = try await fixture.countyAdmin()
        // Enough members that hashing their passwords takes a while, as it does at the real bcrypt cost.
        let crowd = (1...40).map { Staff(number: String(format: "TH5%03d", $0), name: "成员\($0)", unitCode: Code.jinan, post: Post.worker) }
        _ = try await db.importStaff(Roster.rows(crowd), file: "crowd.csv", by: admin)
        let expected = (["TH0001", "TH0002"] + crowd.map(\.number)).sorted()

        async let first = capture { try await db.createAccountsFromRoster(unit: Code.tianhe, by: admin).issued }
        async let second = capture { try await db.createAccountsFromRoster(unit: Code.tianhe, by: admin).issued }
        let results = await [first, second]

        // Whatever happens, the database never holds two accounts for one member, nor misses one.
        let linked = try await db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT staffNumber FROM account WHERE staffNumber IS NOT NULL AND staffNumber <> 'TH0003' ORDER BY staffNumber")
        }
        #expect(linked == expected)
        // Both runs hash every candidate before writing; the one that writes second must hand back only what it created.
        for result in results {
            #expect(throws: Never.self) { try result.get() }
        }
        let issued = results.compactMap { try? $0.get() }.flatMap { $0 }.map(\.username).sorted()
        #expect(issued == expected, "each member is issued exactly one password")
        // Every password handed out works: none belongs to an account that was never written.
        for slip in results.compactMap({ try? $0.get() }).flatMap({ $0 }) {
            _ = try await db.logIn(username: slip.username, password: slip.password, address: nil, userAgent: nil)
        }
    }

    // MARK: Listing

    @Test("Given accounts across the tree, when a county admin lists them, then only their subtree's accounts are listed")
    func accountListIsScoped() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let county = try await fixture.countyAdmin()
        let page = try await db.accounts(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 50), for: county)
        #expect(page.items.map(\.account.username) == ["county", "staff"])
        #expect(page.items.last?.staffName == "王五")

        let searched = try await db.accounts(query: "王", unit: nil, page: PageRequest(page: 1, perPage: 50), for: county)
        #expect(searched.items.map(\.account.username) == ["staff"])

        #expect(try await db.account("STAFF", for: county).account.username == "staff")
        await expectError(.notFound) { try await db.account("wujiang", for: county) }
        await expectError(.notFound) { try await db.account("province", for: county) }
    }
}

/// Collects progress callbacks, which may arrive from any thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [[Int]] = []
    func record(_ done: Int, _ total: Int) { lock.withLock { log.append([done, total]) } }
    var calls: [[Int]] { lock.withLock { log } }
}

/// Runs `body` and returns the `LianbingError` it threw, or nil (recording an issue) if it threw nothing or something else.
func expectLianbingError<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async -> LianbingError? {
    do {
        _ = try await body()
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    } catch let error as LianbingError {
        return error
    } catch {
        Issue.record("expected a LianbingError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
