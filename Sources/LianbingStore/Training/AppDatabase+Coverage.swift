import Foundation
import GRDB
import LianbingCore

/// How many people of a unit stand where in rolling coverage.
public struct CoverageCounts: Sendable, Codable, Equatable {
    /// 应训人数: everyone due this cycle, covered or not.
    public var due: Int
    public var covered: Int
    public var uncovered: Int
    /// 宽限期内: new staff not due yet (and not trained yet).
    public var notYetDue: Int
    /// Hired too late in the cycle to be due in it.
    public var notDue: Int
    /// covered / due; `nil` when nobody is due.
    public var share: Double?

    public init(due: Int = 0, covered: Int = 0, uncovered: Int = 0, notYetDue: Int = 0, notDue: Int = 0) {
        self.due = due
        self.covered = covered
        self.uncovered = uncovered
        self.notYetDue = notYetDue
        self.notDue = notDue
        share = AppDatabase.share(covered, of: due)
    }

    mutating func count(_ standing: CoverageStanding) {
        switch standing {
        case .covered: covered += 1
        case .uncovered: uncovered += 1
        case .notYetDue: notYetDue += 1
        case .notDue: notDue += 1
        case .left: return
        }
        due = covered + uncovered
        share = AppDatabase.share(covered, of: due)
    }
}

/// One row of a coverage report: a child unit's subtree, the report unit's own staff, or the total.
public struct CoverageRow: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// The people attached to the unit itself rather than its subtree (the 本级 row).
    public var ownStaffOnly: Bool
    public var counts: CoverageCounts
}

/// Someone due and not trained this cycle.
public struct UncoveredPerson: Sendable, Codable, Equatable {
    public var number: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    /// Their last training that counts for coverage, in an earlier cycle; `nil` for never.
    public var lastTrained: CivilDate?
}

/// Rolling full coverage (item 18) for a subtree on a day.
public struct CoverageReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var today: CivilDate
    public var cycle: TrainingCycle
    public var graceDays: Int
    /// The report unit's own staff (when any are counted), then each child unit's subtree, by code.
    public var rows: [CoverageRow]
    public var total: CoverageRow
    /// Longest-untrained first (never trained, then the earliest last training, then staff number).
    public var uncovered: [UncoveredPerson]
    /// `rows` and `total` as text: 单位, 应训人数, 已覆盖, 未覆盖, 宽限期内, 覆盖率.
    public var table: ReportTable
    /// `uncovered` as text: 工号, 姓名, 单位, 最近一次培训.
    public var uncoveredTable: ReportTable
}

/// A member of staff in a coverage subtree with where they stand: what the coverage report counts and the planner
/// plans from, read once so that both always agree.
struct CoverageEntry: Sendable {
    /// Their position in `CoverageRoster.numbers` and `names`.
    var person: Int
    /// Their present unit, as a position in `CoverageRoster.units`.
    var unit: Int
    var standing: CoverageStanding

    var lastTrained: CivilDate? {
        switch standing {
        case .covered(let last): last
        case .uncovered(let last): last
        default: nil
        }
    }

    var isUncovered: Bool {
        if case .uncovered = standing { return true }
        return false
    }
}

/// Everyone rolling coverage counts in a subtree, with the units they belong to. Text stays as bytes until a report
/// lists someone (`number(of:)`, `unitName(_:)` …): counting 50,000 people needs none of it.
struct CoverageRoster: Sendable {
    /// Unit codes of the subtree at counted levels; a unit's position is its index in `unitNames` and `unitPaths`.
    var units = ByteKeyIndex(capacity: 1_024)
    var unitNames = ByteList()
    var unitPaths = ByteList()
    var numbers = ByteKeyIndex(capacity: 1_024)
    var names = ByteList()
    /// Everyone read, in the order of `numbers`; `entries` leaves out those who left.
    var people: [Person] = []
    var entries: [CoverageEntry] = []

    struct Person: Sendable {
        var hireDate: CivilDate?
        var leftOn: CivilDate?
        var unit: Int
    }

    func number(of entry: CoverageEntry) -> String { numbers.key(at: entry.person) }
    func name(of entry: CoverageEntry) -> String { names.string(at: entry.person) }
    func unitCode(_ unit: Int) -> String { units.key(at: unit) }
    func unitName(_ unit: Int) -> String { unitNames.string(at: unit) }
    func unitPath(_ unit: Int) -> String { unitPaths.string(at: unit) }
}

extension AppDatabase {
    /// Who is trained this cycle in `unit`'s subtree (default: the caller's scope) on `today` (default: today in
    /// China). Counted: active staff whose present unit lies in the subtree at a level the settings name
    /// (`coverageLevels`, by default county, town and village), who had not left by the cycle's start. Coverage
    /// belongs to the person — attendance is kept per staff number, whatever unit they were in — so a move does not
    /// lose it, and people who left drop out from their leaving date. What counts: attendance marked attended at a
    /// session, placed by its China start date, that is a business training or a 上级调训
    /// (`TrainingKind.countsForCoverage`). Trainers and administrators only.
    ///
    /// For the whole province the attendance table is read on a second connection while the roster is read on the
    /// first: two read transactions, so attendance recorded in between may count — harmless for a report, and it
    /// brings the report within 200 ms on two cores.
    public func coverageReport(unit: String? = nil, on today: CivilDate? = nil, for principal: Principal) async throws -> CoverageReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看培训覆盖情况") }
        let today = try reportDay(today)
        return try await cachedReport("coverage", unit: unit, today: today, for: principal) { root in
            try await computeCoverageReport(root: root, today: today)
        }
    }

    private func computeCoverageReport(root: UnitRecord, today: CivilDate) async throws -> CoverageReport {
        let (settings, children) = try await reader.read { db in (try Self.trainingSettings(db), try Self.childUnits(of: root, db)) }
        let cycle = settings.cycle(containing: today)
        let roster: CoverageRoster
        if root.unitPath.codes.count == 1 {
            async let everyone = reader.read { db in try Self.latestCoverageTrainingOfEveryone(upTo: today, db) }
            let candidates = try await reader.read { db in try Self.coverageCandidates(under: root.unitPath, settings: settings, cycle: cycle, db) }
            let (numbers, days) = try await everyone
            let latest = (0..<candidates.numbers.count).map { position -> CivilDate? in
                guard let index = candidates.numbers.withKey(at: position, { numbers.index(of: $0) }) else { return nil }
                return CivilDate(dayNumber: days[index])
            }
            roster = Self.standings(of: candidates, latest: latest, cycle: cycle, today: today, graceDays: settings.graceDays)
        } else {
            roster = try await reader.read { db in
                try Self.coverageRoster(under: root.unitPath, settings: settings, cycle: cycle, today: today, db)
            }
        }
        return Self.coverageReport(root: root, children: children, roster: roster, settings: settings, cycle: cycle, today: today)
    }

    /// Everyone coverage counts in the subtree at `root`, with their standing, in one read. Each person's latest
    /// counting training up to `today` is enough, since it either lies in the cycle (covered, with that date) or is the
    /// last training before it (uncovered since then) — `Coverage.standing` decides the rest.
    static func coverageRoster(
        under root: UnitPath, settings: TrainingSettings, cycle: TrainingCycle, today: CivilDate, _ db: Database
    ) throws -> CoverageRoster {
        let candidates = try coverageCandidates(under: root, settings: settings, cycle: cycle, db)
        let latest = try latestCoverageTraining(of: candidates.numbers, upTo: today, db)
        return standings(of: candidates, latest: latest, cycle: cycle, today: today, graceDays: settings.graceDays)
    }

    /// The people coverage may count in the subtree (active, at a counted level, not gone before the cycle), without
    /// their standing. Sized for the province (28,000 units, 50,000 staff): the subtree's units are read once, for the
    /// whole tree the staff table is read in order rather than unit by unit, and rows come straight from SQLite
    /// (`scanRows`), their text kept as bytes.
    static func coverageCandidates(under root: UnitPath, settings: TrainingSettings, cycle: TrainingCycle, _ db: Database) throws
        -> CoverageRoster
    {
        let levels = settings.coverageLevels.map { String($0.rawValue) }.sorted().joined(separator: ", ")
        var roster = CoverageRoster()
        let wholeTree = root.codes.count == 1
        try db.scanRows(
            wholeTree
                ? "SELECT code, name, path FROM unit WHERE level IN (\(levels))"
                : "SELECT code, name, path FROM unit WHERE path >= ? AND path < ? AND level IN (\(levels))",
            arguments: wholeTree ? [] : [root.lowerBound, root.upperBound]
        ) { row in
            let index = row.withBytes(0) { roster.units.insert(bytes: $0) }
            guard index == roster.unitNames.count else { return }
            row.withBytes(1) { roster.unitNames.append($0) }
            row.withBytes(2) { roster.unitPaths.append($0) }
        }
        guard roster.units.count > 0 else { return roster }
        try db.scanRows(
            wholeTree
                ? "SELECT s.number, s.name, s.unitCode, s.hireDate, s.leftOn FROM staff s WHERE s.isActive AND (s.leftOn IS NULL OR s.leftOn > ?)"
                : """
                    SELECT s.number, s.name, s.unitCode, s.hireDate, s.leftOn
                    FROM unit u JOIN staff s ON s.unitCode = u.code
                    WHERE u.path >= ? AND u.path < ? AND u.level IN (\(levels)) AND s.isActive AND (s.leftOn IS NULL OR s.leftOn > ?)
                    """,
            arguments: wholeTree ? [cycle.start.description] : [root.lowerBound, root.upperBound, cycle.start.description]
        ) { row in
            guard let unit = row.withBytes(2, { roster.units.index(of: $0) }) else { return }
            // Staff numbers are the table's key, so each comes once and its position is its place in `people`.
            guard row.withBytes(0, { roster.numbers.insert(bytes: $0) }) == roster.people.count else { return }
            row.withBytes(1) { roster.names.append($0) }
            roster.people.append(CoverageRoster.Person(hireDate: row.civilDate(3), leftOn: row.civilDate(4), unit: unit))
        }
        return roster
    }

    /// The candidates' standings from their latest trainings (in the order of `candidates.numbers`).
    static func standings(of candidates: CoverageRoster, latest: [CivilDate?], cycle: TrainingCycle, today: CivilDate, graceDays: Int)
        -> CoverageRoster
    {
        var roster = candidates
        roster.entries = []
        roster.entries.reserveCapacity(roster.people.count)
        for (position, person) in roster.people.enumerated() {
            // `Coverage.standing` does not look at the number; the roster keeps it.
            let standing = Coverage.standing(
                of: CoveragePerson(number: "", hireDate: person.hireDate, leftOn: person.leftOn, trainedOn: latest[position].map { [$0] } ?? []),
                in: cycle, on: today, graceDays: graceDays)
            if case .left = standing { continue }
            roster.entries.append(CoverageEntry(person: position, unit: person.unit, standing: standing))
        }
        return roster
    }

    /// `TrainingKind.countsForCoverage(business:)` in SQL, over `trainingSession ts`: a business training, or a
    /// 上级调训 whatever its flag.
    static let countsForCoverageSQL = "(ts.isBusiness OR ts.kind = '\(TrainingKind.higherLevel.rawValue)')"

    /// How `latestCoverageTraining` reads attendance: one indexed lookup per person, or the whole table once.
    enum CoverageLookup { case perPerson, tableScan }

    /// Per person of `numbers` (in the same order), the China start date of the latest session counting for
    /// coverage, started by `today`, that attendance marks them as having attended; `nil` for none. `lookup` is chosen
    /// by size unless given (tests compare the two).
    static func latestCoverageTraining(
        of numbers: [String], upTo today: CivilDate, using lookup: CoverageLookup? = nil, _ db: Database
    ) throws -> [CivilDate?] {
        var index = ByteKeyIndex(capacity: numbers.count)
        for number in numbers { index.insert(number) }
        let latest = try latestCoverageTraining(of: index, upTo: today, using: lookup, db)
        return numbers.map { index.index(of: $0).flatMap { latest[$0] } }
    }

    /// As above, for the keys of `numbers` in their order there. For a few thousand people, one indexed lookup each
    /// (`trainingAttendance_on_staffNumber_day`); for more, the lookups' random reads cost more than reading the
    /// attendance table once in order (SQLite would sort 200,000 rows to group them by person, and a correlated
    /// subquery takes about a second at that size).
    static func latestCoverageTraining(
        of numbers: ByteKeyIndex, upTo today: CivilDate, using lookup: CoverageLookup? = nil, _ db: Database
    ) throws -> [CivilDate?] {
        guard numbers.count > 0 else { return [] }
        // MAX(rowid) estimates the table's size without counting it; one lookup costs about as much as reading
        // 70 rows in order.
        let attendanceRows = try Int.fetchOne(db, sql: "SELECT MAX(rowid) FROM trainingAttendance") ?? 0
        guard attendanceRows > 0 else { return Array(repeating: nil, count: numbers.count) }
        if (lookup ?? (numbers.count * 70 < attendanceRows ? .perPerson : .tableScan)) == .perPerson {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT MAX(ts.startDate) FROM trainingAttendance ta JOIN trainingSession ts ON ts.id = ta.sessionId
                    WHERE ta.staffNumber = ? AND ta.status = 'attended' AND \(countsForCoverageSQL) AND ts.startDate <= ?
                    """)
            let day = today.description
            return try (0..<numbers.count).map { CivilDate.stored(try String.fetchOne(statement, arguments: [numbers.key(at: $0), day])) }
        }
        var latest = Array(repeating: Int.min, count: numbers.count)
        try scanCoverageAttendance(upTo: today, db) { number, day in
            guard let index = numbers.index(of: number), latest[index] < day else { return }
            latest[index] = day
        }
        return latest.map { $0 == .min ? nil : CivilDate(dayNumber: $0) }
    }

    /// The latest counting training (as a day number) of everyone attendance names, whoever they are: what the whole
    /// province's report reads on its second connection while the first reads the roster.
    static func latestCoverageTrainingOfEveryone(upTo today: CivilDate, _ db: Database) throws -> (numbers: ByteKeyIndex, days: [Int]) {
        var numbers = ByteKeyIndex(capacity: 65_536)
        var days: [Int] = []
        try scanCoverageAttendance(upTo: today, db) { number, day in
            let index = numbers.insert(bytes: number)
            if index == days.count { days.append(day) } else if days[index] < day { days[index] = day }
        }
        return (numbers, days)
    }

    /// Reads the attendance table once, in order, handing over each attended row of a session counting for coverage
    /// and started by `today`: the staff number's bytes and the session's China start date as a day number. Sessions
    /// are looked up by id in an array when their ids are dense enough (they are row ids), so a row costs one array
    /// read on top of SQLite's own work.
    private static func scanCoverageAttendance(upTo today: CivilDate, _ db: Database, _ visit: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        var sessionDays: [Int64: Int] = [:]
        var maxId: Int64 = 0
        try db.scanRows(
            "SELECT id, startDate FROM trainingSession ts WHERE \(countsForCoverageSQL) AND ts.startDate <= ?", arguments: [today.description]
        ) { row in
            let id = row.int64(0)
            if let date = row.civilDate(1) {
                sessionDays[id] = date.dayNumber
                maxId = max(maxId, id)
            }
        }
        guard !sessionDays.isEmpty else { return }
        let none = Int.min
        var dayOfSession: [Int] = []
        if maxId < 10_000_000 {
            dayOfSession = Array(repeating: none, count: Int(maxId) + 1)
            for (id, day) in sessionDays where id >= 0 { dayOfSession[Int(id)] = day }
        }
        try db.scanRows("SELECT sessionId, staffNumber FROM trainingAttendance WHERE status = 'attended'") { row in
            let id = row.int64(0)
            let day: Int
            if !dayOfSession.isEmpty {
                guard id >= 0, id < dayOfSession.count else { return }
                day = dayOfSession[Int(id)]
            } else {
                day = sessionDays[id] ?? none
            }
            guard day != none else { return }
            row.withBytes(1) { visit($0, day) }
        }
    }

    private static func coverageReport(
        root: UnitRecord, children: [UnitRecord], roster: CoverageRoster, settings: TrainingSettings, cycle: TrainingCycle, today: CivilDate
    ) -> CoverageReport {
        // Each unit's row once, rather than each person's, from the bytes of its path: -1 for the report unit itself.
        var childIndex = ByteKeyIndex(capacity: children.count)
        for child in children { childIndex.insert(child.code) }
        let rootLength = root.path.utf8.count
        let slotOfUnit = (0..<roster.units.count).map { unit in
            roster.unitPaths.withBytes(at: unit) { path -> Int in
                guard path.count > rootLength else { return -1 }
                let rest = UnsafeBufferPointer(rebasing: path[rootLength...])
                guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return -1 }
                return childIndex.index(of: UnsafeBufferPointer(rebasing: rest[..<slash])) ?? -1
            }
        }
        var own = CoverageCounts()
        var byChild = Array(repeating: CoverageCounts(), count: children.count)
        var total = CoverageCounts()
        var uncovered: [UncoveredPerson] = []
        for entry in roster.entries {
            total.count(entry.standing)
            let slot = slotOfUnit[entry.unit]
            if slot >= 0 { byChild[slot].count(entry.standing) } else { own.count(entry.standing) }
            if case .uncovered(let last) = entry.standing {
                uncovered.append(
                    UncoveredPerson(
                        number: roster.number(of: entry), name: roster.name(of: entry), unitCode: roster.unitCode(entry.unit),
                        unitName: roster.unitName(entry.unit), lastTrained: last))
            }
        }
        uncovered.sort { Coverage.longerUntrained($0.lastTrained, $0.number, than: $1.lastTrained, $1.number) }
        let rootUnit = reportUnit(root)
        var rows: [CoverageRow] = []
        // The unit's own staff get a row when its level is counted, so the rows add up to the total.
        if settings.coverageLevels.contains(rootUnit.level) || own != CoverageCounts() {
            rows.append(CoverageRow(unit: rootUnit, ownStaffOnly: true, counts: own))
        }
        rows += children.enumerated().map { CoverageRow(unit: reportUnit($0.element), ownStaffOnly: false, counts: byChild[$0.offset]) }
        let totalRow = CoverageRow(unit: rootUnit, ownStaffOnly: false, counts: total)

        func line(_ name: String, _ counts: CoverageCounts) -> [String] {
            [name, String(counts.due), String(counts.covered), String(counts.uncovered), String(counts.notYetDue), percentText(counts.covered, of: counts.due)]
        }
        let table = ReportTable(
            title: "\(root.name) 培训全覆盖情况（\(cycle.start) 至 \(cycle.lastDay)，截至 \(today)）",
            columns: ["单位", "应训人数", "已覆盖", "未覆盖", "宽限期内", "覆盖率"],
            rows: rows.map { line($0.ownStaffOnly ? ownRowName(root) : $0.unit.name, $0.counts) } + [line("合计", total)],
            kinds: [.text, .number, .number, .number, .number, .percent])
        let uncoveredTable = ReportTable(
            title: "\(root.name) 本周期尚未参加业务培训的人员（\(uncovered.count) 人，最久未训者在前）",
            columns: ["工号", "姓名", "单位", "最近一次培训"],
            rows: uncovered.map { [$0.number, $0.name, $0.unitName, $0.lastTrained?.description ?? "从未参训"] },
            kinds: [.text, .text, .text, .date])
        return CoverageReport(
            unit: rootUnit, today: today, cycle: cycle, graceDays: settings.graceDays, rows: rows, total: totalRow, uncovered: uncovered,
            table: table, uncoveredTable: uncoveredTable)
    }
}
