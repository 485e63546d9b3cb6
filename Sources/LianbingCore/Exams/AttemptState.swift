import Foundation

/// not started → in progress → submitted; or auto-submitted at the deadline; or abandoned by policy.
public enum AttemptState: String, Sendable, Codable, CaseIterable {
    case inProgress = "in-progress"
    case submitted
    /// The deadline passed before the candidate submitted; the server submitted what was saved.
    case autoSubmitted = "auto-submitted"
    /// Ended without a mark by policy (a self-test left untouched, an attempt an administrator reopened).
    case abandoned

    public var isFinished: Bool { self != .inProgress }

    public var label: String {
        switch self {
        case .inProgress: "作答中"
        case .submitted: "已交卷"
        case .autoSubmitted: "到时自动交卷"
        case .abandoned: "已作废"
        }
    }
}

/// A candidate's standing in a centralised assessment, as results show it, in the order they list.
public enum CandidateOutcome: String, Sendable, Codable, CaseIterable {
    case passed
    case failed
    /// Submitted, waiting for short answers to be marked.
    case pending
    /// Answering now.
    case inProgress = "in-progress"
    /// Time ran out on an attempt not submitted; the server is about to submit what was saved.
    case unsubmitted
    /// Not started, and their window is still open.
    case notStarted = "not-started"
    /// 缺考: never started by the window's close.
    case absent
    /// 免考, with a reason.
    case excused

    public var label: String {
        switch self {
        case .passed: "合格"
        case .failed: "不合格"
        case .pending: "待阅卷"
        case .inProgress: "作答中"
        case .unsubmitted: "未交卷"
        case .notStarted: "未开始"
        case .absent: "缺考"
        case .excused: "免考"
        }
    }

    /// Where a candidate stands from their attempt, if any: `deadline` is the attempt's, `closes` their window's.
    /// A finished attempt without a total still has short answers to mark.
    public static func of(
        excused: Bool, state: AttemptState?, score: Double?, deadline: Date?, closes: Date, passMark: Double, now: Date
    ) -> CandidateOutcome {
        if excused { return .excused }
        guard let state else { return now >= closes ? .absent : .notStarted }
        guard state.isFinished else { return deadline.map { now >= $0 } ?? false ? .unsubmitted : .inProgress }
        return score.map { AttemptScore.outcome(score: $0, passMark: passMark) } ?? .pending
    }
}

/// The server owns the clock: an attempt ends at min(start + duration + extra time, window close), where an
/// individual late window replaces the exam's close.
public enum Deadline {
    public static func of(start: Date, duration: TimeInterval, extra: TimeInterval, windowCloses: Date) -> Date {
        min(start.addingTimeInterval(duration + extra), windowCloses)
    }
}
