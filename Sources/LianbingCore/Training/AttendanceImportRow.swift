/// One attendance record read from line `line` of an attendance file (考勤表): who, on which day, whether they
/// came, and the hours (学时) credited, if the file says.
///
/// Only what the row says about itself has been checked; whether the person was invited and the day lies within
/// the session is the store's job.
public struct AttendanceImportRow: Sendable, Hashable {
    public var line: Int
    public var staffNumber: String
    public var day: CivilDate
    public var status: AttendanceStatus
    /// `nil`: the file left 学时 empty, so the session's own hours apply.
    public var hours: Double?
    public var note: String

    public init(line: Int, staffNumber: String, day: CivilDate, status: AttendanceStatus, hours: Double? = nil, note: String = "") {
        self.line = line
        self.staffNumber = staffNumber
        self.day = day
        self.status = status
        self.hours = hours
        self.note = note
    }
}
