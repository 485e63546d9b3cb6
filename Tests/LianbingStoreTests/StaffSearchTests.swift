import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Searching and paging staff")
struct StaffSearchTests {
    private static let all = PageRequest(page: 1, perPage: 200)

    @Test("Given the roster, when searching by part of a name, then only matching staff in scope are listed")
    func searchByName() async throws {
        let fixture = try await Fixture.make()
        let page = try await fixture.db.staff(query: "张", unit: nil, page: Self.all, for: try await fixture.op())
        #expect(page.items.map(\.staff.number) == ["TH0001", "TH0004"])
        #expect(page.total == 2)
    }

    @Test("Given the roster, when searching by part of a staff number (any case), then matching numbers are listed")
    func searchByNumber() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let page = try await fixture.db.staff(query: "wj00", unit: nil, page: Self.all, for: op)
        #expect(page.items.map(\.staff.number) == ["WJ0001", "WJ0002"])
        let exact = try await fixture.db.staff(query: "  TH0003 ", unit: nil, page: Self.all, for: op)
        #expect(exact.items.map(\.staff.name) == ["王五"])
    }

    @Test("Given a blank or missing query, then every staff member in scope is listed, ordered by number")
    func blankQueryListsEveryone() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let expected = Roster.all.map(\.number).sorted()
        #expect(try await fixture.db.staff(query: nil, unit: nil, page: Self.all, for: op).items.map(\.staff.number) == expected)
        #expect(try await fixture.db.staff(query: "   ", unit: nil, page: Self.all, for: op).items.map(\.staff.number) == expected)
    }

    @Test("Given LIKE wildcards in the query, then they match only themselves", arguments: ["%", "_", "TH_0", "T%1", "\\"])
    func likeWildcardsAreLiteral(query: String) async throws {
        let fixture = try await Fixture.make()
        let page = try await fixture.db.staff(query: query, unit: nil, page: Self.all, for: try await fixture.op())
        #expect(page.items.isEmpty, "query \(query) matched \(page.items.map(\.staff.number))")
        #expect(page.total == 0)
    }

    @Test("Given staff whose names and numbers contain % and _, when searching for those characters, then exactly they are found")
    func wildcardCharactersCanBeSearchedFor() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let op = try await fixture.op()
        _ = try await db.importStaff(
            Roster.rows([
                Staff(number: "TH_900", name: "下划线", unitCode: Code.tianhe, post: Post.worker),
                Staff(number: "TH9001", name: "百分之百%", unitCode: Code.tianhe, post: Post.worker),
                Staff(number: "TH\\901", name: "反斜线", unitCode: Code.tianhe, post: Post.worker),
            ]), file: "odd.csv", by: op)

        #expect(try await db.staff(query: "_", unit: nil, page: Self.all, for: op).items.map(\.staff.number) == ["TH_900"])
        #expect(try await db.staff(query: "%", unit: nil, page: Self.all, for: op).items.map(\.staff.number) == ["TH9001"])
        #expect(try await db.staff(query: "\\", unit: nil, page: Self.all, for: op).items.map(\.staff.number) == ["TH\\901"])
        // Were _ a wildcard, "TH_9" would also match "TH\\901"; only the literal underscore matches.
        #expect(try await db.staff(query: "TH_9", unit: nil, page: Self.all, for: op).items.map(\.staff.number) == ["TH_900"])
    }

    @Test("Given eight staff and three per page, when paging, then totals, page counts and slices are consistent")
    func pagingTotals() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let op = try await fixture.op()
        let expected = Roster.all.map(\.number).sorted()

        var seen: [String] = []
        for number in 1...4 {
            let page = try await db.staff(query: nil, unit: nil, page: PageRequest(page: number, perPage: 3), for: op)
            #expect(page.total == 8)
            #expect(page.pageCount == 3)
            #expect(page.page == number)
            #expect(page.perPage == 3)
            seen += page.items.map(\.staff.number)
        }
        #expect(seen == expected, "pages 1–3 hold everyone once; page 4 is empty")

        let last = try await db.staff(query: nil, unit: nil, page: PageRequest(page: 3, perPage: 3), for: op)
        #expect(last.items.count == 2)
        let past = try await db.staff(query: nil, unit: nil, page: PageRequest(page: 4, perPage: 3), for: op)
        #expect(past.items.isEmpty)
        #expect(past.total == 8)
    }

    @Test("Given a query, then the total counts all matches, not just the page")
    func totalCountsAllMatchesOfTheQuery() async throws {
        let fixture = try await Fixture.make()
        let page = try await fixture.db.staff(query: "TH", unit: nil, page: PageRequest(page: 1, perPage: 1), for: try await fixture.op())
        #expect(page.items.map(\.staff.number) == ["TH0001"])
        #expect(page.total == 4)
        #expect(page.pageCount == 4)
    }

    @Test("Given out-of-range page values, then they are clamped")
    func pageRequestsAreClamped() {
        #expect(PageRequest(page: nil, perPage: nil) == PageRequest(page: 1, perPage: 50))
        #expect(PageRequest(page: 0, perPage: 0).page == 1)
        #expect(PageRequest(page: -5, perPage: 0).perPage == 1)
        #expect(PageRequest(page: 2, perPage: 10_000).perPage == PageRequest.maximumPerPage)
        #expect(PageRequest(page: 3, perPage: 20).offset == 40)
        #expect(Page<StaffListing>(items: [], page: 1, perPage: 50, total: 0).pageCount == 1)
    }

    @Test("Given a page number from a hand-edited URL far past the end, then the request stays safe to run")
    func hugePageNumbersDoNotOverflow() {
        // `PageRequest.offset` is (page - 1) * perPage; a URL like ?page=9223372036854775807 must not overflow it
        // (an overflow traps and would take the whole server process down).
        for request in [PageRequest(page: Int.max, perPage: 50), PageRequest(page: Int.max / 10, perPage: 200)] {
            let (_, overflow) = (request.page - 1).multipliedReportingOverflow(by: request.perPage)
            #expect(!overflow, "page \(request.page) × \(request.perPage) overflows Int")
        }
    }

    @Test("Given a county administrator, when listing staff, then only their subtree's staff appear")
    func listingIsScoped() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let page = try await fixture.db.staff(query: nil, unit: nil, page: Self.all, for: county)
        #expect(page.items.map(\.staff.number) == Roster.tianhe.map(\.number))
        // A search for someone outside the subtree finds no one.
        let other = try await fixture.db.staff(query: "赵六", unit: nil, page: Self.all, for: county)
        #expect(other.total == 0)
    }

    @Test("Given a unit filter, then only that unit's subtree is listed; a unit outside scope is notFound")
    func unitFilter() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let county = try await fixture.countyAdmin()
        let town = try await db.staff(query: nil, unit: Code.shipai, page: Self.all, for: county)
        #expect(town.items.map(\.staff.number) == ["TH0002", "TH0003"])
        #expect(town.items.map(\.unitName) == [Tree.shipai.name, Tree.huashi.name])

        await expectError(.notFound) { try await db.staff(query: nil, unit: Code.wujiang, page: Self.all, for: county) }
        await expectError(.notFound) { try await db.staff(query: nil, unit: Code.guangzhou, page: Self.all, for: county) }
    }

    @Test("Given a staff member with an account, then the listing names the account")
    func listingShowsUsernames() async throws {
        let fixture = try await Fixture.make()
        let page = try await fixture.db.staff(query: "TH0003", unit: nil, page: Self.all, for: try await fixture.countyAdmin())
        #expect(page.items.first?.username == "staff")
    }

    @Test("Given a trainer, when listing staff, then their city's subtree is listed")
    func trainerMayListTheirSubtree() async throws {
        let fixture = try await Fixture.make()
        let page = try await fixture.db.staff(query: nil, unit: nil, page: Self.all, for: try await fixture.trainer())
        #expect(page.items.map(\.staff.number) == ["GZ0001"] + Roster.tianhe.map(\.number))
    }

    @Test("Given a staff-role principal, when reading the roster, then forbidden: the server only lets trainers and admins in")
    func staffRoleCannotReadTheRoster() async throws {
        // AppDatabase promises that each method checks role and scope itself; every server route to these two
        // methods asks for .trainer (StaffController), but the methods themselves check scope only.
        let fixture = try await Fixture.make()
        let staff = try await fixture.staffUser()
        let listing = await capture { try await fixture.db.staff(query: nil, unit: nil, page: Self.all, for: staff) }
        let member = await capture { try await fixture.db.staffMember("TH0003", for: staff) }
        #expect((try? listing.get()) == nil, "a staff account listed the roster")
        #expect((try? member.get()) == nil, "a staff account read a staff record")
    }

    @Test("Given a county administrator, when opening a staff member outside scope, then notFound like a missing number")
    func staffMemberOutsideScopeIsNotFound() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let county = try await fixture.countyAdmin()
        let outside = await expectError(.notFound) { try await db.staffMember("WJ0001", for: county) }
        let missing = await expectError(.notFound) { try await db.staffMember("NOPE01", for: county) }
        #expect(outside == .notFound("工作人员 WJ0001"))
        #expect(missing == .notFound("工作人员 NOPE01"))

        let inside = try await db.staffMember("TH0003", for: county)
        #expect(inside.staff == Roster.huashiInformant)
        #expect(inside.unitName == Tree.huashi.name)
        #expect(inside.username == "staff")
    }
}
