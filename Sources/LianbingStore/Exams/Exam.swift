import Foundation
import LianbingCore

/// What an administrator or trainer fills in to create a centralised assessment (集中考核).
public struct ExamDraft: Sendable {
    public var title: String
    public var blueprint: Blueprint
    /// The blueprint file as written, kept with the exam.
    public var blueprintText: String
    /// Candidates: active staff of this unit's subtree…
    public var unitCode: String
    /// …holding one of these posts (all posts when empty).
    public var posts: [String]
    public var opensAt: Date
    public var closesAt: Date
    /// Checked against `InputBounds.minutes` by the store, whatever door it came through.
    public var durationMinutes: Int
    public var passMark: Double
    public var certifies: Bool
    /// The internal qualification passing certifies (`lianbing cert qualifications`); the default one when nil.
    public var qualificationId: Int64?
    public var review: ReviewPolicy
    public var multipleChoice: MultipleChoicePolicy
    /// Days after release during which a candidate may ask for a score review (成绩复核).
    public var reviewRequestDays: Int
    /// Fixed for reproducible papers; drawn from the system generator when `nil`.
    public var seed: UInt64?
    /// 考生须知: what candidates read before they start; empty for nothing.
    public var instructions: String

    public init(
        title: String, blueprint: Blueprint, blueprintText: String, unitCode: String, posts: [String] = [], opensAt: Date,
        closesAt: Date, durationMinutes: Int, passMark: Double, certifies: Bool = false,
        review: ReviewPolicy = ReviewPolicy(content: .score, timing: .afterRelease),
        multipleChoice: MultipleChoicePolicy = .allOrNothing, reviewRequestDays: Int = 7, seed: UInt64? = nil, qualificationId: Int64? = nil,
        instructions: String = ""
    ) {
        self.qualificationId = qualificationId
        self.instructions = instructions
        self.title = title
        self.blueprint = blueprint
        self.blueprintText = blueprintText
        self.unitCode = unitCode
        self.posts = posts
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.durationMinutes = durationMinutes
        self.passMark = passMark
        self.certifies = certifies
        self.review = review
        self.multipleChoice = multipleChoice
        self.reviewRequestDays = reviewRequestDays
        self.seed = seed
    }
}

/// draft → published (candidates frozen, papers made) → released (results visible).
public enum ExamStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case published
    case released

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .published: "已发布"
        case .released: "成绩已发布"
        }
    }
}

/// Where an exam stands on the clock, for lists.
public enum ExamPhase: String, Sendable, Codable {
    case draft
    case upcoming
    case open
    case closed
    case released

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .upcoming: "未开始"
        case .open: "进行中"
        case .closed: "已结束"
        case .released: "成绩已发布"
        }
    }
}

public struct Exam: Sendable, Codable, Equatable {
    public var id: Int64
    public var title: String
    public var blueprint: Blueprint
    public var blueprintText: String
    public var blueprintVersion: String
    /// When the settings, blueprint included, were last saved (created or edited): the blueprint's version as
    /// people name it, with its title.
    public var blueprintSavedAt: Date
    public var bankRevision: Int?
    public var seed: UInt64
    public var unitCode: String
    public var unitName: String
    public var posts: [String]
    public var opensAt: Date
    public var closesAt: Date
    /// Set when an administrator ended the exam early: the close it had, where `closesAt` is when it was ended.
    public var plannedClosesAt: Date?
    public var duration: TimeInterval
    public var passMark: Double
    public var certifies: Bool
    /// What passing certifies, when `certifies`.
    public var qualificationId: Int64?
    public var review: ReviewPolicy
    public var multipleChoice: MultipleChoicePolicy
    public var reviewRequestDays: Int
    /// 考生须知, as the candidates see it before they start.
    public var instructions: String
    public var status: ExamStatus
    public var phase: ExamPhase
    public var createdBy: String
    public var createdAt: Date
    public var publishedAt: Date?
    public var releasedAt: Date?
    public var candidateCount: Int
    /// Questions on the papers whose keys earlier exams had shown their candidates, counted at publication.
    public var revealedOnPapers: Int?
    /// Questions left out at publication because their keys had been shown (`排除已公开答案的试题: 是`).
    public var withheldCount: Int
    /// Candidates may see the keys now: opening a window again needs the administrator's confirmation.
    public var keysShown: Bool
}

/// Network facts recorded with each start and resume of an attempt.
public struct ClientInfo: Sendable, Equatable {
    public var address: String?
    public var userAgent: String?

    public init(address: String?, userAgent: String?) {
        self.address = address
        self.userAgent = userAgent
    }

    public static let commandLine = ClientInfo(address: nil, userAgent: "lianbing CLI")
}
