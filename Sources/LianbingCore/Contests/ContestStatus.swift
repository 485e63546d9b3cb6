/// Where a contest is: teams and rounds are set while preparing; question lists are fixed once it runs; a finished
/// contest's board is its result.
public enum ContestStatus: String, Sendable, Codable, CaseIterable {
    case preparing, running, finished

    public var label: String {
        switch self {
        case .preparing: "筹备中"
        case .running: "进行中"
        case .finished: "已结束"
        }
    }
}
