/// How a rating reached the system, kept so that reports can tell a kiosk's taps from a visit's telephone call,
/// which are not equally spontaneous.
public enum RatingSource: String, CaseIterable, Sendable, Codable {
    /// The QR code on the poster at the service centre, rated on the visitor's phone.
    case poster
    /// The rating device at the service window.
    case counter
    /// A paper questionnaire typed in by staff.
    case paper
    /// A telephone follow-up (回访).
    case phone

    /// The word on forms and reports: 扫码评价 / 窗口评价器 / 纸质问卷 / 电话回访.
    public var label: String {
        switch self {
        case .poster: "扫码评价"
        case .counter: "窗口评价器"
        case .paper: "纸质问卷"
        case .phone: "电话回访"
        }
    }
}
