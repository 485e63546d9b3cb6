import Foundation
import GRDB
import LianbingCore

struct TrainingSessionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "trainingSession"
    var id: Int64?
    var unitCode: String
    var title: String
    var kind: String
    var isBusiness: Bool
    var startsAt: Date
    var endsAt: Date
    var startDate: String
    var hours: Double
    /// `|a|b|`, as a question's knowledge points.
    var topics: String
    var audienceUnit: String
    var audiencePosts: String
    var capacity: Int?
    var place: String
    var status: String
    var signInSecret: Data
    var createdBy: String
    var createdAt: Date
    var publishedAt: Date?
    var closedAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ draft: TrainingSessionDraft, createdBy: String, at now: Date) {
        id = nil
        unitCode = draft.unitCode
        title = ""
        kind = ""
        isBusiness = false
        startsAt = now
        endsAt = now
        startDate = ""
        hours = 0
        topics = ""
        audienceUnit = ""
        audiencePosts = ""
        place = ""
        status = TrainingSessionStatus.draft.rawValue
        signInSecret = Self.newSecret()
        self.createdBy = createdBy
        createdAt = now
        apply(draft)
    }

    /// Sets what an organiser may edit, keeping identity, organiser, status and the sign-in key.
    mutating func apply(_ draft: TrainingSessionDraft) {
        title = draft.title
        kind = draft.kind.rawValue
        isBusiness = draft.countsAsBusiness
        startsAt = draft.startsAt
        endsAt = draft.endsAt
        startDate = ChinaTime.civilDate(of: draft.startsAt).description
        hours = draft.hours
        topics = Self.bars(draft.topics)
        audienceUnit = draft.audienceUnit
        audiencePosts = Self.bars(draft.audiencePosts)
        capacity = draft.capacity
        place = draft.place
    }

    var trainingKind: TrainingKind { TrainingKind(rawValue: kind) ?? .other }
    var sessionStatus: TrainingSessionStatus { TrainingSessionStatus(rawValue: status) ?? .draft }
    var topicList: [String] { Self.unbars(topics) }
    var postList: [String] { Self.unbars(audiencePosts) }
    var days: [CivilDate] { TrainingSessionDraft.days(from: startsAt, to: endsAt) }

    static func bars(_ items: [String]) -> String { items.isEmpty ? "" : "|" + items.joined(separator: "|") + "|" }
    static func unbars(_ text: String) -> [String] { text.split(separator: "|").map(String.init) }

    static func newSecret() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
