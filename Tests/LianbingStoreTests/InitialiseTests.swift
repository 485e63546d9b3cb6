import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Initialising a database")
struct InitialiseTests {
    @Test("Given an empty database, then it is not initialised and has no operator")
    func emptyDatabaseIsNotInitialised() async throws {
        let fixture = try await Fixture.make(.empty)
        #expect(try await fixture.db.isInitialised() == false)
        await expectError(.notInitialised) { try await fixture.db.operatorPrincipal() }
    }

    @Test("Given an empty database, when initialised, then the tree and an administrator at its root exist, with a generated password to change")
    func initialiseCreatesTreeAndAdmin() async throws {
        let fixture = try await Fixture.make(.empty)
        let db = fixture.db

        let slip = try await db.initialise(units: Tree.rows(Tree.all), file: "单位.csv", adminUsername: "gd.admin")

        #expect(try await db.isInitialised())
        #expect(try await db.count("unit") == Tree.all.count)
        #expect(try await db.count("account") == 1)
        #expect(slip.username == "gd.admin")
        #expect(slip.unitCode == Code.province)
        #expect(slip.unitName == Tree.province.name)
        #expect(PasswordPolicy.problem(with: slip.password, username: slip.username) == nil)

        let login = try await db.logIn(username: "gd.admin", password: slip.password, address: nil, userAgent: nil)
        #expect(login.session.account.role == .admin)
        #expect(login.session.account.mustChangePassword)
        #expect(login.session.principal.scope == UnitPath(codes: [Code.province]))
        #expect(try await db.operatorPrincipal() == .operator(root: UnitPath(codes: [Code.province])))
    }

    @Test("Given an initialised database, when initialise runs again, then conflict and nothing changes")
    func secondInitialiseIsAConflict() async throws {
        let fixture = try await Fixture.make(.top)
        let db = fixture.db
        let before = try await db.fullSnapshot()

        await expectError(.conflict) {
            try await db.initialise(units: Tree.rows(Tree.all), file: "again.csv", adminUsername: "second.admin")
        }

        #expect(try await db.fullSnapshot() == before)
        #expect(try await db.accountRecord("second.admin") == nil)
    }

    @Test("Given an invalid admin username, when initialising, then invalid and nothing is written", arguments: ["x", "管理员", "root admin"])
    func invalidAdminUsernameWritesNothing(username: String) async throws {
        let fixture = try await Fixture.make(.empty)
        let db = fixture.db
        let before = try await db.fullSnapshot()

        await expectError(.invalid) { try await db.initialise(units: Tree.rows(Tree.all), file: "单位.csv", adminUsername: username) }

        #expect(try await db.fullSnapshot() == before)
        #expect(try await db.isInitialised() == false)
    }

    @Test("Given a tree with a bad line, when initialising, then the import is rejected and nothing is written")
    func badTreeWritesNothing() async throws {
        let fixture = try await Fixture.make(.empty)
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let orphan = ServiceUnit(code: "4403", name: "深圳市", level: .city, parentCode: "45")

        let error = await expectError(.importRejected) {
            try await db.initialise(units: Tree.rows(Tree.top + [orphan]), file: "单位.csv", adminUsername: "gd.admin")
        }

        #expect(error?.issues.map(\.line) == [5])
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given the first import of a tree, then its root must be a province")
    func rootMustBeAProvince() async throws {
        let fixture = try await Fixture.make(.empty)
        let cityRoot = ServiceUnit(code: "4401", name: "广州市", level: .city, parentCode: nil)
        let error = await expectError(.importRejected) {
            try await fixture.db.initialise(units: Tree.rows([cityRoot]), file: "单位.csv", adminUsername: "gd.admin")
        }
        #expect(error?.issues.map(\.line) == [2])
        #expect(try await fixture.db.isInitialised() == false)
    }
}
