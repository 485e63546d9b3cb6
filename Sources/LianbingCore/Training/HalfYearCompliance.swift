/// A held training as the half-year rule sees it.
public struct ComplianceSession: Sendable, Hashable {
    public var organiser: UnitPath
    /// The China date it started on: 23:30 on 30 June is in H1.
    public var date: CivilDate
    /// A business training of a kind that counts for the organiser (`TrainingKind.countsForHalfYear`).
    public var countsForHalfYear: Bool
    /// Each attendee's unit on the session date (not today's: people move).
    public var attendeeUnits: [UnitPath]

    public init(organiser: UnitPath, date: CivilDate, countsForHalfYear: Bool, attendeeUnits: [UnitPath]) {
        self.organiser = organiser
        self.date = date
        self.countsForHalfYear = countsForHalfYear
        self.attendeeUnits = attendeeUnits
    }

    /// Organised by `unit` and attended by its own staff: people of the unit or below it.
    func qualifies(for unit: UnitPath, in halfYear: HalfYear) -> Bool {
        countsForHalfYear && organiser == unit && halfYear.contains(date) && attendeeUnits.contains { unit.contains($0) }
    }
}

/// One obliged unit in one half-year.
public struct HalfYearStanding: Sendable, Hashable {
    public var unit: UnitPath
    public var halfYear: HalfYear
    public var qualifyingSessions: Int

    public var isCompliant: Bool { qualifyingSessions > 0 }
}

/// Item 19's "每半年至少组织一次工作人员业务培训", as a pure function over loaded sessions.
public enum HalfYearCompliance {
    /// The standing of each obliged unit, in the order given.
    public static func standings(of obliged: [UnitPath], sessions: [ComplianceSession], in halfYear: HalfYear) -> [HalfYearStanding] {
        var byOrganiser: [UnitPath: [ComplianceSession]] = [:]
        for session in sessions where session.countsForHalfYear && halfYear.contains(session.date) {
            byOrganiser[session.organiser, default: []].append(session)
        }
        return obliged.map { unit in
            HalfYearStanding(
                unit: unit, halfYear: halfYear, qualifyingSessions: (byOrganiser[unit] ?? []).filter { $0.qualifies(for: unit, in: halfYear) }.count)
        }
    }

    /// Obliged units still without a qualifying session when `today` lies within `days` of the half-year's last day.
    public static func warnings(of obliged: [UnitPath], sessions: [ComplianceSession], today: CivilDate, days: Int) -> [UnitPath] {
        let halfYear = HalfYear(containing: today)
        guard halfYear.lastDay - today <= days else { return [] }
        return standings(of: obliged, sessions: sessions, in: halfYear).filter { !$0.isCompliant }.map(\.unit)
    }
}
