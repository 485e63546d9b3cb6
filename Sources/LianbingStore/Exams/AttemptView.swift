import Foundation
import LianbingCore

/// An attempt as its candidate sees it. Keys and explanations appear only where the review policy (centralised
/// assessments) or an answered question (self-tests) allows; everything else is stems and options.
public struct AttemptView: Sendable, Codable, Equatable {
    public var id: Int64
    public var examId: Int64?
    public var title: String
    public var purpose: PaperPurpose
    public var state: AttemptState
    public var startedAt: Date
    /// `nil` for self-tests, which have no time limit.
    public var deadline: Date?
    /// The server's clock when this view was made: pages count down from `deadline − serverTime`, not the device.
    public var serverTime: Date
    public var submittedAt: Date?
    /// Shown only when the review policy allows it (always for self-tests).
    public var score: Double?
    public var maxScore: Double
    public var outcome: CandidateOutcome?
    /// What the candidate may see of a submitted assessment now; `nil` for nothing yet.
    public var review: ReviewPolicy.Content?
    public var items: [AttemptItem]
}

public struct AttemptItem: Sendable, Codable, Equatable {
    public var position: Int
    public var kind: QuestionKind
    public var points: Double
    public var stem: String
    /// In the order shown to this candidate.
    public var options: [String]
    /// Number of blanks of a fill-in question.
    public var blanks: Int
    /// The saved answer, choices in shown positions.
    public var response: Response?
    public var score: Double?
    public var feedback: Feedback?
}

/// What is revealed of one question: for self-tests right after it is answered; for assessments when the review
/// policy shows keys.
public struct Feedback: Sendable, Codable, Equatable {
    /// `nil` for a short answer, which the candidate compares with the reference themselves.
    public var correct: Bool?
    public var score: Double?
    /// The key as shown to this candidate: letters in shown order, 正确/错误, blanks, or the reference answer.
    public var key: String
    /// 评分要点 of a short answer.
    public var scoringPoints: [String]
    public var explanation: String
}

/// One entry of "my exams".
public struct MyExam: Sendable, Codable, Equatable {
    public enum Standing: String, Sendable, Codable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case finished
        case excused
        case absent

        public var label: String {
            switch self {
            case .notStarted: "未开始作答"
            case .inProgress: "作答中"
            case .finished: "已交卷"
            case .excused: "免考"
            case .absent: "缺考"
            }
        }
    }

    public var examId: Int64
    public var title: String
    public var opensAt: Date
    /// This candidate's close: a late window replaces the exam's.
    public var closesAt: Date
    public var duration: TimeInterval
    public var phase: ExamPhase
    public var standing: Standing
    public var attemptId: Int64?
    public var deadline: Date?
    /// Questions on the caller's paper (the blueprint's count before it is drawn), told with the points before starting.
    public var questionCount: Int
    public var maxScore: Double
    /// Shown once the review policy allows.
    public var score: Double?
    public var outcome: CandidateOutcome?
    /// A score review may be requested now.
    public var canRequestReview: Bool
    /// 考生须知 from the exam's trainer; empty for none.
    public var instructions: String
}

/// What a save acknowledges: the answer is committed.
public struct SavedAnswer: Sendable, Codable, Equatable {
    public var attemptId: Int64
    public var position: Int
    public var savedAt: Date
    public var deadline: Date?
}
