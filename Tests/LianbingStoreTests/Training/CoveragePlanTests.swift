import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A generated county of 2,110 staff under 韶关市: a centre of 10, and 20 towns of 105 each (a station of 5 and
/// five villages of 20). Towns 1–10 never trained; town 11–20 trained in 2025, town 11 earliest (15 January) and
/// town 20 latest (15 October). Everyone else in the fixture is elsewhere.
enum PlanCounty {
    static let code = "440299"
    static let centreStaff = 10
    static let towns = 20
    static let perTown = 105
    static let staffCount = centreStaff + towns * perTown

    static func town(_ t: Int) -> String { code + String(format: "%03d", t) }

    static func make() async throws -> Fixture {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        var units = [ServiceUnit(code: code, name: "测试县退役军人服务中心", level: .county, parentCode: Code.shaoguan)]
        var staff = (1...centreStaff).map { Staff(number: String(format: "GC%04d", $0), name: "县\($0)", unitCode: code, post: Post.worker) }
        for t in 1...towns {
            units.append(ServiceUnit(code: town(t), name: "测试\(t)镇退役军人服务站", level: .town, parentCode: code))
            staff += (1...5).map { Staff(number: String(format: "GT%02d%03d", t, $0), name: "镇\(t)-\($0)", unitCode: town(t), post: Post.worker) }
            for v in 1...5 {
                let village = town(t) + String(format: "%03d", v)
                units.append(ServiceUnit(code: village, name: "测试\(t)镇\(v)村退役军人服务站", level: .village, parentCode: town(t)))
                staff += (1...20).map {
                    Staff(number: String(format: "GT%02d%03d", t, v * 100 + $0), name: "村\(t)-\(v)-\($0)", unitCode: village, post: Post.worker)
                }
            }
        }
        _ = try await fixture.db.importUnits(Tree.rows(units), file: "county.csv", by: op)
        _ = try await fixture.db.importStaff(Roster.rows(staff), file: "county-staff.csv", by: op)
        for t in 11...towns {
            let numbers = staff.filter { $0.number.hasPrefix(String(format: "GT%02d", t)) }.map(\.number)
            try await ReportData.held(fixture, unit: town(t), startsAt: String(format: "2025-%02d-15 09:00", t - 10), numbers)
        }
        return fixture
    }

    /// `count` weekdays from 2 March 2026.
    static func weekdays(_ count: Int, from first: CivilDate = CivilDate("2026-03-02")!) -> [CivilDate] {
        (0..<(count * 2)).compactMap { first.adding(days: $0) }.filter { ($0.dayNumber + 3) % 7 < 5 }.prefix(count).map { $0 }
    }

    /// The town (or, for the centre, the county) a person's number belongs to.
    static func group(of number: String) -> String {
        number.hasPrefix("GC") ? code : town(Int(number.dropFirst(2).prefix(2))!)
    }
}

@Suite("Training coverage planner")
struct CoveragePlanTests {
    typealias D = ReportData
    static let today = CivilDate("2026-03-01")!

    @Test("Over a county of 2,110: every town kept whole, capacity kept, nobody twice, longest-untrained first; applied and attended, coverage is 100%")
    func planApplyAttend() async throws {
        let fixture = try await PlanCounty.make()
        let admin = try await fixture.provinceAdmin()
        let dates = PlanCounty.weekdays(25)
        let plan = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: dates, capacity: 120, on: Self.today, for: admin)
        #expect(plan.toPlan == PlanCounty.staffCount && plan.alreadyInvited == 0)
        #expect(plan.unplaced.isEmpty && plan.missingSessionDates == 0)
        #expect(plan.cohorts.count == 20)
        #expect(plan.cohorts.allSatisfy { $0.people.count <= 120 })
        let everyone = plan.cohorts.flatMap(\.people).map(\.number)
        #expect(everyone.count == PlanCounty.staffCount && Set(everyone).count == PlanCounty.staffCount)
        // No town split: each group sits in exactly one cohort.
        var cohortOf: [String: Set<Int>] = [:]
        for (index, cohort) in plan.cohorts.enumerated() {
            for person in cohort.people { cohortOf[person.groupCode, default: []].insert(index) }
        }
        #expect(cohortOf.count == PlanCounty.towns + 1 && cohortOf.values.allSatisfy { $0.count == 1 })
        // Never trained first (the centre, then towns 1–10 by number), then the trained towns, earliest-trained first.
        #expect(plan.cohorts[0].people.first?.number == "GC0001")
        #expect(Set(plan.cohorts[0].people.map(\.groupCode)) == [PlanCounty.code, PlanCounty.town(1)])
        for t in 2...PlanCounty.towns {
            #expect(Set(plan.cohorts[t - 1].people.map(\.groupCode)) == [PlanCounty.town(t)])
        }
        #expect(plan.cohorts[10].people.first?.lastTrained == D.day("2025-01-15"))
        #expect(plan.cohorts.map(\.date) == Array(dates.prefix(20)))
        #expect(plan.table.rows.first == ["第1期", "2026-03-02", "115", "测试县退役军人服务中心、测试1镇退役军人服务站"])

        let ids = try await fixture.db.applyCoveragePlan(unit: PlanCounty.code, dates: dates, capacity: 120, on: Self.today, by: admin)
        #expect(ids.count == 20)
        let stored = try await fixture.db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT title, status, startDate, startsAt, isBusiness, length(signInSecret) AS secret FROM trainingSession WHERE id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id")
        }
        #expect(stored.map { $0["title"] as String }.first == "全覆盖培训（第1期）")
        #expect(stored.allSatisfy { ($0["status"] as String) == "draft" && ($0["isBusiness"] as Bool) && ($0["secret"] as Int) == 32 })
        #expect(stored.map { $0["startDate"] as String } == plan.cohorts.map(\.date.description))
        #expect(ChinaTime.format(stored[0]["startsAt"] as Date) == "2026-03-02 09:00")
        #expect(try await fixture.db.count("trainingInvitee") == PlanCounty.staffCount)
        #expect(try await fixture.db.auditEntries().last?.action == "training.plan")
        // Planned people are not planned again while their session is still to come.
        let again = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: dates, capacity: 120, on: Self.today, for: admin)
        #expect(again.toPlan == 0 && again.alreadyInvited == PlanCounty.staffCount && again.cohorts.isEmpty)

        // Every invitee attends: the county is fully covered.
        for id in ids {
            let invitees = try await fixture.db.reader.read { db in
                try String.fetchAll(db, sql: "SELECT staffNumber FROM trainingInvitee WHERE sessionId = ?", arguments: [id])
            }
            try await D.attend(fixture, id, invitees)
        }
        let coverage = try await fixture.db.coverageReport(unit: PlanCounty.code, on: D.day("2026-12-01"), for: admin)
        #expect(coverage.total.counts == CoverageCounts(due: PlanCounty.staffCount, covered: PlanCounty.staffCount))
        #expect(coverage.total.counts.share == 1)
        #expect(coverage.table.rows.last?.last == "100.0%")
    }

    @Test("Re-planning after some attendance plans only the people still uncovered")
    func replanAfterAttendance() async throws {
        let fixture = try await PlanCounty.make()
        let admin = try await fixture.provinceAdmin()
        let ids = try await fixture.db.applyCoveragePlan(
            unit: PlanCounty.code, dates: PlanCounty.weekdays(25), capacity: 120, on: Self.today, title: "第一轮", by: admin)
        var attended: Set<String> = []
        for id in ids.prefix(3) {
            let invitees = try await fixture.db.reader.read { db in
                try String.fetchAll(db, sql: "SELECT staffNumber FROM trainingInvitee WHERE sessionId = ?", arguments: [id])
            }
            try await D.attend(fixture, id, invitees)
            attended.formUnion(invitees)
        }
        // The organiser marks those held and drops the remaining drafts.
        let rest = ids.dropFirst(3).map(String.init).joined(separator: ",")
        try await fixture.db.writer.write { db in
            try db.execute(sql: "UPDATE trainingSession SET status = 'held' WHERE id IN (\(ids.prefix(3).map(String.init).joined(separator: ",")))")
            try db.execute(sql: "DELETE FROM trainingSession WHERE id IN (\(rest))")
        }
        let later = PlanCounty.weekdays(20, from: D.day("2026-04-01"))
        let plan = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: later, capacity: 120, on: D.day("2026-03-31"), for: admin)
        #expect(attended.count == 115 + 105 + 105)
        #expect(plan.toPlan == PlanCounty.staffCount - attended.count)
        let planned = Set(plan.cohorts.flatMap(\.people).map(\.number))
        #expect(planned.count == plan.toPlan && planned.isDisjoint(with: attended))
        #expect(plan.cohorts.count == 17 && plan.unplaced.isEmpty)
    }

    @Test("When it cannot be done, the plan says exactly how many stay uncovered and how many more session-dates they need")
    func shortfall() async throws {
        let fixture = try await PlanCounty.make()
        let admin = try await fixture.provinceAdmin()
        // Eight dates of 120: the centre with town 1, then towns 2–8; towns 9–20 (12 × 105) are left, one town per date.
        let plan = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: PlanCounty.weekdays(8), capacity: 120, on: Self.today, for: admin)
        #expect(plan.cohorts.count == 8)
        #expect(plan.unplaced.count == 12 * PlanCounty.perTown && plan.missingSessionDates == 12)
        #expect(plan.unplaced.first?.number == "GT09001")
        #expect(plan.table.rows.last == ["未能安排", "还需 12 个培训日", "1260", ""])
        // Towns too big for one session are split over dates in turn, still within capacity and nobody twice.
        let split = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: PlanCounty.weekdays(10), capacity: 100, on: Self.today, for: admin)
        #expect(split.cohorts.allSatisfy { $0.people.count == 100 })
        let placed = split.cohorts.flatMap(\.people).map(\.number)
        #expect(Set(placed).count == 1_000 && placed.count == 1_000)
        #expect(split.unplaced.count == PlanCounty.staffCount - 1_000 && split.missingSessionDates == 12)
        // Applying a plan that leaves people over still creates the sessions it can.
        let ids = try await fixture.db.applyCoveragePlan(unit: PlanCounty.code, dates: PlanCounty.weekdays(8), capacity: 120, on: Self.today, by: admin)
        #expect(ids.count == 8)
    }

    @Test("Bounds and roles: capacity, date count, dates outside the cycle or past, trainers may plan, staff may not")
    func bounds() async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let next = [D.day("2026-03-02")]
        await expectError(.invalid) { try await fixture.db.planCoverage(unit: Code.tianhe, dates: next, capacity: 0, on: Self.today, for: county) }
        await expectError(.invalid) { try await fixture.db.planCoverage(unit: Code.tianhe, dates: next, capacity: 100_001, on: Self.today, for: county) }
        await expectError(.invalid) { try await fixture.db.planCoverage(unit: Code.tianhe, dates: [], capacity: 10, on: Self.today, for: county) }
        await expectError(.invalid) {
            try await fixture.db.planCoverage(unit: Code.tianhe, dates: Array(repeating: next[0], count: 1_001), capacity: 10, on: Self.today, for: county)
        }
        await expectError(.invalid) {
            try await fixture.db.planCoverage(unit: Code.tianhe, dates: [D.day("2026-02-28")], capacity: 10, on: Self.today, for: county)
        }
        await expectError(.invalid) {
            try await fixture.db.planCoverage(unit: Code.tianhe, dates: [D.day("2027-01-01")], capacity: 10, on: Self.today, for: county)
        }
        await expectError(.invalid) {
            try await fixture.db.applyCoveragePlan(unit: Code.tianhe, dates: next, capacity: 10, on: Self.today, startTime: "17:00", endTime: "09:00", by: county)
        }
        await expectError(.forbidden) { try await fixture.db.planCoverage(unit: Code.huashi, dates: next, capacity: 10, on: Self.today, for: try await fixture.staffUser()) }
        let plan = try await fixture.db.planCoverage(unit: Code.tianhe, dates: next, capacity: 10, on: Self.today, for: try await fixture.trainer())
        // 张三 at the centre is his own group; 李四 and 王五 are 石牌街道's.
        #expect(plan.cohorts.count == 1 && plan.cohorts[0].people.map(\.groupCode).sorted() == [Code.tianhe, Code.shipai, Code.shipai].sorted())
    }

    @Test("Planned with topics, each cohort carries what its members' standards lack, and applying puts them on the drafts")
    func topicsTheStandardLacks() async throws {
        let fixture = try await PlanCounty.make()
        let op = try await fixture.op()
        // Village workers must cover two topics; town workers have no standard.
        try await fixture.db.setCurriculumStandard(post: Post.worker, level: .village, hours: 8, topics: ["政策法规", "权益维护"], by: op)
        let dates = PlanCounty.weekdays(20)
        let plain = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: dates, capacity: 120, on: Self.today, for: op)
        #expect(!plain.withTopics && plain.cohorts.allSatisfy(\.topics.isEmpty) && !plain.table.columns.contains("专题"))
        let plan = try await fixture.db.planCoverage(unit: PlanCounty.code, dates: dates, capacity: 120, withTopics: true, on: Self.today, for: op)
        #expect(plan.withTopics && plan.table.columns.last == "专题")
        // The same cohorts either way: topics do not change who goes when.
        #expect(plan.cohorts.map { $0.people.map(\.number) } == plain.cohorts.map { $0.people.map(\.number) })
        for cohort in plan.cohorts {
            let villagers = cohort.people.filter { $0.unitCode.count > PlanCounty.town(1).count }
            #expect(Set(cohort.topics) == (villagers.isEmpty ? [] : ["政策法规", "权益维护"]), "\(cohort.date)")
        }
        let ids = try await fixture.db.applyCoveragePlan(
            unit: PlanCounty.code, dates: dates, capacity: 120, withTopics: true, on: Self.today, by: op)
        #expect(ids.count == plan.cohorts.count)
        for (id, cohort) in zip(ids, plan.cohorts) {
            #expect(try await fixture.db.trainingSession(id, for: op).topics == cohort.topics)
        }
    }
}
