/// Where a selection stands: its rules are locked from the first computation; its result is open to objections while
/// published and fixed once final.
public enum SelectionStatus: String, Sendable, Codable, CaseIterable {
    /// Rules set, nothing computed: the rules may still be changed.
    case draft
    /// Computed at least once; rules locked; the result may be recomputed and adjusted before publication.
    case computed
    /// 公示: the result is public in the subtree until the notice period ends; objections are taken.
    case published
    /// 定稿: the list is final and locked; winners carry the award on their record.
    case final

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .computed: "已计算"
        case .published: "公示中"
        case .final: "已定稿"
        }
    }
}
