/// The five levels of the service system (五级服务体系), top to bottom.
///
/// Raw values grow downwards so that "strictly descending" in the tree is `parent.rawValue < child.rawValue`.
/// A level may be skipped: towns in Dongguan and Zhongshan sit directly under their city.
public enum UnitLevel: Int, Sendable, Codable, CaseIterable, Comparable {
    case province = 1
    case city = 2
    case county = 3
    case town = 4
    case village = 5

    public static func < (lhs: UnitLevel, rhs: UnitLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The one-character label used in import files: 省/市/县/镇/村.
    public var label: String {
        switch self {
        case .province: "省"
        case .city: "市"
        case .county: "县"
        case .town: "镇"
        case .village: "村"
        }
    }

    /// The label shown in the UI.
    public var displayName: String {
        switch self {
        case .province: "省级"
        case .city: "地级以上市"
        case .county: "县（市、区）"
        case .town: "乡镇（街道）"
        case .village: "村（社区）"
        }
    }

    /// Levels 1–3 run service centres (服务中心), levels 4–5 service stations (服务站).
    public var isCentre: Bool { self <= .county }

    /// Accepts the import label and a few common long forms (省级, 县级, 乡镇, 街道, 社区 …).
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        switch text {
        case "省", "省级", "province": self = .province
        case "市", "市级", "地级市", "city": self = .city
        case "县", "县级", "区", "county": self = .county
        case "镇", "乡", "乡镇", "街道", "镇级", "town": self = .town
        case "村", "社区", "村级", "village": self = .village
        default: return nil
        }
    }
}
