/// A member of staff as rolling coverage sees them.
public struct CoveragePerson: Sendable, Hashable {
    public var number: String
    public var hireDate: CivilDate?
    /// From this date on they are no longer staff and drop out.
    public var leftOn: CivilDate?
    /// Dates of trainings that count for coverage (`TrainingKind.countsForCoverage`), whichever unit they were in:
    /// coverage follows the person across moves.
    public var trainedOn: [CivilDate]

    public init(number: String, hireDate: CivilDate? = nil, leftOn: CivilDate? = nil, trainedOn: [CivilDate] = []) {
        self.number = number
        self.hireDate = hireDate
        self.leftOn = leftOn
        self.trainedOn = trainedOn
    }
}

public enum CoverageStanding: Sendable, Hashable {
    case covered(lastTrained: CivilDate)
    /// Due and not yet trained this cycle; `lastTrained` may lie in an earlier cycle, or be `nil` for never.
    case uncovered(lastTrained: CivilDate?)
    /// Newly hired: due by this date, within the grace period.
    case notYetDue(dueBy: CivilDate)
    /// Hired less than the grace period before the cycle ends: not due this cycle.
    case notDue
    case left
}

/// Item 18's "定期'滚动式'全覆盖培训": everyone due in a cycle attends one business training in it.
public enum Coverage {
    public static let defaultGraceDays = 90

    /// Where `person` stands in `cycle` on `today`.
    public static func standing(of person: CoveragePerson, in cycle: TrainingCycle, on today: CivilDate, graceDays: Int = defaultGraceDays) -> CoverageStanding {
        if let left = person.leftOn, left <= today { return .left }
        let trained = person.trainedOn.filter { $0 <= today }
        if let last = trained.filter(cycle.contains).max() { return .covered(lastTrained: last) }
        if let hired = person.hireDate, let due = hired.adding(days: graceDays) {
            if due >= cycle.end { return .notDue }
            if today < due { return .notYetDue(dueBy: due) }
        }
        return .uncovered(lastTrained: trained.max())
    }

    /// The uncovered among `people`, longest-untrained first (never trained first), then by staff number.
    public static func uncovered(_ people: [CoveragePerson], in cycle: TrainingCycle, on today: CivilDate, graceDays: Int = defaultGraceDays)
        -> [(number: String, lastTrained: CivilDate?)]
    {
        people.compactMap { person -> (String, CivilDate?)? in
            if case .uncovered(let last) = standing(of: person, in: cycle, on: today, graceDays: graceDays) { return (person.number, last) }
            return nil
        }.sorted { longerUntrained($0.1, $0.0, than: $1.1, $1.0) }
    }

    /// The order of the uncovered and of the planner: never trained, then the earliest last training, then number.
    public static func longerUntrained(_ a: CivilDate?, _ numberA: String, than b: CivilDate?, _ numberB: String) -> Bool {
        switch (a, b) {
        case (nil, nil): numberA < numberB
        case (nil, _): true
        case (_, nil): false
        case (let a?, let b?): a == b ? numberA < numberB : a < b
        }
    }
}
