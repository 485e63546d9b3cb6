import Foundation

/// Months of made-up training for the demo and the benchmark: town stations hold a business training most
/// half-years for their own and their villages' staff, counties hold monthly classes and study days, and a few people
/// are never reached — so dashboards show a believable mix: most units compliant, some missing a half-year, a few
/// people untrained for over a year. Pure and deterministic, like `DemoDataset`.
public struct DemoTraining: Sendable {
    public struct Session: Sendable {
        public var organiser: String
        public var title: String
        public var kind: TrainingKind
        public var startsAt: Date
        public var endsAt: Date
        public var hours: Double
        public var topics: [String]
        public var trainers: [String]
        public var published: Bool
        public var invitees: [String]
        /// Who came (or not), with their unit on the day.
        public var attendance: [(number: String, status: AttendanceStatus, unitCode: String)]
        public var ratings: [(number: String, score: Int)]
    }

    public var sessions: [Session]
    public var experts: [ExpertDraft]
    public var standards: [(post: String, level: UnitLevel, hours: Double, topics: [String])]
    /// Villages flagged 任务较重, and how many veterans some units serve.
    public var heavyDuty: [String]
    public var veteransServed: [(code: String, count: Int)]

    public var attendanceCount: Int { sessions.reduce(0) { $0 + $1.attendance.count } }

    /// Knowledge points of the bank (`QuestionBank/`), so sessions and results speak the same language.
    static let topics = [
        "权益维护/政策落实", "权益维护/接访质效", "权益维护/法律援助", "权益维护/心理疏导", "功能平台/就业创业", "功能平台/帮扶援助",
        "功能平台/信息化服务", "法律法规/抚恤优待", "法律法规/服务管理", "体系建设/基础信息数据库", "队伍建设/常态化培训", "党建引领/基层党组织",
    ]

    public static func build(_ dataset: DemoDataset, today: CivilDate, months: Int = 18, seed: UInt64 = 2026_11) -> DemoTraining {
        var dice = DemoDice(seed: seed)
        let byParent = Dictionary(grouping: dataset.units.filter { $0.parentCode != nil }, by: { $0.parentCode! })
        let staffByUnit = Dictionary(grouping: dataset.staff.filter(\.isActive), by: \.unitCode)
        // About one in thirty-three of the staff is never reached: the long-untrained the coverage list must surface.
        var unreached = Set<String>()
        for member in dataset.staff where member.number != dataset.staffMemberNumber && dice.chance(0.03) { unreached.insert(member.number) }
        let first = today.adding(months: -months)!
        var sessions: [Session] = []

        func people(_ units: [ServiceUnit], on day: CivilDate) -> [Staff] {
            units.flatMap { staffByUnit[$0.code] ?? [] }.filter { !unreached.contains($0.number) && ($0.hireDate ?? day) <= day }
        }
        func add(_ organiser: ServiceUnit, _ kind: TrainingKind, on day: CivilDate, hour: Int, length: Int, invitees: [Staff], title: String, dice: inout DemoDice) {
            guard !invitees.isEmpty, let start = ChinaTime.parse("\(day) \(hour < 10 ? "0" : "")\(hour):00") else { return }
            let chosen = [dice.pick(Self.topics), dice.pick(Self.topics)]
            let held = day < today
            var attendance: [(String, AttendanceStatus, String)] = []
            var ratings: [(String, Int)] = []
            if held {
                for person in invitees {
                    var status = dice.pick(weighted: [(AttendanceStatus.attended, 88), (.absent, 7), (.excused, 5)])
                    // The `staff` login has missed this year's trainings: signing in today is what covers them.
                    if person.number == dataset.staffMemberNumber, day.year == today.year { status = .excused }
                    attendance.append((person.number, status, person.unitCode))
                    if status == .attended, dice.chance(0.3) { ratings.append((person.number, dice.pick(weighted: [(5, 5), (4, 4), (3, 1)]))) }
                }
            }
            sessions.append(
                Session(
                    organiser: organiser.code, title: title, kind: kind, startsAt: start, endsAt: start.addingTimeInterval(Double(length) * 3600),
                    hours: Double(length), topics: Array(Set(chosen)).sorted(), trainers: [DemoPersonNames.name(&dice, male: dice.chance(0.5))],
                    published: true, invitees: invitees.map(\.number), attendance: attendance, ratings: ratings))
        }
        func day(in range: ClosedRange<CivilDate>, dice: inout DemoDice) -> CivilDate {
            range.lowerBound.adding(days: dice.below(range.upperBound - range.lowerBound + 1))!
        }

        var halfYear = HalfYear(containing: first)
        let current = HalfYear(containing: today)
        while halfYear <= current {
            let from = max(halfYear.firstDay, first)
            let to = min(halfYear.lastDay, today.adding(days: -1)!)
            let isCurrent = halfYear == current
            for town in dataset.units where town.level == .town {
                // Most towns hold their half-year training; in the running half-year, most have held it already.
                guard from <= to, dice.chance(isCurrent ? 0.8 : 0.88) else { continue }
                let date = day(in: from...to, dice: &dice)
                let villages = byParent[town.code] ?? []
                let kind = dice.pick(weighted: [(TrainingKind.meeting, 4), (.practice, 2), (.course, 2), (.observation, 1)])
                add(town, kind, on: date, hour: 9, length: dice.pick([3, 4, 6]), invitees: people([town] + villages, on: date),
                    title: "\(town.name)\(halfYear.label)业务培训", dice: &dice)
            }
            halfYear = halfYear.next
        }
        var month = CivilDate(year: first.year, month: first.month, day: 1)!
        while month <= today {
            let last = min(month.adding(months: 1)!.adding(days: -1)!, today.adding(days: -1)!)
            for county in dataset.units where county.level == .county {
                let towns = byParent[county.code] ?? []
                if month <= last, dice.chance(0.5) {
                    let date = day(in: month...last, dice: &dice)
                    let directors = people(towns, on: date).filter { $0.post == Post.director }
                    add(county, dice.pick([.course, .meeting, .observation]), on: date, hour: 9, length: 6,
                        invitees: people([county], on: date) + directors, title: "\(county.name)专题培训班（\(month.year)年\(month.month)月）", dice: &dice)
                }
                if month <= last, dice.chance(0.3) {
                    let date = day(in: month...last, dice: &dice)
                    add(county, .studyDay, on: date, hour: 14, length: 2, invitees: people([county], on: date), title: "\(county.name)学习日", dice: &dice)
                }
            }
            month = month.adding(months: 1)!
        }
        // What the demo logins see today: a session of the staff member's town open for signing in all day, and
        // one published for next week.
        if let member = dataset.staff.first(where: { $0.number == dataset.staffMemberNumber }),
            let village = dataset.units.first(where: { $0.code == member.unitCode }), let townCode = village.parentCode,
            let town = dataset.units.first(where: { $0.code == townCode })
        {
            let invitees = people([town] + (byParent[town.code] ?? []), on: today)
            add(town, .meeting, on: today, hour: 8, length: 13, invitees: invitees, title: "\(town.name)以会代训：接访工作规范", dice: &dice)
            add(town, .practice, on: today.adding(days: 7)!, hour: 9, length: 4, invitees: invitees, title: "\(town.name)实践教学：上门走访", dice: &dice)
        }

        var experts: [ExpertDraft] = []
        for unit in dataset.units where unit.level <= .county {
            let count = unit.level == .province ? 8 : unit.level == .city ? 4 : 2
            for _ in 0..<count {
                let category = dice.pick(weighted: [(ExpertCategory.backbone, 5), (.industry, 3), (.university, 2)])
                let affiliation =
                    switch category {
                    case .university: "广东某高校法学院教授"
                    case .industry: "律师事务所律师"
                    case .backbone: unit.name + "业务骨干"
                    }
                experts.append(
                    ExpertDraft(
                        unitCode: unit.code, name: DemoPersonNames.name(&dice, male: dice.chance(0.5)), category: category,
                        specialties: Array(Set([dice.pick(Self.topics), dice.pick(Self.topics)])).sorted(), affiliation: affiliation))
            }
        }
        let villages = dataset.units.filter { $0.level == .village }
        let heavy = villages.filter { _ in dice.chance(0.02) }.map(\.code)
        let served = dataset.units.filter { $0.level >= .town }.map { ($0.code, $0.level == .town ? dice.int(in: 800...6_000) : dice.int(in: 20...400)) }
        return DemoTraining(
            sessions: sessions.sorted { $0.startsAt < $1.startsAt }, experts: experts,
            standards: [
                (Post.receptionist, .village, 6, ["权益维护"]),
                (Post.director, .village, 6, ["权益维护"]),
                (Post.director, .town, 8, ["权益维护"]),
                (Post.receptionist, .town, 8, ["权益维护/接访质效"]),
            ],
            heavyDuty: heavy, veteransServed: served)
    }
}
