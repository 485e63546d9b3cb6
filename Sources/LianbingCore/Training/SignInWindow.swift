import Foundation

/// When attendees may sign in on each day of a session: from half an hour before its starting time of day until its
/// ending time of day (China time), or until midnight when a multi-day session ends earlier in the day than it starts.
public enum SignInWindow {
    public static let lead: TimeInterval = 30 * 60

    /// The window on `day`, or `nil` when the session does not run that day.
    public static func window(on day: CivilDate, startsAt: Date, endsAt: Date) -> Range<Date>? {
        guard TrainingSessionDraft.days(from: startsAt, to: endsAt).contains(day),
            let midnight = ChinaTime.parse("\(day) 00:00"), let firstMidnight = ChinaTime.parse("\(ChinaTime.civilDate(of: startsAt)) 00:00"),
            let lastMidnight = ChinaTime.parse("\(ChinaTime.civilDate(of: endsAt.addingTimeInterval(-1))) 00:00")
        else { return nil }
        let startOfDay = startsAt.timeIntervalSince(firstMidnight)
        let endOfDay = endsAt.timeIntervalSince(lastMidnight)
        let opens = midnight.addingTimeInterval(startOfDay - lead)
        let closes = midnight.addingTimeInterval(endOfDay > startOfDay ? endOfDay : 86_400)
        return opens..<closes
    }

    /// The day whose window holds `now`, if any.
    public static func day(at now: Date, startsAt: Date, endsAt: Date) -> CivilDate? {
        TrainingSessionDraft.days(from: startsAt, to: endsAt).first { window(on: $0, startsAt: startsAt, endsAt: endsAt)?.contains(now) == true }
    }
}
