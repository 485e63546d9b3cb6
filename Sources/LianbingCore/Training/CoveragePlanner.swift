/// Someone the planner must place: an uncovered member of staff, with the group (usually their town) whose people
/// should sit together.
public struct PlannedPerson: Sendable, Hashable {
    public var number: String
    public var group: String
    public var lastTrained: CivilDate?

    public init(number: String, group: String, lastTrained: CivilDate?) {
        self.number = number
        self.group = group
        self.lastTrained = lastTrained
    }
}

/// One proposed session: a date and who is invited.
public struct Cohort: Sendable, Hashable {
    public var date: CivilDate
    public var members: [String]
}

public struct CoveragePlan: Sendable, Hashable {
    /// In date order; dates left empty are omitted.
    public var cohorts: [Cohort]
    /// People no date had room for, longest-untrained first.
    public var unplaced: [String]
    /// Session-dates at the same capacity that would place everyone left over.
    public var missingSessionDates: Int
}

/// Cohorts that cover the uncovered before a cycle ends (the planner of rolling full coverage). Rules, in order:
/// nobody twice; no cohort over `capacity`; a group (town) that fits in one session is never split — it waits for a
/// date with room for all of it; a larger group fills dates in turn; groups are placed most-overdue first (the group's
/// longest-untrained member decides), each in the earliest date with room, so the longest-untrained sit earliest.
public enum CoveragePlanner {
    public static func plan(_ people: [PlannedPerson], dates: [CivilDate], capacity: Int) -> CoveragePlan {
        guard capacity > 0 else { return CoveragePlan(cohorts: [], unplaced: ordered(people).map(\.number), missingSessionDates: 0) }
        var seen: Set<String> = []
        let unique = ordered(people).filter { seen.insert($0.number).inserted }
        var cohorts = Array(Set(dates)).sorted().map { Cohort(date: $0, members: []) }
        let leftOver = place(groups(unique), into: &cohorts, capacity: capacity)
        var extra: [Cohort] = []
        // As many empty dates as it takes: each pass opens one more, so the count is the least this packing needs.
        var remaining = groups(leftOver)
        while !remaining.isEmpty {
            extra.append(Cohort(date: CivilDate(year: 2000, month: 1, day: 1)!, members: []))
            remaining = groups(place(remaining, into: &extra, capacity: capacity))
        }
        return CoveragePlan(
            cohorts: cohorts.filter { !$0.members.isEmpty }, unplaced: leftOver.map(\.number), missingSessionDates: extra.count)
    }

    private static func ordered(_ people: [PlannedPerson]) -> [PlannedPerson] {
        people.sorted { Coverage.longerUntrained($0.lastTrained, $0.number, than: $1.lastTrained, $1.number) }
    }

    /// Groups in placing order, each with its members most-overdue first.
    private static func groups(_ ordered: [PlannedPerson]) -> [[PlannedPerson]] {
        var byGroup: [String: [PlannedPerson]] = [:]
        var order: [String] = []
        for person in ordered {
            if byGroup[person.group] == nil { order.append(person.group) }
            byGroup[person.group, default: []].append(person)
        }
        return order.map { byGroup[$0]! }
    }

    /// Places each group; returns who found no room, in placing order.
    private static func place(_ groups: [[PlannedPerson]], into cohorts: inout [Cohort], capacity: Int) -> [PlannedPerson] {
        var leftOver: [PlannedPerson] = []
        for group in groups {
            if group.count <= capacity {
                if let index = cohorts.firstIndex(where: { capacity - $0.members.count >= group.count }) {
                    cohorts[index].members += group.map(\.number)
                } else {
                    leftOver += group
                }
                continue
            }
            var rest = group[...]
            for index in cohorts.indices where !rest.isEmpty {
                let room = capacity - cohorts[index].members.count
                guard room > 0 else { continue }
                cohorts[index].members += rest.prefix(room).map(\.number)
                rest = rest.dropFirst(room)
            }
            leftOver += rest
        }
        return leftOver
    }

    /// The topics for one cohort's session from what its members' curriculum standards still lack (item 6's
    /// "optionally, the topics their standard lacks"): every topic anyone lacks, those most members lack first (ties by
    /// name), at most `limit` — a session names at most `TrainingSessionDraft.maximumTopics`.
    public static func topics(lackedBy members: [[String]], limit: Int = TrainingSessionDraft.maximumTopics) -> [String] {
        var count: [String: Int] = [:]
        for lacking in members {
            for topic in Set(lacking) { count[topic, default: 0] += 1 }
        }
        let ordered = count.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ordered.prefix(max(0, limit)).map(\.key)
    }
}
