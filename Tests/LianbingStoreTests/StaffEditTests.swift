import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Adding and editing staff")
struct StaffEditTests {
    /// The refusal the import gives for `staff` as its only row, in the import's words.
    private static func importReasons(_ staff: Staff, fixture: Fixture, by principal: Principal) async -> [String] {
        let error = await expectError(.importRejected) {
            try await fixture.db.importStaff(Roster.rows([staff]), file: "人员.csv", by: principal)
        }
        guard case .importRejected(let failure)? = error else { return [] }
        return failure.issues.map(\.reason).sorted()
    }

    @Test("Given a bad row, when added or edited, then the form's messages are the import's for the same row")
    func messagesEqualTheImports() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let bad = [
            Staff(number: "TH 9", name: "", unitCode: Code.huashi, post: Post.worker),
            Staff(number: "TH0009", name: String(repeating: "长", count: 33), unitCode: "4.4E+11", post: "不存在的岗位"),
            Staff(number: "TH0009", name: "出界", unitCode: Code.xihe, post: Post.worker),
            Staff(number: "TH0009", name: "无此单位", unitCode: "999", post: ""),
            Staff(number: Roster.xiheWorker.number, name: "别县的人", unitCode: Code.huashi, post: Post.worker),
        ]
        for staff in bad {
            let expected = await Self.importReasons(staff, fixture: fixture, by: county)
            #expect(!expected.isEmpty)
            #expect(try await fixture.db.staffProblems(staff, isNew: true, by: county).map(\.message).sorted() == expected)
            let error = await expectError(.invalid) { try await fixture.db.addStaff(staff, by: county) }
            #expect(Set(error?.message.components(separatedBy: "；") ?? []) == Set(expected))
        }
        // Editing someone in scope with the same bad fields gives the same words.
        var edited = Roster.huashiInformant
        edited.name = ""
        edited.post = "不存在的岗位"
        let expected = await Self.importReasons(edited, fixture: fixture, by: county)
        #expect(try await fixture.db.staffProblems(edited, isNew: false, by: county).map(\.message).sorted() == expected)
        await expectError(.invalid) { try await fixture.db.editStaff(edited, by: county) }
        #expect(try await fixture.db.staffMember(edited.number, for: county).staff == Roster.huashiInformant)
    }

    @Test("Given a good person, when added and then edited, then both are stored and audited, and a new post restarts 持证上岗")
    func addThenEdit() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let new = Staff(number: "TH0100", name: "孙八", unitCode: Code.jinan, post: Post.worker, isVeteran: true, hireDate: CivilDate("2022-01-04"))
        try await fixture.db.addStaff(new, by: county)
        #expect(try await fixture.db.staffMember(new.number, for: county).staff == new)
        let again = await expectError(.invalid) { try await fixture.db.addStaff(new, by: county) }
        #expect(again?.message.contains("工号 TH0100 已存在") == true)

        var edited = new
        edited.post = Post.director
        edited.specialties = ["法律"]
        try await fixture.db.editStaff(edited, by: county)
        #expect(try await fixture.db.staffMember(new.number, for: county).staff == edited)
        let actions = try await fixture.db.auditEntries().filter { $0.subject == new.number }.map(\.action)
        #expect(actions == ["staff.add", "staff.edit"])

        // The unit changes only by a dated move.
        var moved = edited
        moved.unitCode = Code.huashi
        let error = await expectError(.invalid) { try await fixture.db.editStaff(moved, by: county) }
        #expect(error?.message.contains("调动") == true)
    }

    @Test("Given a county administrator, when they edit or add outside the county, then the person is not found or the unit refused")
    func scope() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        var outsider = Roster.xiheWorker
        outsider.name = "越权"
        await expectError(.notFound) { try await fixture.db.editStaff(outsider, by: county) }
        await expectError(.notFound) { try await fixture.db.staffProblems(outsider, isNew: false, by: county) }
        await expectError(.forbidden) { try await fixture.db.addStaff(Roster.huashiInformant, by: try await fixture.trainer()) }
        #expect(try await fixture.db.staffMember(outsider.number, for: try await fixture.op()).staff == Roster.xiheWorker)
    }

    @Test("Given a person with a login, when their leaving is recorded, then the login is disabled and stays so when it is withdrawn")
    func leavingDisablesTheLogin() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let number = Roster.huashiInformant.number
        #expect(try await fixture.db.accountRecord("staff")?.isDisabled == false)
        try await fixture.db.recordLeaving(number, on: CivilDate("2023-06-30"), by: county)
        #expect(try await fixture.db.accountRecord("staff")?.isDisabled == true)
        try await fixture.db.recordLeaving(number, on: nil, by: county)
        #expect(try await fixture.db.accountRecord("staff")?.isDisabled == true)
        #expect(try await fixture.db.staffMember(number, for: county).staff.leftOn == nil)
    }

    @Test("Given a roster file, when dry-run, then it reports who would be added or changed and writes nothing")
    func dryRunWritesNothing() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let before = try await fixture.db.fullSnapshot()
        var changed = Roster.shipaiReceptionist
        changed.post = Post.director
        let new = Staff(number: "TH0200", name: "新人", unitCode: Code.huashi, post: Post.worker)
        let summary = try await fixture.db.importStaff(
            ParsedImport(rows: Roster.rows([changed, new, Roster.huashiInformant])), file: "花名册", dryRun: true, by: county)
        #expect(summary.inserted == 1 && summary.updated == 1 && summary.unchanged == 1)
        #expect(summary.changes == [
            StaffImportChange(number: changed.number, name: changed.name, isNew: false, detail: "岗位：接访员 → 主任（站长）"),
            StaffImportChange(number: new.number, name: new.name, isNew: true, detail: ""),
        ])
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    @Test("Given filters, when the roster is listed, then post, veteran status and leaving narrow it")
    func filters() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        try await fixture.db.recordLeaving(Roster.huashiInformant.number, on: CivilDate("2023-06-30"), by: county)
        let all = PageRequest(page: 1, perPage: 200)
        func numbers(_ filter: StaffFilter) async throws -> [String] {
            try await fixture.db.staff(query: nil, unit: nil, filter: filter, page: all, for: county).items.map(\.staff.number)
        }
        #expect(try await numbers(StaffFilter(post: Post.director)) == [Roster.tianheDirector.number])
        #expect(try await numbers(StaffFilter(isVeteran: true)) == [Roster.tianheDirector.number])
        #expect(try await numbers(StaffFilter(hasLeft: true)) == [Roster.huashiInformant.number])
        #expect(try await numbers(StaffFilter(hasLeft: false)) == Roster.tianhe.map(\.number).filter { $0 != Roster.huashiInformant.number })
    }
}
