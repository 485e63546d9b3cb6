import Foundation

/// The two kinds of dated placement item 19 asks to record on a person's record: 轮岗交流 (rotation between posts or
/// units) and 基层锻炼 (a spell of service at the grassroots). They are counted per unit served, not moves: the
/// person's own unit does not change.
public enum PlacementKind: String, Sendable, Codable, CaseIterable {
    case rotation
    case grassroots

    public var label: String {
        switch self {
        case .rotation: "轮岗交流"
        case .grassroots: "基层锻炼"
        }
    }

    /// Accepts the label (轮岗交流) or the raw value in any letter case (rotation).
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        if let kind = PlacementKind.allCases.first(where: { $0.label == text }) {
            self = kind
        } else if let kind = PlacementKind(rawValue: text.lowercased()) {
            self = kind
        } else {
            return nil
        }
    }
}
