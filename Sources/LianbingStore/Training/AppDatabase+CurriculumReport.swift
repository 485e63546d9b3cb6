import Foundation
import GRDB
import LianbingCore

/// How many people of a unit meet their curriculum standard.
public struct CurriculumCounts: Sendable, Codable, Equatable {
    /// Active staff counted, with a standard or not.
    public var staff: Int
    /// Those whose post and level have a standard for the cycle.
    public var withStandard: Int
    /// Those of them who meet it.
    public var meeting: Int
    /// meeting / withStandard; `nil` when nobody has a standard.
    public var share: Double?

    public init(staff: Int = 0, withStandard: Int = 0, meeting: Int = 0) {
        self.staff = staff
        self.withStandard = withStandard
        self.meeting = meeting
        share = AppDatabase.share(meeting, of: withStandard)
    }

    mutating func count(hasStandard: Bool, meets: Bool) {
        staff += 1
        if hasStandard { withStandard += 1 }
        if hasStandard && meets { meeting += 1 }
        share = AppDatabase.share(meeting, of: withStandard)
    }
}

/// One row of a curriculum report: a child unit's subtree, the report unit's own staff, or the total.
public struct CurriculumRow: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    /// The people attached to the unit itself rather than its subtree (the 本级 row).
    public var ownStaffOnly: Bool
    public var counts: CurriculumCounts
}

/// A person with a standard, and how far they are from it this cycle.
public struct CurriculumPerson: Sendable, Codable, Equatable {
    public var number: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    public var post: String
    public var level: UnitLevel
    /// The version of the standard judging them.
    public var standardVersion: Int
    public var requiredHours: Double
    public var requiredTopics: [String]
    /// Hours credited for sessions attended this cycle (up to the report day).
    public var doneHours: Double
    public var missingHours: Double
    public var missingTopics: [String]
    public var isMet: Bool
}

/// Curriculum completion (统一培训内容与标准) for a subtree on a day.
public struct CurriculumReport: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var today: CivilDate
    public var cycle: TrainingCycle
    /// The report unit's own staff (when it has any), then each child unit's subtree, by code.
    public var rows: [CurriculumRow]
    public var total: CurriculumRow
    /// People with a standard: those not meeting it first, then by unit and staff number; at most `peopleLimit`.
    public var people: [CurriculumPerson]
    /// How many people have a standard, listed or not.
    public var peopleTotal: Int
    public var peopleLimit: Int
    /// `rows` and `total` as text: 单位, 在岗人数, 有标准, 达标, 达标率.
    public var table: ReportTable
    /// `people` as text: 工号, 姓名, 单位, 岗位, 层级, 应修学时, 已修学时, 缺少专题, 是否达标.
    public var peopleTable: ReportTable
}

/// A person's standard and gap this cycle, for their own page (我的培训).
public struct PersonCurriculumGap: Sendable, Codable, Equatable {
    public var number: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    public var post: String
    public var level: UnitLevel
    public var today: CivilDate
    public var cycle: TrainingCycle
    /// `nil` when their post and level have no standard for the cycle.
    public var standard: CurriculumStandard?
    /// Hours credited for sessions attended this cycle (up to today).
    public var doneHours: Double
    /// Topics of those sessions, sorted.
    public var attendedTopics: [String]
    /// What the standard still asks; `nil` without a standard.
    public var gap: CurriculumGap?
}

extension AppDatabase {
    /// At most this many people are listed in a curriculum report; the counts cover everyone.
    public static let curriculumPeopleLimit = 2_000

    /// Curriculum completion in `unit`'s subtree (default: the caller's scope) on `today` (default: today in China),
    /// for the cycle holding it. Counted: active staff of the subtree who had not left by `today`, each judged by the
    /// standard for their present post and their present unit's level (`Curriculum.standardInForce`). Hours and
    /// topics: sessions of any kind they attended (marked attended) whose China start date lies in the cycle and not
    /// after `today`. Trainers and administrators only.
    public func curriculumReport(unit: String? = nil, on today: CivilDate? = nil, for principal: Principal) async throws -> CurriculumReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看培训标准完成情况") }
        let today = try reportDay(today)
        return try await cachedReport("curriculum", unit: unit, today: today, for: principal) { root in
            try await reader.read { db in
                let cycle = try Self.trainingSettings(db).cycle(containing: today)
                var own = CurriculumCounts()
                var byChild: [String: CurriculumCounts] = [:]
                var total = CurriculumCounts()
                var people: [(path: String, person: CurriculumPerson)] = []
                var childOfUnit: [String: String?] = [:]
                try Self.forEachCurriculumGap(under: root.unitPath, cycle: cycle, today: today, db) { entry, standard, gap in
                    let meets = gap?.isMet ?? false
                    total.count(hasStandard: standard != nil, meets: meets)
                    // Per unit, not per person: a unit's people all fall in the same row.
                    let childKey: String?
                    if let known = childOfUnit[entry.unitCode] {
                        childKey = known
                    } else {
                        childKey = Self.childKey(of: entry.path, under: root.path)
                        childOfUnit[entry.unitCode] = .some(childKey)
                    }
                    if let key = childKey {
                        byChild[key, default: CurriculumCounts()].count(hasStandard: standard != nil, meets: meets)
                    } else {
                        own.count(hasStandard: standard != nil, meets: meets)
                    }
                    if let standard, let gap {
                        people.append(
                            (
                                entry.path,
                                CurriculumPerson(
                                    number: entry.number, name: entry.name, unitCode: entry.unitCode, unitName: entry.unitName, post: standard.post,
                                    level: UnitLevel(rawValue: entry.level) ?? .village, standardVersion: standard.version, requiredHours: standard.hours,
                                    requiredTopics: standard.topics, doneHours: entry.hours, missingHours: gap.missingHours, missingTopics: gap.missingTopics,
                                    isMet: gap.isMet)
                            ))
                    }
                }
                let peopleTotal = people.count
                people.sort { a, b in
                    if a.person.isMet != b.person.isMet { return !a.person.isMet }
                    return (a.path, a.person.number) < (b.path, b.person.number)
                }
                let listed = people.prefix(Self.curriculumPeopleLimit).map(\.person)

                let rootUnit = Self.reportUnit(root)
                var rows: [CurriculumRow] = []
                if own != CurriculumCounts() { rows.append(CurriculumRow(unit: rootUnit, ownStaffOnly: true, counts: own)) }
                rows += try Self.childUnits(of: root, db).map {
                    CurriculumRow(unit: Self.reportUnit($0), ownStaffOnly: false, counts: byChild[$0.code] ?? CurriculumCounts())
                }
                let totalRow = CurriculumRow(unit: rootUnit, ownStaffOnly: false, counts: total)
                func line(_ name: String, _ counts: CurriculumCounts) -> [String] {
                    [name, String(counts.staff), String(counts.withStandard), String(counts.meeting), Self.percentText(counts.meeting, of: counts.withStandard)]
                }
                let table = ReportTable(
                    title: "\(root.name) 培训内容与标准完成情况（\(cycle.start) 至 \(cycle.lastDay)，截至 \(today)）",
                    columns: ["单位", "在岗人数", "有标准", "达标", "达标率"],
                    rows: rows.map { line($0.ownStaffOnly ? Self.ownRowName(root) : $0.unit.name, $0.counts) } + [line("合计", total)],
                    kinds: [.text, .number, .number, .number, .percent])
                let shown = listed.count < peopleTotal ? "，列出前 \(listed.count) 人" : ""
                let peopleTable = ReportTable(
                    title: "\(root.name) 人员培训标准完成情况（\(peopleTotal) 人有标准\(shown)，未达标者在前）",
                    columns: ["工号", "姓名", "单位", "岗位", "层级", "应修学时", "已修学时", "缺少专题", "是否达标"],
                    rows: listed.map {
                        [
                            $0.number, $0.name, $0.unitName, $0.post, $0.level.label, Self.expertHoursText($0.requiredHours), Self.expertHoursText($0.doneHours),
                            $0.missingTopics.isEmpty ? "—" : $0.missingTopics.joined(separator: "、"), $0.isMet ? "是" : "否",
                        ]
                    },
                    kinds: [.text, .text, .text, .text, .text, .number, .number, .text, .text])
                return CurriculumReport(
                    unit: rootUnit, today: today, cycle: cycle, rows: rows, total: totalRow, people: Array(listed), peopleTotal: peopleTotal,
                    peopleLimit: Self.curriculumPeopleLimit, table: table, peopleTable: peopleTable)
            }
        }
    }

    /// A person's standard, what they did and what is missing this cycle (on `today`, default today in China). For
    /// the person themselves (a login linked to `number`), or a trainer or administrator whose subtree holds them.
    public func personCurriculumGap(number: String, on today: CivilDate? = nil, for principal: Principal) async throws -> PersonCurriculumGap {
        let today = try reportDay(today)
        return try await reader.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT u.path FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [number])
            else { throw LianbingError.notFound("工作人员 \(number)") }
            let isSelf = principal.staffNumber == number
            guard isSelf || (principal.has(.trainer) && principal.covers(UnitPath(rawValue: row["path"]))) else {
                throw LianbingError.notFound("工作人员 \(number)")
            }
            let cycle = try Self.trainingSettings(db).cycle(containing: today)
            let topics = CurriculumTopics()
            var found: CurriculumEntry?
            try Self.forEachCurriculumEntry(.person(number), cycle: cycle, today: today, topics: topics, db) {
                found = $0
            }
            guard let entry = found else { throw LianbingError.notFound("工作人员 \(number)") }
            let versions = try Row.fetchAll(
                db, sql: "SELECT * FROM curriculumStandard WHERE post = ? AND level = ?", arguments: [entry.post, entry.level]
            ).map(Self.curriculumStandard)
            let standard = Curriculum.standardInForce(versions, cycle: cycle)
            return PersonCurriculumGap(
                number: entry.number, name: entry.name, unitCode: entry.unitCode, unitName: entry.unitName, post: entry.post,
                level: UnitLevel(rawValue: entry.level) ?? .village, today: today, cycle: cycle, standard: standard, doneHours: entry.hours,
                attendedTopics: topics.names(entry.topics).sorted(),
                gap: standard.map { Curriculum.gap($0, attendedHours: entry.hours, attendedTopics: topics.names(entry.topics)) })
        }
    }

    /// A member of staff with what they attended in a cycle.
    struct CurriculumEntry {
        var number: String
        var name: String
        var unitCode: String
        var unitName: String
        var path: String
        var level: Int
        var post: String
        /// The post's row id, for look-ups.
        var postID: Int64
        var hours: Double
        /// The topics of the sessions attended, as `CurriculumTopics` numbers, ascending and each once.
        var topics: [Int]
    }

    /// What a person's topics are checked against, with the topics themselves: the same for everyone who shares them.
    struct MissingTopicsKey: Hashable {
        var postID: Int64
        var level: Int
        var topics: [Int]
    }

    /// The topic names met while reading a cycle, each numbered once, so people's topics are compared as numbers rather
    /// than by hashing Chinese text 100,000 times.
    final class CurriculumTopics {
        private var numbers: [String: Int] = [:]
        private var all: [String] = []

        func number(_ name: String) -> Int {
            if let number = numbers[name] { return number }
            all.append(name)
            numbers[name] = all.count - 1
            return all.count - 1
        }

        /// The numbers of `|a|b|` topics (several such strings may be run together).
        func numbers(inBars text: Substring) -> [Int] {
            text.split(separator: "|").map { number(String($0)) }
        }

        func names(_ numbers: [Int]) -> [String] { numbers.map { all[$0] } }

        /// Ascending, each once.
        static func distinct(_ numbers: [Int]) -> [Int] {
            guard numbers.count > 1 else { return numbers }
            var result: [Int] = []
            result.reserveCapacity(numbers.count)
            for number in numbers.sorted() where number != result.last { result.append(number) }
            return result
        }
    }

    /// Each active member of staff of the subtree with the standard in force for their post and level this cycle and
    /// what it still asks (`nil` both without a standard): what the curriculum report counts and the planner reads
    /// topics from.
    static func forEachCurriculumGap(
        under root: UnitPath, cycle: TrainingCycle, today: CivilDate, _ db: Database,
        _ body: (CurriculumEntry, CurriculumStandard?, CurriculumGap?) throws -> Void
    ) throws {
        // By the post's row id: 50,000 look-ups of a Chinese post name would each hash it.
        let postIDs = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, rowid FROM post").map { ($0[0] as String, $0[1] as Int64) })
        var standards: [Int64: [Int: CurriculumStandard]] = [:]
        for (post, byLevel) in try curriculumStandardsInForce(db, cycle: cycle) {
            if let id = postIDs[post] { standards[id] = byLevel }
        }
        let topics = CurriculumTopics()
        // People who attended the same topics miss the same ones: the rule runs once per combination.
        var missingTopics: [MissingTopicsKey: [String]] = [:]
        try forEachCurriculumEntry(.subtree(root), cycle: cycle, today: today, topics: topics, db) { entry in
            guard let standard = standards[entry.postID]?[entry.level] else { return try body(entry, nil, nil) }
            let key = MissingTopicsKey(postID: entry.postID, level: entry.level, topics: entry.topics)
            let missing: [String]
            if standard.topics.isEmpty {
                missing = []
            } else if let known = missingTopics[key] {
                missing = known
            } else {
                missing = Curriculum.missingTopics(standard, attendedTopics: topics.names(entry.topics))
                missingTopics[key] = missing
            }
            try body(entry, standard, CurriculumGap(missingHours: Curriculum.missingHours(standard, attendedHours: entry.hours), missingTopics: missing))
        }
    }

    /// Whose attendance a curriculum computation reads.
    enum CurriculumPopulation {
        /// Active staff of the subtree who had not left by the day.
        case subtree(UnitPath)
        /// One member of staff, whatever their standing.
        case person(String)
    }

    /// Each member of `population` with the hours and topics of the sessions they attended (marked attended) whose
    /// China start date lies in `cycle` and not after `today`.
    ///
    /// Two plans, chosen by the subtree's share of the tree, since each is fast where the other is not: for a part
    /// of the tree (a city, a county), each person's attendance is reached through its (staffNumber, day) index and
    /// summed in SQL — a session's days start on its start date and last at most `TrainingSessionDraft.maximumDays`,
    /// so the day range bounds the scan; for most of the tree (the province), the cycle's sessions are read once by
    /// start date with their attendance and summed per person here, which avoids 50,000 index probes.
    static func forEachCurriculumEntry(
        _ population: CurriculumPopulation, cycle: TrainingCycle, today: CivilDate, topics: CurriculumTopics, _ db: Database,
        _ body: (CurriculumEntry) throws -> Void
    ) throws {
        let lastDay = min(cycle.lastDay, today)
        let lastAttendanceDay = lastDay.adding(days: TrainingSessionDraft.maximumDays + 1) ?? lastDay
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "start": cycle.start.description, "lastDay": lastDay.description, "lastAttendanceDay": lastAttendanceDay.description,
            "today": today.description,
        ]
        let staffCondition: String
        var scanWholeCycle = false
        switch population {
        case .subtree(let root):
            staffCondition = "u.path >= :lower AND u.path < :upper AND s.isActive AND (s.leftOn IS NULL OR s.leftOn > :today)"
            arguments["lower"] = root.lowerBound
            arguments["upper"] = root.upperBound
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit WHERE path >= ? AND path < ?", arguments: [root.lowerBound, root.upperBound]) ?? 0
            let allUnits = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
            scanWholeCycle = units * 4 > allUnits
        case .person(let number):
            staffCondition = "s.number = :number"
            arguments["number"] = number
        }

        // The one pass: each session's topics once, then each attendance's person, session and hours.
        var sessionTopics: [Int64: [Int]] = [:]
        var done: [String: (hours: Double, sessions: [Int64])] = [:]
        if scanWholeCycle {
            let sessions = try Row.fetchCursor(
                db, sql: "SELECT id, topics FROM trainingSession WHERE startDate >= :start AND startDate <= :lastDay AND topics <> ''",
                arguments: StatementArguments(arguments))
            while let row = try sessions.next() {
                let text: String = row[1]
                sessionTopics[row[0]] = topics.numbers(inBars: text[...])
            }
            let attended = try Row.fetchCursor(
                db,
                sql: """
                    SELECT ta.staffNumber, ta.sessionId, ta.hours FROM trainingSession ts JOIN trainingAttendance ta ON ta.sessionId = ts.id
                    WHERE ts.startDate >= :start AND ts.startDate <= :lastDay AND ta.status = 'attended'
                    """, arguments: StatementArguments(arguments))
            while let row = try attended.next() {
                let number: String = row[0]
                let session: Int64 = row[1]
                let hours: Double = row[2]
                let hasTopics = sessionTopics[session] != nil
                func add(_ entry: inout (hours: Double, sessions: [Int64])) {
                    entry.hours += hours
                    if hasTopics { entry.sessions.append(session) }
                }
                add(&done[number, default: (0, [])])
            }
        }
        let doneColumn =
            scanWholeCycle
            ? "NULL"
            : """
            (SELECT SUM(ta.hours) || '#' || group_concat(ts.topics, '')
             FROM trainingAttendance ta JOIN trainingSession ts ON ts.id = ta.sessionId
             WHERE ta.staffNumber = s.number AND ta.day >= :start AND ta.day <= :lastAttendanceDay AND ta.status = 'attended'
               AND ts.startDate >= :start AND ts.startDate <= :lastDay)
            """
        // Read by position: 50,000 rows.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.number, s.name, s.unitCode, s.post, u.name AS unitName, u.path, u.level, p.rowid AS postID, \(doneColumn) AS done
                FROM unit u JOIN staff s ON s.unitCode = u.code JOIN post p ON p.name = s.post
                WHERE \(staffCondition)
                """,
            arguments: StatementArguments(arguments))
        while let row = try rows.next() {
            let number: String = row[0]
            var hours = 0.0
            var attendedTopics: [Int] = []
            if scanWholeCycle {
                if let entry = done[number] {
                    hours = entry.hours
                    for session in entry.sessions { attendedTopics += sessionTopics[session] ?? [] }
                }
            } else if let text: String = row[8], let hash = text.firstIndex(of: "#") {
                hours = Double(text[..<hash]) ?? 0
                attendedTopics = topics.numbers(inBars: text[text.index(after: hash)...])
            }
            try body(
                CurriculumEntry(
                    number: number, name: row[1], unitCode: row[2], unitName: row[4], path: row[5], level: row[6], post: row[3], postID: row[7],
                    hours: hours, topics: CurriculumTopics.distinct(attendedTopics)))
        }
    }
}
