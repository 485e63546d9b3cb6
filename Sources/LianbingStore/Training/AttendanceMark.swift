import Foundation
import LianbingCore

/// One person's attendance on one day of a session, however it arrives: marked in the browser, signed in with the
/// code, or imported.
public struct AttendanceMark: Sendable, Codable, Equatable {
    public var staffNumber: String
    public var day: CivilDate
    public var status: AttendanceStatus
    /// Why absent or excused; a note otherwise.
    public var reason: String
    /// `nil`: the day's share of the session's hours when attended, none otherwise.
    public var hours: Double?

    public init(staffNumber: String, day: CivilDate, status: AttendanceStatus, reason: String = "", hours: Double? = nil) {
        self.staffNumber = staffNumber
        self.day = day
        self.status = status
        self.reason = reason
        self.hours = hours
    }

    /// Hours one day may credit.
    public static let hoursRange = 0.0...24.0
}

public enum AttendanceSource: String, Sendable, Codable {
    case browser, code, `import`
    /// Written by the online school: lesson minutes credited, or a study day's lessons finished in its window.
    case lessons
}

public struct AttendanceSummary: Sendable, Codable, Equatable {
    public var recorded: Int
    public var walkIns: Int
    /// Changes to a closed session, each logged with its reason.
    public var amended: Int
}

/// A day's attendance as the organiser's list shows it.
public struct AttendanceEntry: Sendable, Codable, Equatable {
    public var staffNumber: String
    public var name: String
    public var unitName: String
    public var day: CivilDate
    public var status: AttendanceStatus
    public var reason: String
    public var hours: Double
    public var isWalkIn: Bool
    public var source: String
}

/// A correction to a closed session's attendance, as it was logged: who changed whose mark, from what to what, and why.
public struct AttendanceAmendment: Sendable, Codable, Equatable {
    public var staffNumber: String
    public var name: String
    public var day: CivilDate
    /// `nil` when the person had no mark that day.
    public var before: String?
    public var after: String
    public var reason: String
    public var actor: String
    public var at: Date
}
