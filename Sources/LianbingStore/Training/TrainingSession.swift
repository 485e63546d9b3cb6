import Foundation
import LianbingCore

/// A training session (培训活动) as pages, the API and the CLI show it.
public struct TrainingSession: Sendable, Codable, Equatable {
    public struct Trainer: Sendable, Codable, Equatable {
        public var name: String
        public var expertId: Int64?
    }

    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var title: String
    public var kind: TrainingKind
    public var isBusiness: Bool
    public var startsAt: Date
    public var endsAt: Date
    public var hours: Double
    public var topics: [String]
    public var audienceUnit: String
    public var audienceUnitName: String
    public var audiencePosts: [String]
    public var capacity: Int?
    public var place: String
    public var status: TrainingSessionStatus
    public var trainers: [Trainer]
    public var invited: Int
    /// People with at least one day attended.
    public var attended: Int
    public var createdBy: String
    public var publishedAt: Date?
    public var closedAt: Date?
    /// Whether the caller may change it: a session of an ancestor unit is shown read-only.
    public var isManaged: Bool

    public var days: [CivilDate] { TrainingSessionDraft.days(from: startsAt, to: endsAt) }

    /// The draft that would recreate it, for an edit form.
    public var draft: TrainingSessionDraft {
        TrainingSessionDraft(
            unitCode: unitCode, title: title, kind: kind, isBusiness: isBusiness, startsAt: startsAt, endsAt: endsAt, hours: hours,
            topics: topics, audienceUnit: audienceUnit, audiencePosts: audiencePosts, capacity: capacity, place: place,
            trainers: trainers.map { $0.expertId.map(TrainerRef.expert) ?? .name($0.name) })
    }
}
