import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Importing staff")
struct StaffImportTests {
    private static let newcomers = [
        Staff(number: "TH0101", name: "周一", unitCode: Code.jinan, post: Post.worker, isVeteran: true, specialties: ["信息化"]),
        Staff(number: "TH0102", name: "吴二", unitCode: Code.wushan, post: Post.agent, hireDate: CivilDate("2019-12-31")),
        Staff(number: "TH0103", name: "郑三", unitCode: Code.tianhe, post: Post.receptionist, isEntitledPerson: true, isActive: false),
    ]

    @Test("Given new staff numbers, when imported, then each is inserted and reads back exactly")
    func newStaffAreInserted() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let op = try await fixture.op()

        let summary = try await db.importStaff(Roster.rows(Self.newcomers), file: "人员.csv", by: op)

        #expect(summary == StaffImportSummary(inserted: 3, updated: 0, unchanged: 0))
        for member in Self.newcomers {
            let listing = try await db.staffMember(member.number, for: op)
            #expect(listing.staff == member)
            #expect(listing.username == nil)
        }
        #expect(try await db.staffMember("TH0102", for: op).unitName == Tree.wushan.name)
    }

    @Test("Given imported staff, when the same rows are imported again, then all are unchanged and nothing is written")
    func reimportIsUnchanged() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()

        let summary = try await db.importStaff(Roster.rows(Roster.all), file: "staff.csv", by: try await fixture.op())

        #expect(summary == StaffImportSummary(inserted: 0, updated: 0, unchanged: Roster.all.count))
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given an existing staff number, when a row changes name, post, unit and flags, then that member is updated in place")
    func existingNumberIsUpdated() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        var changed = Roster.shipaiReceptionist
        changed.name = "李四（更名）"
        changed.post = Post.director
        changed.unitCode = Code.wushan
        changed.specialties = ["法律"]
        changed.isActive = false

        let summary = try await db.importStaff(
            Roster.rows([Roster.tianheDirector, changed, Roster.huashiInformant]), file: "update.csv", by: try await fixture.countyAdmin())

        #expect(summary == StaffImportSummary(inserted: 0, updated: 1, unchanged: 2))
        #expect(try await db.staffMember(changed.number, for: try await fixture.op()).staff == changed)
        #expect(try await db.count("staff") == Roster.all.count)
    }

    @Test("Given a mix of new, changed and unchanged rows, then the summary counts each")
    func mixedImportIsCounted() async throws {
        let fixture = try await Fixture.make()
        var changed = Roster.huashiInformant
        changed.isVeteran.toggle()
        let summary = try await fixture.db.importStaff(
            Roster.rows([Self.newcomers[0], changed, Roster.tianheDirector]), file: "mix.csv", by: try await fixture.op())
        #expect(summary == StaffImportSummary(inserted: 1, updated: 1, unchanged: 1))
    }

    @Test("Given rows with an unknown unit, an unknown post and a unit outside scope, then each is reported at its line and nothing is written")
    func badRowsAreReportedWithTheirLines() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let rows = Roster.rows([
            Self.newcomers[0],  // line 2: fine
            Staff(number: "TH0201", name: "甲", unitCode: "440106999", post: Post.worker),  // line 3: no such unit
            Staff(number: "TH0202", name: "乙", unitCode: Code.shipai, post: "厨师"),  // line 4: no such post
            Staff(number: "TH0203", name: "丙", unitCode: Code.xihe, post: Post.worker),  // line 5: another county
            Staff(number: "TH0204", name: "丁", unitCode: Code.guangzhou, post: Post.worker),  // line 6: the city above
        ])

        let error = await expectError(.importRejected) {
            try await db.importStaff(rows, file: "人员.csv", by: try await fixture.countyAdmin())
        }

        let issues = error?.issues ?? []
        #expect(issues.map(\.line) == [3, 4, 5, 6])
        #expect(issues.allSatisfy { $0.file == "人员.csv" })
        #expect(issues[0].reason.contains("440106999"))
        #expect(issues[1].reason.contains("厨师"))
        #expect(issues[2].reason.contains(Code.xihe))
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given a staff number that belongs to another county, when a county admin imports it into their own unit, then it is rejected")
    func takingOverAnotherCountysStaffNumberIsRejected() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        var poached = Roster.wujiangDirector
        poached.unitCode = Code.tianhe

        let error = await expectError(.importRejected) {
            try await db.importStaff(Roster.rows([poached]), file: "p.csv", by: try await fixture.countyAdmin())
        }
        #expect(error?.issues.map(\.line) == [2])
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given a file where some rows failed to parse, then the good rows are still checked and every problem is reported, sorted, with nothing written")
    func parseProblemsAndStoreProblemsTogether() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let parsed = ParsedImport(
            rows: [
                StaffImportRow(line: 4, staff: Staff(number: "TH0401", name: "甲", unitCode: "nowhere", post: Post.worker)),
                StaffImportRow(line: 5, staff: Self.newcomers[0]),
            ],
            issues: [ImportIssue(file: "人员.csv", line: 2, reason: "姓名为空"), ImportIssue(file: "人员.csv", line: 3, reason: "入职日期无效")],
            rejectedKeys: ["TH0399", "TH0400"])

        let error = await expectError(.importRejected) { try await db.importStaff(parsed, file: "人员.csv", by: try await fixture.op()) }

        #expect(error?.issues.map(\.line) == [2, 3, 4])
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given one row with two problems, then both are reported for that line")
    func oneLineCanHaveSeveralIssues() async throws {
        let fixture = try await Fixture.make()
        let error = await expectError(.importRejected) {
            try await fixture.db.importStaff(
                Roster.rows([Staff(number: "X1", name: "甲", unitCode: "nowhere", post: "nothing")]), file: "x.csv",
                by: try await fixture.op())
        }
        #expect(error?.issues.map(\.line) == [2, 2])
    }

    @Test("Given a post added by an administrator, when staff are imported with it, then it is accepted")
    func addedPostsCanBeUsed() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        try await db.addPost("心理咨询员", by: try await fixture.countyAdmin())
        #expect(try await db.posts().last == "心理咨询员")
        let member = Staff(number: "TH0301", name: "冯", unitCode: Code.tianhe, post: "心理咨询员")
        let summary = try await db.importStaff(Roster.rows([member]), file: "x.csv", by: try await fixture.countyAdmin())
        #expect(summary.inserted == 1)
    }

    @Test("Given posts, when adding a duplicate, a blank one or as a trainer, then conflict, invalid and forbidden")
    func addPostRules() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let admin = try await fixture.countyAdmin()
        await expectError(.conflict) { try await db.addPost(Post.director, by: admin) }
        await expectError(.invalid) { try await db.addPost("   ", by: admin) }
        await expectError(.invalid) { try await db.addPost(String(repeating: "岗", count: 33), by: admin) }
        await expectError(.forbidden) { try await db.addPost("新岗位", by: try await fixture.trainer()) }
        #expect(try await db.posts() == Post.seeded)
    }

    @Test("Given a trainer or staff principal, when importing staff, then it is forbidden", arguments: ["trainer", "staff"])
    func nonAdministratorsCannotImportStaff(username: String) async throws {
        let fixture = try await Fixture.make()
        let principal = try await fixture.principal(username)
        await expectError(.forbidden) {
            try await fixture.db.importStaff(Roster.rows(Self.newcomers), file: "x.csv", by: principal)
        }
        #expect(try await fixture.db.count("staff") == Roster.all.count)
    }

    @Test("Given the same staff number twice in one batch, when imported, then it fails as a whole and nothing is written")
    func duplicateNumbersInOneBatchWriteNothing() async throws {
        // The CSV parser already rejects this; the store must still stay all-or-nothing when handed such rows.
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        var twin = Self.newcomers[0]
        twin.name = "周一（重复）"
        await #expect(throws: (any Error).self) {
            try await db.importStaff(Roster.rows([Self.newcomers[0], twin]), file: "dup.csv", by: try await fixture.op())
        }
        #expect(try await db.fullSnapshot() == before)
    }
}
