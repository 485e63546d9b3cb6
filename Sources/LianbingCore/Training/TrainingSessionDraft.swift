import Foundation

/// What an organiser enters for a session (培训活动), before the store checks scope and invitees.
public struct TrainingSessionDraft: Sendable, Hashable, Codable {
    public var unitCode: String
    public var title: String
    public var kind: TrainingKind
    /// 业务培训: `nil` takes the kind's default.
    public var isBusiness: Bool?
    public var startsAt: Date
    public var endsAt: Date
    /// Credited hours (学时) for the whole session.
    public var hours: Double
    /// Knowledge points, from the bank's vocabulary.
    public var topics: [String]
    /// The audience: a subtree, optionally only some posts.
    public var audienceUnit: String
    public var audiencePosts: [String]
    public var capacity: Int?
    public var place: String
    /// Trainers: an expert of the pool by id, or a name.
    public var trainers: [TrainerRef]

    public init(
        unitCode: String, title: String, kind: TrainingKind, isBusiness: Bool? = nil, startsAt: Date, endsAt: Date, hours: Double,
        topics: [String] = [], audienceUnit: String? = nil, audiencePosts: [String] = [], capacity: Int? = nil, place: String = "",
        trainers: [TrainerRef] = []
    ) {
        self.unitCode = unitCode
        self.title = title
        self.kind = kind
        self.isBusiness = isBusiness
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.hours = hours
        self.topics = topics
        self.audienceUnit = audienceUnit ?? unitCode
        self.audiencePosts = audiencePosts
        self.capacity = capacity
        self.place = place
        self.trainers = trainers
    }

    /// Sessions last at most this many days; attendance is kept per day.
    public static let maximumDays = 31
    public static let hoursRange = 0.0...500.0
    public static let capacityRange = 1...100_000
    /// Topics a session may name.
    public static let maximumTopics = 20

    /// Everything a session says about itself, checked before it is stored; scope and names are the store's.
    public func validated() throws -> TrainingSessionDraft {
        var copy = self
        copy.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        copy.place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !copy.title.isEmpty, copy.title.count <= 100 else { throw LianbingError.invalid("培训名称不能为空，且不超过 100 个字") }
        guard copy.place.count <= 100 else { throw LianbingError.invalid("培训地点不超过 100 个字") }
        guard InputBounds.dates.contains(startsAt), InputBounds.dates.contains(endsAt) else {
            throw LianbingError.invalid("培训时间须在 2000-01-01 到 2099-12-31 之间")
        }
        guard endsAt > startsAt else { throw LianbingError.invalid("结束时间须晚于开始时间") }
        guard endsAt.timeIntervalSince(startsAt) <= Double(Self.maximumDays) * 86_400 else { throw LianbingError.invalid("一次培训最长 \(Self.maximumDays) 天") }
        guard hours.isFinite, Self.hoursRange.contains(hours) else { throw LianbingError.invalid("学时须为 0 到 500 之间的数") }
        if let capacity { try InputBounds.check(capacity, in: Self.capacityRange, "容量", unit: "人") }
        copy.topics = Self.cleaned(topics)
        copy.audiencePosts = Self.cleaned(audiencePosts)
        guard copy.topics.count <= Self.maximumTopics, copy.topics.allSatisfy({ $0.count <= 64 && !$0.contains("|") }) else {
            throw LianbingError.invalid("培训专题最多 20 个，每个不超过 64 个字")
        }
        guard copy.trainers.count <= 20 else { throw LianbingError.invalid("授课人最多 20 位") }
        for trainer in copy.trainers {
            if case .name(let name) = trainer, name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 32 {
                throw LianbingError.invalid("授课人姓名不能为空，且不超过 32 个字")
            }
        }
        return copy
    }

    /// The business flag in force: the session's own, or its kind's default.
    public var countsAsBusiness: Bool { isBusiness ?? kind.isBusinessTraining }

    /// The China dates the session runs on; attendance is kept for each.
    public var days: [CivilDate] { Self.days(from: startsAt, to: endsAt) }

    public static func days(from start: Date, to end: Date) -> [CivilDate] {
        let first = ChinaTime.civilDate(of: start)
        // A session ending at midnight does not run on the next day.
        let last = ChinaTime.civilDate(of: end.addingTimeInterval(-1))
        let count = last - first
        guard count >= 0, count < 400 else { return [first] }
        return (0...count).compactMap { first.adding(days: $0) }
    }

    static func cleaned(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// A trainer of a session: an expert of the pool, or someone named in free text.
public enum TrainerRef: Sendable, Hashable, Codable {
    case expert(Int64)
    case name(String)
}
