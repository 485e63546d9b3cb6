import Foundation
import LianbingCore
import Testing

@Suite("Training: half-years, coverage and the planner")
struct TrainingRulesTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static let county = UnitPath(codes: ["44", "4401", "440117"])
    static let town = county.appending("440117001")
    static let otherTown = county.appending("440117002")
    static let elsewhere = UnitPath(codes: ["44", "4402", "440203"])

    @Test("Given day numbers, then dates round-trip and month arithmetic clamps to the month's end")
    func civilDateArithmetic() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2099-12-31", "1900-03-01"] {
            #expect(CivilDate(dayNumber: Self.day(text).dayNumber) == Self.day(text))
        }
        #expect(Self.day("1970-01-01").dayNumber == 0 && Self.day("2026-12-03") - Self.day("2026-01-01") == 336)
        #expect(Self.day("2026-01-31").adding(months: 1) == Self.day("2026-02-28"))
        #expect(Self.day("2026-12-31").adding(days: 1) == Self.day("2027-01-01"))
        #expect(CivilDate(dayNumber: Int.max) == nil && Self.day("2200-12-31").adding(days: 1) == nil)
    }

    @Test("Given a session at 23:30 China time on 30 June, then it counts in H1; at 00:00 on 1 July, in H2")
    func halfYearBoundaryIsChinaTime() {
        #expect(HalfYear(containing: ChinaTime.parse("2026-06-30 23:30")!) == HalfYear(year: 2026, half: 1))
        #expect(HalfYear(containing: ChinaTime.parse("2026-07-01 00:00")!) == HalfYear(year: 2026, half: 2))
        #expect(HalfYear(year: 2026, half: 2)!.next == HalfYear(year: 2027, half: 1) && HalfYear(year: 2026, half: 3) == nil)
        #expect(HalfYear(year: 2026, half: 1)!.label == "2026年上半年")
    }

    @Test("Given sessions, then a unit is compliant only for a business training it organised that its own staff attended")
    func halfYearCompliance() {
        let h1 = HalfYear(year: 2026, half: 1)!
        let own = ComplianceSession(organiser: Self.town, date: Self.day("2026-06-30"), countsForHalfYear: true, attendeeUnits: [Self.town.appending("v1")])
        let strangers = ComplianceSession(organiser: Self.otherTown, date: Self.day("2026-03-01"), countsForHalfYear: true, attendeeUnits: [Self.elsewhere])
        let hoursOnly = ComplianceSession(organiser: Self.county, date: Self.day("2026-03-01"), countsForHalfYear: false, attendeeUnits: [Self.county])
        let standings = HalfYearCompliance.standings(of: [Self.town, Self.otherTown, Self.county], sessions: [own, strangers, hoursOnly], in: h1)
        #expect(standings.map(\.isCompliant) == [true, false, false])
        #expect(HalfYearCompliance.standings(of: [Self.town], sessions: [own], in: h1.next).map(\.isCompliant) == [false])
        // A town's session does not make the county compliant, though its staff are under the county.
        #expect(HalfYearCompliance.standings(of: [Self.county], sessions: [own], in: h1)[0].isCompliant == false)
        #expect(HalfYearCompliance.warnings(of: [Self.town, Self.otherTown], sessions: [own, strangers], today: Self.day("2026-06-10"), days: 30) == [Self.otherTown])
        #expect(HalfYearCompliance.warnings(of: [Self.otherTown], sessions: [], today: Self.day("2026-05-10"), days: 30).isEmpty)
        #expect(!TrainingKind.higherLevel.countsForHalfYear(business: true) && TrainingKind.higherLevel.countsForCoverage(business: false))
        #expect(TrainingKind.allCases.filter(\.isBusinessTraining) == [.course, .meeting, .observation, .practice])
    }

    @Test("Given the obligation rule, then counties and towns are obliged, villages when flagged or over the threshold")
    func obligation() {
        var rule = HalfYearObligation()
        #expect(rule.isObliged(level: .county, veteransServed: nil, flagged: false) && rule.isObliged(level: .town, veteransServed: 0, flagged: false))
        #expect(!rule.isObliged(level: .village, veteransServed: 5_000, flagged: false) && rule.isObliged(level: .village, veteransServed: 1, flagged: true))
        rule.veteranThreshold = 300
        #expect(rule.isObliged(level: .village, veteransServed: 300, flagged: false) && !rule.isObliged(level: .village, veteransServed: 299, flagged: false))
    }

    @Test("Given a cycle, then coverage follows people, drops those who left, and waits out a new hire's grace period")
    func coverageStandings() {
        let cycle = TrainingCycle.calendarYear(2026)!
        let today = Self.day("2026-09-01")
        #expect(cycle.end == Self.day("2027-01-01") && cycle.lastDay == Self.day("2026-12-31"))
        // Trained in March at one unit, moved in May: still covered, the person carries it.
        #expect(Coverage.standing(of: CoveragePerson(number: "A", trainedOn: [Self.day("2026-03-02")]), in: cycle, on: today) == .covered(lastTrained: Self.day("2026-03-02")))
        #expect(Coverage.standing(of: CoveragePerson(number: "B", trainedOn: [Self.day("2025-11-02")]), in: cycle, on: today) == .uncovered(lastTrained: Self.day("2025-11-02")))
        #expect(Coverage.standing(of: CoveragePerson(number: "C", leftOn: Self.day("2026-08-01")), in: cycle, on: today) == .left)
        #expect(Coverage.standing(of: CoveragePerson(number: "C", leftOn: Self.day("2026-10-01")), in: cycle, on: today) == .uncovered(lastTrained: nil))
        #expect(Coverage.standing(of: CoveragePerson(number: "D", hireDate: Self.day("2026-07-01")), in: cycle, on: today) == .notYetDue(dueBy: Self.day("2026-09-29")))
        #expect(Coverage.standing(of: CoveragePerson(number: "D", hireDate: Self.day("2026-05-01")), in: cycle, on: today) == .uncovered(lastTrained: nil))
        #expect(Coverage.standing(of: CoveragePerson(number: "E", hireDate: Self.day("2026-10-15")), in: cycle, on: Self.day("2026-12-01")) == .notDue)
        let order = Coverage.uncovered([
            CoveragePerson(number: "2", trainedOn: [Self.day("2025-06-01")]), CoveragePerson(number: "3"), CoveragePerson(number: "1", trainedOn: [Self.day("2025-06-01")]),
            CoveragePerson(number: "4", trainedOn: [Self.day("2024-01-01")]),
        ], in: cycle, on: today).map(\.number)
        #expect(order == ["3", "4", "1", "2"])
    }

    /// A county of `towns` towns of `size` people, last trained on spread-out dates (some never).
    static func county(towns: Int, size: Int) -> [PlannedPerson] {
        (0..<towns).flatMap { town in
            (0..<size).map { index in
                let number = String(format: "T%02d-%04d", town, index)
                let last = (town * size + index) % 7 == 0 ? nil : Self.day("2024-01-01").adding(days: (town * 37 + index * 3) % 600)
                return PlannedPerson(number: number, group: "town\(town)", lastTrained: last)
            }
        }
    }

    @Test("Given 2,400 uncovered people in 20 towns, then applying the plan as attendance covers everyone, within capacity, no town split")
    func plannerCoversACounty() {
        let people = Self.county(towns: 20, size: 120)
        let dates = (0..<40).map { Self.day("2026-03-02").adding(days: $0 * 2)! }
        let plan = CoveragePlanner.plan(people, dates: dates, capacity: 150)
        #expect(plan.unplaced.isEmpty && plan.missingSessionDates == 0)
        #expect(plan.cohorts.allSatisfy { $0.members.count <= 150 })
        let placed = plan.cohorts.flatMap(\.members)
        #expect(placed.count == people.count && Set(placed).count == people.count)
        for cohort in plan.cohorts { #expect(Set(cohort.members.map { $0.prefix(3) }).count == 1, "one town per session when a town fits") }
        let datesByPerson = Dictionary(uniqueKeysWithValues: plan.cohorts.flatMap { cohort in cohort.members.map { ($0, cohort.date) } })
        let cycle = TrainingCycle.calendarYear(2026)!
        let attended = people.map { CoveragePerson(number: $0.number, trainedOn: [datesByPerson[$0.number]!]) }
        #expect(Coverage.uncovered(attended, in: cycle, on: Self.day("2026-12-31")).isEmpty)
        // Most overdue first: towns are placed in the order of their longest-untrained member.
        let firstDate = Dictionary(grouping: plan.cohorts, by: { String($0.members[0].prefix(3)) }).mapValues { $0.map(\.date).min()! }
        let priority = Dictionary(grouping: people, by: { String($0.number.prefix(3)) }).mapValues { members in
            members.min { Coverage.longerUntrained($0.lastTrained, $0.number, than: $1.lastTrained, $1.number) }!
        }
        let byPriority = priority.keys.sorted { Coverage.longerUntrained(priority[$0]!.lastTrained, priority[$0]!.number, than: priority[$1]!.lastTrained, priority[$1]!.number) }
        #expect(byPriority.map { firstDate[$0]! } == byPriority.map { firstDate[$0]! }.sorted())
    }

    @Test("Given too few dates, then the plan says exactly who is left and how many more session-dates would place them")
    func plannerReportsTheShortfall() {
        let people = Self.county(towns: 20, size: 25)
        let plan = CoveragePlanner.plan(people, dates: (1...5).map { Self.day("2026-04-0\($0)") }, capacity: 50)
        #expect(plan.cohorts.count == 5 && plan.cohorts.allSatisfy { $0.members.count == 50 })
        #expect(plan.unplaced.count == 250 && plan.missingSessionDates == 5)
        #expect(Set(plan.unplaced).isDisjoint(with: plan.cohorts.flatMap(\.members)))
        // A town larger than a session fills dates in turn; duplicates are planned once.
        let big = CoveragePlanner.plan(Self.county(towns: 1, size: 130) + Self.county(towns: 1, size: 130), dates: [Self.day("2026-05-01"), Self.day("2026-05-02")], capacity: 60)
        #expect(big.cohorts.map(\.members.count) == [60, 60] && big.unplaced.count == 10 && big.missingSessionDates == 1)
    }

    @Test("Given what each member's standard lacks, then a cohort's topics are every topic lacked, most-lacked first, at most the limit")
    func cohortTopics() {
        let lacking = [["接访", "权益维护"], ["权益维护", "权益维护"], ["政策法规", "权益维护"], []]
        // 权益维护 by three (counted once for the member listing it twice), then the rest by name.
        #expect(CoveragePlanner.topics(lackedBy: lacking) == ["权益维护"] + ["接访", "政策法规"].sorted())
        #expect(CoveragePlanner.topics(lackedBy: lacking, limit: 1) == ["权益维护"])
        #expect(CoveragePlanner.topics(lackedBy: []).isEmpty && CoveragePlanner.topics(lackedBy: lacking, limit: 0).isEmpty)
        let many = [(1...30).map { "专题\($0)" }]
        #expect(CoveragePlanner.topics(lackedBy: many).count == TrainingSessionDraft.maximumTopics)
    }
}
