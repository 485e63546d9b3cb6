import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

// MARK: - The fixture tree
//
//   44 广东省
//   ├── 4401 广州市
//   │   └── 440106 天河区
//   │       ├── 440106001 石牌街道 ── 440106001001 华师社区, 440106001002 暨大社区
//   │       └── 440106002 五山街道 ── 440106002001 华农社区
//   └── 4402 韶关市
//       └── 440203 武江区
//           └── 440203001 西河镇 ── 440203001001 西河村

enum Code {
    static let province = "44"
    static let guangzhou = "4401"
    static let shaoguan = "4402"
    static let tianhe = "440106"
    static let wujiang = "440203"
    static let shipai = "440106001"
    static let wushan = "440106002"
    static let xihe = "440203001"
    static let huashi = "440106001001"
    static let jinan = "440106001002"
    static let huanong = "440106002001"
    static let xiheVillage = "440203001001"
}

enum Tree {
    static let province = ServiceUnit(code: Code.province, name: "广东省退役军人服务中心", level: .province, parentCode: nil)
    static let guangzhou = ServiceUnit(code: Code.guangzhou, name: "广州市退役军人服务中心", level: .city, parentCode: Code.province)
    static let shaoguan = ServiceUnit(code: Code.shaoguan, name: "韶关市退役军人服务中心", level: .city, parentCode: Code.province)

    static let tianhe = ServiceUnit(code: Code.tianhe, name: "天河区退役军人服务中心", level: .county, parentCode: Code.guangzhou)
    static let shipai = ServiceUnit(code: Code.shipai, name: "石牌街道退役军人服务站", level: .town, parentCode: Code.tianhe)
    static let wushan = ServiceUnit(code: Code.wushan, name: "五山街道退役军人服务站", level: .town, parentCode: Code.tianhe)
    static let huashi = ServiceUnit(code: Code.huashi, name: "华师社区退役军人服务站", level: .village, parentCode: Code.shipai)
    static let jinan = ServiceUnit(code: Code.jinan, name: "暨大社区退役军人服务站", level: .village, parentCode: Code.shipai)
    static let huanong = ServiceUnit(code: Code.huanong, name: "华农社区退役军人服务站", level: .village, parentCode: Code.wushan)

    static let wujiang = ServiceUnit(code: Code.wujiang, name: "武江区退役军人服务中心", level: .county, parentCode: Code.shaoguan)
    static let xihe = ServiceUnit(code: Code.xihe, name: "西河镇退役军人服务站", level: .town, parentCode: Code.wujiang)
    static let xiheVillage = ServiceUnit(code: Code.xiheVillage, name: "西河村退役军人服务站", level: .village, parentCode: Code.xihe)

    /// Province and its two cities.
    static let top = [province, guangzhou, shaoguan]
    /// County 440106 and everything below it (6 units), parents first.
    static let tianheSubtree = [tianhe, shipai, wushan, huashi, jinan, huanong]
    /// County 440203 and everything below it (3 units), parents first.
    static let wujiangSubtree = [wujiang, xihe, xiheVillage]
    static let all = top + tianheSubtree + wujiangSubtree

    /// Import rows as a file would give them: the header is line 1, so units start on line 2.
    static func rows(_ units: [ServiceUnit], firstLine: Int = 2) -> [UnitTreeBuilder.Row] {
        units.enumerated().map { UnitTreeBuilder.Row(line: firstLine + $0.offset, unit: $0.element) }
    }
}

enum Roster {
    static let provinceDirector = Staff(number: "GD0001", name: "陈志远", unitCode: Code.province, post: Post.director)
    static let cityDirector = Staff(number: "GZ0001", name: "林国强", unitCode: Code.guangzhou, post: Post.director)
    static let tianheDirector = Staff(
        number: "TH0001", name: "张三", unitCode: Code.tianhe, post: Post.director, isVeteran: true,
        specialties: ["法律", "心理服务"], hireDate: CivilDate("2021-03-05"))
    static let shipaiReceptionist = Staff(number: "TH0002", name: "李四", unitCode: Code.shipai, post: Post.receptionist, isEntitledPerson: true)
    static let huashiInformant = Staff(number: "TH0003", name: "王五", unitCode: Code.huashi, post: Post.informant)
    /// Not in post: rosters skip them.
    static let huanongRetired = Staff(number: "TH0004", name: "张小明", unitCode: Code.huanong, post: Post.agent, isActive: false)
    static let wujiangDirector = Staff(number: "WJ0001", name: "赵六", unitCode: Code.wujiang, post: Post.director)
    static let xiheWorker = Staff(number: "WJ0002", name: "钱七", unitCode: Code.xiheVillage, post: Post.worker)

    static let all = [
        provinceDirector, cityDirector, tianheDirector, shipaiReceptionist, huashiInformant, huanongRetired, wujiangDirector,
        xiheWorker,
    ]
    static let tianhe = [tianheDirector, shipaiReceptionist, huashiInformant, huanongRetired]

    static func rows(_ staff: [Staff], firstLine: Int = 2) -> [StaffImportRow] {
        staff.enumerated().map { StaffImportRow(line: firstLine + $0.offset, staff: $0.element) }
    }
}

// MARK: - Clock

/// A settable clock for `AppDatabase(clock:)`; starts on a whole second so stored dates round-trip exactly.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    var closure: @Sendable () -> Date { { [self] in now } }
}

// MARK: - The fixture

/// A database holding the fixture tree, its roster and one account per kind of user.
struct Fixture: Sendable {
    /// The password of every fixture account except `root`.
    static let password = "Fixture-Pass-2024"

    enum Content: Sendable {
        /// Nothing at all: not initialised.
        case empty
        /// Province and cities only, administered by `root`.
        case top
        /// The whole tree, the roster and the accounts below.
        case full
    }

    let db: AppDatabase
    let clock: TestClock
    /// The generated password of `root`, the administrator `initialise` created (nil for `.empty`).
    let rootPassword: String?

    /// Builds the fixture in memory, or in a WAL file database at `path`.
    static func make(_ content: Content = .full, path: String? = nil) async throws -> Fixture {
        let clock = TestClock()
        let passwords = PasswordHasher(cost: 4)
        let db = try path.map { try AppDatabase.open(path: $0, passwords: passwords, clock: clock.closure) }
            ?? AppDatabase.inMemory(passwords: passwords, clock: clock.closure)
        guard content != .empty else { return Fixture(db: db, clock: clock, rootPassword: nil) }

        let issued = try await db.initialise(units: Tree.rows(Tree.top), file: "top.csv", adminUsername: "root")
        let fixture = Fixture(db: db, clock: clock, rootPassword: issued.password)
        guard content == .full else { return fixture }

        let op = try await db.operatorPrincipal()
        _ = try await db.importUnits(Tree.rows(Tree.tianheSubtree + Tree.wujiangSubtree), file: "counties.csv", by: op)
        _ = try await db.importStaff(Roster.rows(Roster.all), file: "staff.csv", by: op)
        for new in [
            NewAccount(username: "province", role: .admin, unitCode: Code.province, password: password),
            NewAccount(username: "county", role: .admin, unitCode: Code.tianhe, password: password),
            NewAccount(username: "wujiang", role: .admin, unitCode: Code.wujiang, password: password),
            NewAccount(username: "trainer", role: .trainer, unitCode: Code.guangzhou, password: password),
            NewAccount(username: "staff", role: .staff, unitCode: Code.huashi, staffNumber: Roster.huashiInformant.number, password: password),
        ] {
            try await db.createAccount(new, by: op)
        }
        return fixture
    }

    func op() async throws -> Principal { try await db.operatorPrincipal() }

    /// The principal a session of `username` would carry, without opening a session.
    func principal(_ username: String) async throws -> Principal {
        try await db.reader.read { db in
            guard let record = try AccountRecord.filter(Column("username") == username).fetchOne(db) else {
                throw LianbingError.notFound("fixture account \(username)")
            }
            return try AppDatabase.principal(for: record, db)
        }
    }

    /// Administrator of the province root.
    func provinceAdmin() async throws -> Principal { try await principal("province") }
    /// Administrator of county 440106 (天河区).
    func countyAdmin() async throws -> Principal { try await principal("county") }
    /// Administrator of county 440203 (武江区).
    func otherCountyAdmin() async throws -> Principal { try await principal("wujiang") }
    /// Trainer at city 4401.
    func trainer() async throws -> Principal { try await principal("trainer") }
    /// Staff member TH0003 at village 440106001001.
    func staffUser() async throws -> Principal { try await principal("staff") }
}

// MARK: - Reading the database back

extension AppDatabase {
    /// Every row of `table`, rendered as text: enough to compare a table before and after an action.
    func snapshot(_ table: String) async throws -> [String] {
        try await reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map(\.description)
        }
    }

    /// Every table that holds data, for "nothing was written" checks.
    func fullSnapshot() async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for table in [
            "meta", "unit", "post", "staff", "account", "session", "auditEntry", "bankRevision", "question", "questionRevision",
            "exam", "examCandidate", "examForm", "attempt", "attemptAnswer", "attemptVisit", "scoreReview", "wrongQuestion", "questionMeasure",
        ] {
            result[table] = try await snapshot(table)
        }
        return result
    }

    func count(_ table: String) async throws -> Int {
        try await reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    func auditEntries() async throws -> [AuditRecord] {
        try await reader.read { db in try AuditRecord.order(Column("id")).fetchAll(db) }
    }

    func unitRecord(_ code: String) async throws -> UnitRecord? {
        try await reader.read { db in try UnitRecord.fetchOne(db, key: code) }
    }

    func accountRecord(_ username: String) async throws -> AccountRecord? {
        try await reader.read { db in try AccountRecord.filter(Column("username") == username).fetchOne(db) }
    }

    func sessionRecords() async throws -> [SessionRecord] {
        try await reader.read { db in try SessionRecord.fetchAll(db) }
    }

    /// Closes a file database's pool, as the process ending would.
    func close() throws {
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }
}

// MARK: - Errors

extension LianbingError {
    /// The case without its payload, so tests can say which kind of error they expect.
    enum Kind: Equatable, CustomStringConvertible {
        case notFound, forbidden, unauthenticated, invalid, conflict, throttled, passwordChangeRequired, notInitialised,
            importRejected

        var description: String {
            switch self {
            case .notFound: "notFound"
            case .forbidden: "forbidden"
            case .unauthenticated: "unauthenticated"
            case .invalid: "invalid"
            case .conflict: "conflict"
            case .throttled: "throttled"
            case .passwordChangeRequired: "passwordChangeRequired"
            case .notInitialised: "notInitialised"
            case .importRejected: "importRejected"
            }
        }
    }

    var kind: Kind {
        switch self {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthenticated: .unauthenticated
        case .invalid: .invalid
        case .conflict: .conflict
        case .throttled: .throttled
        case .passwordChangeRequired: .passwordChangeRequired
        case .notInitialised: .notInitialised
        case .importRejected: .importRejected
        }
    }

    /// The issues of an `.importRejected`; empty otherwise.
    var issues: [ImportIssue] {
        if case .importRejected(let failure) = self { return failure.issues }
        return []
    }
}

/// Runs `body`, expecting it to throw a `LianbingError` of `kind`; records an issue otherwise. Returns the error.
@discardableResult
func expectError<T>(
    _ kind: LianbingError.Kind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> LianbingError? {
    do {
        let value = try await body()
        Issue.record("expected LianbingError.\(kind), but it succeeded with \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as LianbingError {
        #expect(error.kind == kind, "expected LianbingError.\(kind), got \(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected LianbingError.\(kind), got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The outcome of `body`, error included, so concurrent runs can be compared afterwards.
func capture<T: Sendable>(_ body: @Sendable () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

// MARK: - Temporary files

/// A fresh directory under the system's temporary directory, removed after `body` whatever happens.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
