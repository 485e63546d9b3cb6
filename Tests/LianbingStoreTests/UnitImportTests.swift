import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Importing units")
struct UnitImportTests {
    // MARK: Incremental imports

    @Test("Given province and cities, when a county subtree is imported under an existing city, then every unit is inserted with its path")
    func incrementalCountyImportUnderExistingParent() async throws {
        let fixture = try await Fixture.make(.top)
        let db = fixture.db
        let summary = try await db.importUnits(Tree.rows(Tree.tianheSubtree), file: "天河区.csv", by: try await fixture.op())

        #expect(summary == UnitImportSummary(inserted: 6, updated: 0, moved: 0))
        #expect(try await db.count("unit") == 9)
        #expect(try await db.unitRecord(Code.tianhe)?.path == "/44/4401/440106/")
        #expect(try await db.unitRecord(Code.huashi)?.path == "/44/4401/440106/440106001/440106001001/")
        #expect(try await db.unitRecord(Code.huanong)?.path == "/44/4401/440106/440106002/440106002001/")
        // The existing units were not touched.
        #expect(try await db.unitRecord(Code.guangzhou)?.path == "/44/4401/")
    }

    @Test("Given an imported tree, when the same file is imported again, then nothing changes and no audit entry is added")
    func reimportingUnchangedFileChangesNothing() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()

        let summary = try await db.importUnits(Tree.rows(Tree.all), file: "all.csv", by: try await fixture.op())

        #expect(summary == UnitImportSummary(inserted: 0, updated: 0, moved: 0))
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given an existing unit, when a file renames it, then only its name changes")
    func renameUpdatesTheName() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        var renamed = Tree.shipai
        renamed.name = "石牌街道退役军人服务站（新址）"

        let summary = try await db.importUnits(Tree.rows([renamed]), file: "rename.csv", by: try await fixture.op())

        #expect(summary == UnitImportSummary(inserted: 0, updated: 1, moved: 0))
        let record = try #require(try await db.unitRecord(Code.shipai))
        #expect(record.name == renamed.name)
        #expect(record.path == "/44/4401/440106/440106001/")
        #expect(try await db.unitRecord(Code.huashi)?.path == "/44/4401/440106/440106001/440106001001/")
    }

    @Test("Given a county with towns and villages, when it moves to another city, then the whole subtree's paths follow")
    func movingACountyRewritesItsSubtreePaths() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        var moved = Tree.tianhe
        moved.parentCode = Code.shaoguan

        let summary = try await db.importUnits(Tree.rows([moved]), file: "move.csv", by: try await fixture.op())

        // The county itself changed (its parent); its five descendants only moved.
        #expect(summary == UnitImportSummary(inserted: 0, updated: 1, moved: 5))
        for unit in Tree.tianheSubtree {
            let record = try #require(try await db.unitRecord(unit.code))
            #expect(record.path.hasPrefix("/44/4402/440106/"), "\(unit.code): \(record.path)")
            #expect(record.parentCode == unit.parentCode || unit.code == Code.tianhe)
        }
        #expect(try await db.unitRecord(Code.huanong)?.path == "/44/4402/440106/440106002/440106002001/")
        // Nothing is left parked under a temporary path.
        let parked = try await db.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM unit WHERE path LIKE '~%'") }
        #expect(parked == 0)

        // Subtree queries see the move: Shaoguan now holds both counties and their staff.
        let op = try await fixture.op()
        let shaoguan = try await db.units(parent: Code.shaoguan, for: op)
        #expect(shaoguan.map(\.code) == [Code.tianhe, Code.wujiang])
        #expect(try await db.unitDetail(Code.shaoguan, for: op).staffCount == Roster.tianhe.count + 2)
        #expect(try await db.unitDetail(Code.guangzhou, for: op).staffCount == 1)
    }

    @Test("Given a town, when it moves to another county, then it is updated and its village counts as moved")
    func movingATownAcrossCounties() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        var moved = Tree.wushan
        moved.parentCode = Code.wujiang

        let summary = try await db.importUnits(Tree.rows([moved]), file: "move.csv", by: try await fixture.op())

        #expect(summary == UnitImportSummary(inserted: 0, updated: 1, moved: 1))
        #expect(try await db.unitRecord(Code.wushan)?.path == "/44/4402/440203/440106002/")
        #expect(try await db.unitRecord(Code.huanong)?.path == "/44/4402/440203/440106002/440106002001/")
        #expect(try await db.unitRecord(Code.shipai)?.path == "/44/4401/440106/440106001/")
    }

    @Test("Given a file that adds a new town and moves an existing village under it, then both happen in one import")
    func insertAndMoveUnderTheNewUnitTogether() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let newTown = ServiceUnit(code: "440106003", name: "长兴街道退役军人服务站", level: .town, parentCode: Code.tianhe)
        var village = Tree.jinan
        village.parentCode = newTown.code

        let summary = try await db.importUnits(Tree.rows([newTown, village]), file: "add.csv", by: try await fixture.op())

        #expect(summary == UnitImportSummary(inserted: 1, updated: 1, moved: 0))
        #expect(try await db.unitRecord(Code.jinan)?.path == "/44/4401/440106/440106003/440106001002/")
    }

    // MARK: Rejected imports

    /// Imports `rows` as the operator, expecting a rejection; checks nothing at all was written.
    private func expectRejected(
        _ rows: [UnitTreeBuilder.Row], in fixture: Fixture, by principal: Principal? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [ImportIssue] {
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let actor: Principal
        if let principal { actor = principal } else { actor = try await fixture.op() }
        let error = await expectError(.importRejected, sourceLocation: sourceLocation) {
            try await db.importUnits(rows, file: "bad.csv", by: actor)
        }
        #expect(try await db.fullSnapshot() == before, "a rejected import wrote something", sourceLocation: sourceLocation)
        return error?.issues ?? []
    }

    @Test("Given a unit whose parent exists nowhere, when imported, then it is rejected at its line")
    func unknownParentIsRejected() async throws {
        let fixture = try await Fixture.make()
        let orphan = ServiceUnit(code: "440111", name: "白云区退役军人服务中心", level: .county, parentCode: "4409")
        let issues = try await expectRejected(Tree.rows([orphan]), in: fixture)
        #expect(issues.map(\.line) == [2])
        #expect(issues.first?.file == "bad.csv")
        #expect(issues.first?.reason.contains("4409") == true)
    }

    @Test("Given a code that appears twice in a file, when imported, then the second line is rejected")
    func duplicateCodeIsRejected() async throws {
        let fixture = try await Fixture.make()
        let town = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        var again = town
        again.name = "长兴街道（重复）"
        let issues = try await expectRejected(Tree.rows([town, Tree.shipai, again]), in: fixture)
        #expect(issues.map(\.line) == [4])
        #expect(issues.first?.reason.contains("440106003") == true)
    }

    @Test("Given an existing root, when a file adds a second province without a parent, then it is rejected")
    func secondRootIsRejected() async throws {
        let fixture = try await Fixture.make()
        let hainan = ServiceUnit(code: "46", name: "海南省退役军人服务中心", level: .province, parentCode: nil)
        let issues = try await expectRejected(Tree.rows([hainan]), in: fixture)
        #expect(issues.map(\.line) == [2])
    }

    @Test("Given a city placed under a village, when imported, then the level error is reported at its line")
    func cityUnderVillageIsRejected() async throws {
        let fixture = try await Fixture.make()
        let city = ServiceUnit(code: "4403", name: "深圳市退役军人服务中心", level: .city, parentCode: Code.huashi)
        let issues = try await expectRejected(Tree.rows([city]), in: fixture)
        #expect(issues.map(\.line) == [2])
    }

    @Test("Given a town placed under another town (same level), when imported, then it is rejected: levels must strictly descend")
    func sameLevelParentIsRejected() async throws {
        let fixture = try await Fixture.make()
        let town = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.shipai)
        let issues = try await expectRejected(Tree.rows([town]), in: fixture)
        #expect(issues.map(\.line) == [2])
    }

    @Test("Given a town with villages, when re-levelled to village, then it is rejected: its villages would no longer sit below it")
    func relevellingBelowExistingChildrenIsRejected() async throws {
        let fixture = try await Fixture.make()
        var town = Tree.shipai
        town.level = .village  // its two villages would no longer sit below it
        let issues = try await expectRejected(Tree.rows([town]), in: fixture)
        #expect(!issues.isEmpty)
        #expect(Set(issues.map(\.line)) == [2])
    }

    @Test("Given a file with several bad lines among good ones, then each bad line has an issue and nothing is written")
    func everyBadLineIsReported() async throws {
        let fixture = try await Fixture.make()
        let good = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        let orphan = ServiceUnit(code: "440106004", name: "无上级", level: .town, parentCode: "nowhere")
        let city = ServiceUnit(code: "4403", name: "深圳市", level: .city, parentCode: Code.huashi)
        let root = ServiceUnit(code: "45", name: "广西", level: .province, parentCode: nil)
        let issues = try await expectRejected(Tree.rows([good, orphan, city, good, root]), in: fixture)
        // line 3: unknown parent, 4: level, 5: duplicate of line 2, 6: second root
        #expect(Set(issues.map(\.line)) == [3, 4, 5, 6])
        #expect(issues == issues.sorted(), "issues come sorted by line")
    }

    // MARK: Files with rows that failed to parse

    @Test("Given parse problems and tree problems in one file, then both are reported together, children of rejected rows are not blamed, and nothing is written")
    func parseAndTreeProblemsAreReportedTogether() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let underRejected = ServiceUnit(code: "440106003001", name: "长兴社区", level: .village, parentCode: "440106003")
        let city = ServiceUnit(code: "4403", name: "深圳市", level: .city, parentCode: Code.huashi)
        // Line 2 (unit 440106003) failed to parse; line 3 hangs under it; line 4 breaks the level rule.
        let parsed = ParsedImport(
            rows: Tree.rows([underRejected, city], firstLine: 3),
            issues: [ImportIssue(file: "bad.csv", line: 2, reason: "层级“街”无效")],
            rejectedKeys: ["440106003"])

        let error = await expectError(.importRejected) { try await db.importUnits(parsed, file: "bad.csv", by: try await fixture.op()) }

        #expect(error?.issues.map(\.line) == [2, 4])
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given parse problems but good remaining rows, then the file is still refused as a whole")
    func parseProblemsAloneRefuseTheFile() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let good = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        let parsed = ParsedImport(
            rows: Tree.rows([good]), issues: [ImportIssue(file: "f.csv", line: 3, reason: "名称为空")], rejectedKeys: ["440106004"])

        let error = await expectError(.importRejected) { try await db.importUnits(parsed, file: "f.csv", by: try await fixture.op()) }

        #expect(error?.issues == [ImportIssue(file: "f.csv", line: 3, reason: "名称为空")])
        #expect(try await db.fullSnapshot() == before)
    }

    @Test("Given a parsed file without problems, then it imports like plain rows")
    func cleanParsedImportSucceeds() async throws {
        let fixture = try await Fixture.make(.top)
        let summary = try await fixture.db.importUnits(ParsedImport(rows: Tree.rows(Tree.wujiangSubtree)), file: "ok.csv", by: try await fixture.op())
        #expect(summary == UnitImportSummary(inserted: 3, updated: 0, moved: 0))
    }

    // MARK: Who may import

    @Test("Given a county administrator, when importing units inside their county, then it succeeds")
    func countyAdminImportsInsideOwnSubtree() async throws {
        let fixture = try await Fixture.make()
        let town = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        let village = ServiceUnit(code: "440106003001", name: "长兴社区", level: .village, parentCode: town.code)
        let summary = try await fixture.db.importUnits(Tree.rows([town, village]), file: "天河.csv", by: try await fixture.countyAdmin())
        #expect(summary == UnitImportSummary(inserted: 2, updated: 0, moved: 0))
    }

    @Test("Given a county administrator, when the file also repeats unchanged ancestors, then it is accepted")
    func countyAdminMayRepeatUnchangedAncestors() async throws {
        let fixture = try await Fixture.make()
        let town = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        let summary = try await fixture.db.importUnits(
            Tree.rows([Tree.province, Tree.guangzhou, Tree.tianhe, town]), file: "天河.csv", by: try await fixture.countyAdmin())
        #expect(summary == UnitImportSummary(inserted: 1, updated: 0, moved: 0))
    }

    @Test("Given a county administrator, when importing a unit under another county, then it is refused and nothing is written")
    func countyAdminCannotImportOutsideSubtree() async throws {
        let fixture = try await Fixture.make()
        let town = ServiceUnit(code: "440203002", name: "龙归镇", level: .town, parentCode: Code.wujiang)
        let issues = try await expectRejected(Tree.rows([town]), in: fixture, by: try await fixture.countyAdmin())
        #expect(issues.map(\.line) == [2])
    }

    @Test("Given a county administrator, when renaming their parent city, then it is refused")
    func countyAdminCannotRenameAncestors() async throws {
        let fixture = try await Fixture.make()
        var city = Tree.guangzhou
        city.name = "广州市（改名）"
        let issues = try await expectRejected(Tree.rows([city]), in: fixture, by: try await fixture.countyAdmin())
        #expect(issues.map(\.line) == [2])
    }

    @Test("Given a county administrator, when moving a town out of their county, or another county's town into it, then both are refused")
    func countyAdminCannotMoveUnitsAcrossTheScopeBoundary() async throws {
        let fixture = try await Fixture.make()
        var out = Tree.wushan
        out.parentCode = Code.wujiang
        _ = try await expectRejected(Tree.rows([out]), in: fixture, by: try await fixture.countyAdmin())

        var into = Tree.xihe
        into.parentCode = Code.tianhe
        _ = try await expectRejected(Tree.rows([into]), in: fixture, by: try await fixture.countyAdmin())
    }

    @Test("Given a staff member or a trainer, when importing units, then it is forbidden and nothing is written", arguments: ["staff", "trainer"])
    func nonAdministratorsAreForbidden(username: String) async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let before = try await db.fullSnapshot()
        let town = ServiceUnit(code: "440106003", name: "长兴街道", level: .town, parentCode: Code.tianhe)
        let principal = try await fixture.principal(username)
        await expectError(.forbidden) { try await db.importUnits(Tree.rows([town]), file: "x.csv", by: principal) }
        #expect(try await db.fullSnapshot() == before)
    }
}
