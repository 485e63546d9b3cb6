/// Draft → published → held → closed. Once closed, attendance changes only by amendments that give a reason.
public enum TrainingSessionStatus: String, Sendable, Codable, CaseIterable {
    case draft, published, held, closed

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .published: "已发布"
        case .held: "已举办"
        case .closed: "已结束"
        }
    }
}
