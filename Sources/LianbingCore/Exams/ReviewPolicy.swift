import Foundation

/// What a candidate sees of a centralised assessment after submitting, and from when.
public struct ReviewPolicy: Sendable, Codable, Hashable {
    public enum Content: String, Sendable, Codable, CaseIterable, Comparable {
        /// 仅显示成绩
        case score
        /// 成绩和本人作答
        case answers
        /// 成绩、作答、标准答案和解析
        case keys

        public static func < (lhs: Content, rhs: Content) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        public var label: String {
            switch self {
            case .score: "仅成绩"
            case .answers: "成绩和本人作答"
            case .keys: "成绩、作答、答案和解析"
            }
        }
    }

    public enum Timing: String, Sendable, Codable, CaseIterable {
        /// 交卷后立即
        case immediately
        /// 成绩发布后
        case afterRelease = "after-release"
        /// 考试窗口关闭后
        case afterClose = "after-close"

        public var label: String {
            switch self {
            case .immediately: "交卷后立即"
            case .afterRelease: "成绩发布后"
            case .afterClose: "考试结束后"
            }
        }
    }

    public var content: Content
    public var timing: Timing

    public init(content: Content, timing: Timing) {
        self.content = content
        self.timing = timing
    }

    /// What may be shown to a candidate now; `nil` for nothing yet. Nothing is ever shown before submission, and
    /// scores never before marking is complete and results are released unless the policy is `immediately` and
    /// the attempt was fully machine-marked.
    ///
    /// `lastWindowEnded`: every candidate's window has ended, personal extensions and reopenings included. Keys and
    /// explanations wait for it whatever the timing, because anyone still writing could be told them.
    public func visible(submitted: Bool, lastWindowEnded: Bool, released: Bool) -> Content? {
        guard submitted else { return nil }
        let shown: Content? =
            switch timing {
            case .immediately: content
            case .afterRelease: released ? content : nil
            case .afterClose: lastWindowEnded ? content : nil
            }
        return shown == .keys && !lastWindowEnded ? .answers : shown
    }
}
