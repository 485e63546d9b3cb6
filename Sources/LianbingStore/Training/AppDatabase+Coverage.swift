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

/// A unit of a coverage subtree at a counted level.
struct CoverageUnit: Sendable {
    var code: String
    var name: String
    var path: String
}

/// A member of staff in a coverage subtree with where they stand: what the coverage report counts and the planner
/// plans from, read once so that both always agree.
struct CoverageEntry: Sendable {
    var number: String
    var name: String
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

/// Everyone rolling coverage counts in a subtree, with the units they belong to.
struct CoverageRoster: Sendable {
    var units: [CoverageUnit]
    var entries: [CoverageEntry]
}

extension AppDatabase {
    /// Who is trained this cycle in `unit`'s subtree (default: the caller's scope) on `today` (default: today in
    /// China). Counted: active staff whose present unit lies in the subtree at a level the settings name
    /// (`coverageLevels`, by default county, town and village), who had not left by the cycle's start. Coverage
    /// belongs to the person — attendance is kept per staff number, whatever unit they were in — so a move does not
    /// lose it, and people who left drop out from their leaving date. What counts: attendance marked attended at a
    /// session, placed by its China start date, that is a business training or a 上级调训
    /// (`TrainingKind.countsForCoverage`). Trainers and administrators only.
    public func coverageReport(unit: String? = nil, on today: CivilDate? = nil, for principal: Principal) async throws -> CoverageReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看培训覆盖情况") }
        let today = try reportDay(today)
        return try await reader.read { db in
            let root = try Self.reportRoot(unit, for: principal, db)
            let settings = try Self.trainingSettings(db)
            let cycle = settings.cycle(containing: today)
            let roster = try Self.coverageRoster(under: root.unitPath, settings: settings, cycle: cycle, today: today, db)
            return try Self.coverageReport(root: root, roster: roster, settings: settings, cycle: cycle, today: today, db)
        }
    }

    /// Everyone coverage counts in the subtree at `root`, with their standing. Each person's latest counting
    /// training up to `today` is enough, since it either lies in the cycle (covered, with that date) or is the last
    /// training before it (uncovered since then) — `Coverage.standing` decides the rest.
    ///
    /// Sized for the province (28,000 units, 50,000 staff, 200,000 attendance rows well within 200 ms): the
    /// subtree's units are read once, for the whole tree the staff table is read in order rather than unit by unit,
    /// and the rows are read straight from SQLite (`scanRows`); the latest trainings come from
    /// `latestCoverageTraining`, which picks its own way by size.
    static func coverageRoster(
        under root: UnitPath, settings: TrainingSettings, cycle: TrainingCycle, today: CivilDate, _ db: Database
    ) throws -> CoverageRoster {
        let levels = settings.coverageLevels.map { String($0.rawValue) }.sorted().joined(separator: ", ")
        var units: [CoverageUnit] = []
        var unitIndex = ByteKeyIndex(capacity: 1_024)
        try db.scanRows(
            "SELECT code, name, path FROM unit WHERE path >= ? AND path < ? AND level IN (\(levels))",
            arguments: [root.lowerBound, root.upperBound]
        ) { row in
            let index = row.withBytes(0) { unitIndex.insert(bytes: $0) }
            if index == units.count { units.append(CoverageUnit(code: row.string(0) ?? "", name: row.string(1) ?? "", path: row.string(2) ?? "")) }
        }
        guard !units.isEmpty else { return CoverageRoster(units: [], entries: []) }
        let wholeTree = root.codes.count == 1
        var people: [(person: CoveragePerson, name: String, unit: Int)] = []
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
            guard let unit = row.withBytes(2, { unitIndex.index(of: $0) }), let number = row.string(0) else { return }
            people.append((CoveragePerson(number: number, hireDate: row.civilDate(3), leftOn: row.civilDate(4)), row.string(1) ?? "", unit))
        }
        let lastTrained = try latestCoverageTraining(of: people.map(\.person.number), upTo: today, db)
        var entries: [CoverageEntry] = []
        entries.reserveCapacity(people.count)
        for (candidate, last) in zip(people, lastTrained) {
            var person = candidate.person
            if let last { person.trainedOn = [last] }
            let standing = Coverage.standing(of: person, in: cycle, on: today, graceDays: settings.graceDays)
            if case .left = standing { continue }
            entries.append(CoverageEntry(number: person.number, name: candidate.name, unit: candidate.unit, standing: standing))
        }
        return CoverageRoster(units: units, entries: entries)
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
        guard !numbers.isEmpty else { return [] }
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
            return try numbers.map { CivilDate.stored(try String.fetchOne(statement, arguments: [$0, day])) }
        }
        // The table scan. Counting sessions by id: an array when ids are dense enough (they are row ids), so each
        // attendance row costs one array read and one lookup of the staff number's bytes.
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
        let none = Int.min
        var dayOfSession: [Int] = []
        if maxId < 10_000_000 {
            dayOfSession = Array(repeating: none, count: Int(maxId) + 1)
            for (id, day) in sessionDays where id >= 0 { dayOfSession[Int(id)] = day }
        }
        var position = ByteKeyIndex(capacity: numbers.count)
        for number in numbers { position.insert(number) }
        var latest = Array(repeating: none, count: position.count)
        try db.scanRows("SELECT sessionId, staffNumber FROM trainingAttendance WHERE status = 'attended'") { row in
            let id = row.int64(0)
            let day: Int
            if !dayOfSession.isEmpty {
                guard id >= 0, id < dayOfSession.count else { return }
                day = dayOfSession[Int(id)]
            } else {
                day = sessionDays[id] ?? none
            }
            guard day != none, let index = row.withBytes(1, { position.index(of: $0) }), latest[index] < day else { return }
            latest[index] = day
        }
        return numbers.map { number in
            guard let index = position.index(of: number), latest[index] != none else { return nil }
            return CivilDate(dayNumber: latest[index])
        }
    }

    private static func coverageReport(
        root: UnitRecord, roster: CoverageRoster, settings: TrainingSettings, cycle: TrainingCycle, today: CivilDate, _ db: Database
    ) throws -> CoverageReport {
        let children = try childUnits(of: root, db)
        // Each unit's row once, rather than each person's: -1 for the report unit itself.
        let slotOfChild = Dictionary(children.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let slotOfUnit = roster.units.map { unit in childKey(of: unit.path, under: root.path).flatMap { slotOfChild[$0] } ?? -1 }
        var own = CoverageCounts()
        var byChild = Array(repeating: CoverageCounts(), count: children.count)
        var total = CoverageCounts()
        var uncovered: [UncoveredPerson] = []
        for entry in roster.entries {
            total.count(entry.standing)
            let slot = slotOfUnit[entry.unit]
            if slot >= 0 { byChild[slot].count(entry.standing) } else { own.count(entry.standing) }
            if case .uncovered(let last) = entry.standing {
                let unit = roster.units[entry.unit]
                uncovered.append(UncoveredPerson(number: entry.number, name: entry.name, unitCode: unit.code, unitName: unit.name, lastTrained: last))
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
            rows: rows.map { line($0.ownStaffOnly ? ownRowName(root) : $0.unit.name, $0.counts) } + [line("合计", total)])
        let uncoveredTable = ReportTable(
            title: "\(root.name) 本周期尚未参加业务培训的人员（\(uncovered.count) 人，最久未训者在前）",
            columns: ["工号", "姓名", "单位", "最近一次培训"],
            rows: uncovered.map { [$0.number, $0.name, $0.unitName, $0.lastTrained?.description ?? "从未参训"] })
        return CoverageReport(
            unit: rootUnit, today: today, cycle: cycle, graceDays: settings.graceDays, rows: rows, total: totalRow, uncovered: uncovered,
            table: table, uncoveredTable: uncoveredTable)
    }
}
