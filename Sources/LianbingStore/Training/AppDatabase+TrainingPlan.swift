import Foundation
import GRDB
import LianbingCore

/// Someone the planner invites: an uncovered member of staff, with the group (town) they are kept together with.
public struct PlannedInvitee: Sendable, Codable, Equatable {
    public var number: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    /// Their last training that counts for coverage; `nil` for never.
    public var lastTrained: CivilDate?
    /// The town (level-4 unit) they belong to, or their own unit when they sit above or outside any town.
    public var groupCode: String
    public var groupName: String
}

/// One proposed session: its date and who is invited, most-overdue first.
public struct PlannedCohort: Sendable, Codable, Equatable {
    public var date: CivilDate
    public var people: [PlannedInvitee]
    /// Topics its members' curriculum standards still lack, most-lacked first, when the plan was asked for them;
    /// empty otherwise.
    public var topics: [String]
}

/// The planner's proposal for covering a subtree's uncovered staff before the cycle ends.
public struct CoveragePlanResult: Sendable, Codable, Equatable {
    public var unit: ReportUnit
    public var today: CivilDate
    public var cycle: TrainingCycle
    public var kind: TrainingKind
    public var capacity: Int
    /// Whether each cohort carries the topics its members' standards lack.
    public var withTopics: Bool
    /// The dates offered, sorted, each once.
    public var dates: [CivilDate]
    /// People planned for: uncovered on `today` and not already invited to a coming session.
    public var toPlan: Int
    /// Uncovered people left out because a draft or published session still to come in this cycle already invites
    /// them.
    public var alreadyInvited: Int
    /// In date order; dates left empty are omitted.
    public var cohorts: [PlannedCohort]
    /// People no date had room for, most-overdue first.
    public var unplaced: [PlannedInvitee]
    /// Further session-dates at this capacity that would place everyone in `unplaced`.
    public var missingSessionDates: Int
    /// 期次, 日期, 人数, 乡镇（街道）, and 专题 when planned with topics.
    public var table: ReportTable
}

extension AppDatabase {
    /// Proposes sessions that cover everyone in `unit`'s subtree who is still uncovered this cycle (item 18's
    /// "滚动式全覆盖", issue item 6): `CoveragePlanner` over the people the coverage report lists as uncovered — the
    /// same query, so the two never disagree — grouped by town (their level-4 ancestor; for people of the county
    /// centre or above, their own unit). Longest-untrained sit in the earliest cohorts, a town that fits is never
    /// split, no cohort exceeds `capacity`, nobody appears twice.
    ///
    /// Re-planning after attendance arrives plans only who is still uncovered, since coverage is read afresh. People
    /// already invited to a draft or published session that counts for coverage, starts on or after `today` and lies
    /// in the cycle are not planned again: that session is their plan. Once its day has passed without them being
    /// marked attended they are planned again.
    ///
    /// Bounds: `capacity` within `TrainingSessionDraft.capacityRange`; 1 to 1,000 dates, each inside the cycle and
    /// not before `today`. Trainers and administrators only.
    public func planCoverage(
        unit: String, dates: [CivilDate], capacity: Int, kind: TrainingKind = .course, withTopics: Bool = false, on today: CivilDate? = nil,
        for principal: Principal
    ) async throws -> CoveragePlanResult {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以编排培训计划") }
        let today = try reportDay(today)
        try Self.checkPlanBounds(dates: dates, capacity: capacity)
        return try await reader.read { db in
            let root = try Self.unitInScope(unit, for: principal, db)
            return try Self.coveragePlan(root: root, dates: dates, capacity: capacity, kind: kind, withTopics: withTopics, today: today, db)
        }
    }

    /// Accepts the plan: plans afresh (so it reflects attendance up to this moment) and creates, in one transaction,
    /// one draft session per cohort organised by `unit`, for its subtree, with the cohort as invitees — titled
    /// `title（第N期）`, a business training of `kind`, from `startTime` to `endTime` China time on its date, crediting
    /// `hours`, on the cohort's topics when planned `withTopics`. The drafts are then edited and published as any other session. Returns the new sessions' ids in date
    /// order; none when nobody is left to plan.
    @discardableResult
    public func applyCoveragePlan(
        unit: String, dates: [CivilDate], capacity: Int, kind: TrainingKind = .course, withTopics: Bool = false, on today: CivilDate? = nil,
        title: String = "全覆盖培训", startTime: String = "09:00", endTime: String = "17:00", hours: Double = 6, place: String = "",
        by principal: Principal
    ) async throws -> [Int64] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以编排培训计划") }
        let today = try reportDay(today)
        try Self.checkPlanBounds(dates: dates, capacity: capacity)
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 90 else { throw LianbingError.invalid("培训名称不能为空，且不超过 90 个字") }
        guard place.count <= 100 else { throw LianbingError.invalid("培训地点不超过 100 个字") }
        guard hours.isFinite, TrainingSessionDraft.hoursRange.contains(hours) else { throw LianbingError.invalid("学时须为 0 到 500 之间的数") }
        guard let probeStart = ChinaTime.parse("2000-01-01 \(startTime)"), let probeEnd = ChinaTime.parse("2000-01-01 \(endTime)") else {
            throw LianbingError.invalid("开始和结束时间须写作 HH:MM，如 09:00")
        }
        guard probeEnd > probeStart else { throw LianbingError.invalid("结束时间须晚于开始时间") }
        let now = clock()
        return try await writer.write { db in
            let root = try Self.unitInScope(unit, for: principal, db)
            let plan = try Self.coveragePlan(root: root, dates: dates, capacity: capacity, kind: kind, withTopics: withTopics, today: today, db)
            var ids: [Int64] = []
            for (index, cohort) in plan.cohorts.enumerated() {
                guard let startsAt = ChinaTime.parse("\(cohort.date) \(startTime)"), let endsAt = ChinaTime.parse("\(cohort.date) \(endTime)") else {
                    throw LianbingError.invalid("培训时间无效")
                }
                try db.execute(
                    sql: """
                        INSERT INTO trainingSession (unitCode, title, kind, isBusiness, startsAt, endsAt, startDate, hours, topics, audienceUnit,
                                                     audiencePosts, capacity, place, status, signInSecret, createdBy, createdAt)
                        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        root.code, "\(title)（第\(index + 1)期）", kind.rawValue, startsAt, endsAt, ChinaTime.civilDate(of: startsAt).description,
                        hours, TrainingSessionRecord.bars(cohort.topics), root.code, capacity, place, TrainingSessionStatus.draft.rawValue, Self.newSignInSecret(), principal.auditName, now,
                    ])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: "INSERT INTO trainingInvitee (sessionId, staffNumber) VALUES (?, ?)")
                for person in cohort.people { try insert.execute(arguments: [id, person.number]) }
                ids.append(id)
            }
            if !ids.isEmpty {
                let people = plan.cohorts.reduce(0) { $0 + $1.people.count }
                let list = ids.map { String($0) }.joined(separator: ",")
                let detail = "新建草稿培训 \(ids.count) 期（编号 \(list)），邀请 \(people) 人；未能安排 \(plan.unplaced.count) 人"
                try db.audit(principal, "training.plan", root.code, detail, unitCode: root.code, at: now)
            }
            return ids
        }
    }

    private static func checkPlanBounds(dates: [CivilDate], capacity: Int) throws {
        try InputBounds.check(capacity, in: TrainingSessionDraft.capacityRange, "每期人数", unit: "人")
        try InputBounds.check(dates.count, in: 1...1_000, "培训日期数", unit: "个")
    }

    /// The plan for `root`'s subtree on `today`, read inside the caller's transaction.
    static func coveragePlan(
        root: UnitRecord, dates: [CivilDate], capacity: Int, kind: TrainingKind, withTopics: Bool, today: CivilDate, _ db: Database
    ) throws -> CoveragePlanResult {
        let settings = try trainingSettings(db)
        let cycle = settings.cycle(containing: today)
        for date in dates where date < today || !cycle.contains(date) {
            throw LianbingError.invalid("培训日期 \(date) 须在本周期（\(cycle.start) 至 \(cycle.lastDay)）内，且不早于今天（\(today)）")
        }
        let roster = try coverageRoster(under: root.unitPath, settings: settings, cycle: cycle, today: today, db)
        let uncovered = roster.entries.filter(\.isUncovered)
        let invited = try Set(
            String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT i.staffNumber FROM trainingInvitee i JOIN trainingSession ts ON ts.id = i.sessionId
                    WHERE ts.status IN ('\(TrainingSessionStatus.draft.rawValue)', '\(TrainingSessionStatus.published.rawValue)')
                      AND ts.startDate >= ? AND ts.startDate < ? AND \(countsForCoverageSQL)
                    """, arguments: [today.description, cycle.end.description]))
        let toPlan = uncovered.filter { !invited.contains(roster.number(of: $0)) }
        // Towns of the subtree (the root too, when it is one), to find each unit's level-4 ancestor in its path.
        let towns = try Dictionary(
            Row.fetchAll(
                db, sql: "SELECT code, name FROM unit WHERE path >= ? AND path < ? AND level = ?",
                arguments: [root.unitPath.lowerBound, root.unitPath.upperBound, UnitLevel.town.rawValue]
            ).map { ($0["code"] as String, $0["name"] as String) }, uniquingKeysWith: { a, _ in a })
        // Per unit once: its town (code and name), or the unit itself when it lies above or outside any town.
        var groupOfUnit: [Int: (code: String, name: String)] = [:]
        var people: [String: PlannedInvitee] = [:]
        var planned: [PlannedPerson] = []
        for entry in toPlan {
            let group: (code: String, name: String)
            if let known = groupOfUnit[entry.unit] {
                group = known
            } else if let town = roster.unitPath(entry.unit).split(separator: "/").lazy.map(String.init).first(where: { towns[$0] != nil }) {
                group = (town, towns[town]!)
            } else {
                group = (roster.unitCode(entry.unit), roster.unitName(entry.unit))
            }
            groupOfUnit[entry.unit] = group
            let number = roster.number(of: entry)
            let invitee = PlannedInvitee(
                number: number, name: roster.name(of: entry), unitCode: roster.unitCode(entry.unit), unitName: roster.unitName(entry.unit),
                lastTrained: entry.lastTrained, groupCode: group.code, groupName: group.name)
            people[number] = invitee
            planned.append(PlannedPerson(number: number, group: group.code, lastTrained: entry.lastTrained))
        }
        let plan = CoveragePlanner.plan(planned, dates: dates, capacity: capacity)
        var lacking: [String: [String]] = [:]
        if withTopics {
            try forEachCurriculumGap(under: root.unitPath, cycle: cycle, today: today, db) { entry, _, gap in
                if let gap, !gap.missingTopics.isEmpty, people[entry.number] != nil { lacking[entry.number] = gap.missingTopics }
            }
        }
        let cohorts = plan.cohorts.map {
            PlannedCohort(
                date: $0.date, people: $0.members.compactMap { people[$0] },
                topics: withTopics ? CoveragePlanner.topics(lackedBy: $0.members.compactMap { lacking[$0] }) : [])
        }
        let unplaced = plan.unplaced.compactMap { people[$0] }
        var rows = cohorts.enumerated().map { index, cohort in
            var groups: [String] = []
            for person in cohort.people where groups.last != person.groupName && !groups.contains(person.groupName) {
                groups.append(person.groupName)
            }
            let line = ["第\(index + 1)期", cohort.date.description, String(cohort.people.count), groups.joined(separator: "、")]
            return withTopics ? line + [cohort.topics.isEmpty ? "—" : cohort.topics.joined(separator: "、")] : line
        }
        if !unplaced.isEmpty {
            rows.append(["未能安排", "还需 \(plan.missingSessionDates) 个培训日", String(unplaced.count), ""] + (withTopics ? [""] : []))
        }
        return CoveragePlanResult(
            unit: reportUnit(root), today: today, cycle: cycle, kind: kind, capacity: capacity, withTopics: withTopics, dates: Array(Set(dates)).sorted(),
            toPlan: toPlan.count, alreadyInvited: uncovered.count - toPlan.count, cohorts: cohorts, unplaced: unplaced,
            missingSessionDates: plan.missingSessionDates,
            table: ReportTable(
                title: "\(root.name) 全覆盖培训计划（待安排 \(toPlan.count) 人，每期不超过 \(capacity) 人）",
                columns: ["期次", "日期", "人数", "乡镇（街道）"] + (withTopics ? ["专题"] : []), rows: rows,
                kinds: [.text, .date, .number, .text] + (withTopics ? [.text] : [])))
    }

    /// 32 bytes from the system's secure generator: the key of a session's rotating sign-in code.
    static func newSignInSecret() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
