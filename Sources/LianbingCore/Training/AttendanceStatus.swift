/// Whether an invited person came to a training session (考勤).
public enum AttendanceStatus: String, Sendable, Codable, CaseIterable {
    case attended
    case absent
    case excused

    /// The word used in import files and pages: 出席 / 缺席 / 请假.
    public var label: String {
        switch self {
        case .attended: "出席"
        case .absent: "缺席"
        case .excused: "请假"
        }
    }

    /// Accepts the label (出席) or the raw value in any letter case (attended).
    public init?(label: String) {
        if let status = AttendanceStatus.allCases.first(where: { $0.label == label }) {
            self = status
        } else if let status = AttendanceStatus(rawValue: label.lowercased()) {
            self = status
        } else {
            return nil
        }
    }
}
