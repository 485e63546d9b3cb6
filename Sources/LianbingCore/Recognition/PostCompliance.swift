/// 持证上岗 per post (item 18): a post that may be held only with a certificate, which qualifications satisfy it
/// (internal certificates or national qualifications) and how long someone new to the post has to obtain one.
public struct PostRequirement: Sendable, Codable, Equatable {
    public var post: String
    /// Any one of these, held and valid, satisfies the post.
    public var qualificationIds: [Int64]
    /// Days from taking up the post during which the holder may still lack a certificate.
    public var graceDays: Int

    public init(post: String, qualificationIds: [Int64], graceDays: Int) {
        self.post = post
        self.qualificationIds = qualificationIds
        self.graceDays = graceDays
    }

    /// The grace period a requirement may set: none to ten years.
    public static let graceDayRange = 0...3_650
    /// Qualifications one requirement may name.
    public static let qualificationCount = 1...20
}

/// The holder of a post that requires a certificate, as compliance sees them.
public struct PostHolder: Sendable, Hashable {
    /// When they took up their present post; `nil` when it has not changed since they were hired.
    public var postSince: CivilDate?
    public var hireDate: CivilDate?

    public init(postSince: CivilDate? = nil, hireDate: CivilDate? = nil) {
        self.postSince = postSince
        self.hireDate = hireDate
    }

    /// When their grace period starts: taking up the post, else the hire date; `nil` when neither is known (long
    /// enough ago that no grace is left).
    public var start: CivilDate? { postSince ?? hireDate }
}

/// Where the holder of a post that requires a certificate stands on a day.
public enum PostComplianceStanding: Sendable, Hashable {
    /// Holds a valid certificate of a qualification the post accepts.
    case certified
    /// Without one, but new to the post: the grace period runs through `until` inclusive.
    case inGrace(until: CivilDate)
    /// Without one past the grace period, since `since` (its first day past grace); `nil` when the start of the post
    /// is unknown.
    case lacking(since: CivilDate?)

    /// 已持证 / 宽限期内 / 逾期未取得.
    public var label: String {
        switch self {
        case .certified: "已持证"
        case .inGrace: "宽限期内"
        case .lacking: "逾期未取得"
        }
    }
}

/// How the holders of required posts in a unit stand.
public struct PostComplianceCounts: Sendable, Codable, Equatable {
    /// Holders of posts that require a certificate.
    public var holders: Int
    public var certified: Int
    public var inGrace: Int
    public var lacking: Int

    /// certified / holders (those in grace count as not yet certified); `nil` when nobody holds such a post.
    public private(set) var share: Double?

    public init(holders: Int = 0, certified: Int = 0, inGrace: Int = 0, lacking: Int = 0) {
        self.holders = holders
        self.certified = certified
        self.inGrace = inGrace
        self.lacking = lacking
        share = holders > 0 ? Double(certified) / Double(holders) : nil
    }

    public mutating func count(_ standing: PostComplianceStanding) {
        holders += 1
        switch standing {
        case .certified: certified += 1
        case .inGrace: inGrace += 1
        case .lacking: lacking += 1
        }
        share = Double(certified) / Double(holders)
    }
}

public enum PostCompliance {
    /// Where `holder` of a post with `requirement` stands on `today`, holding (valid, today) the qualifications
    /// `held`. Grace runs from the start of the post for `graceDays` days: with 30 days from 1 March, through 30 March;
    /// lacking from 31 March. With no grace days the holder lacks a certificate from the day they take up the post.
    public static func standing(
        of holder: PostHolder, requirement: PostRequirement, on today: CivilDate, held: Set<Int64>
    ) -> PostComplianceStanding {
        standing(of: holder, accepted: requirement.qualificationIds, graceDays: requirement.graceDays, on: today, held: held)
    }

    public static func standing(
        of holder: PostHolder, accepted: [Int64], graceDays: Int, on today: CivilDate, held: Set<Int64>
    ) -> PostComplianceStanding {
        if accepted.contains(where: held.contains) { return .certified }
        guard let start = holder.start, let due = start.adding(days: max(0, graceDays)) else { return .lacking(since: nil) }
        if today < due, let until = due.adding(days: -1) { return .inGrace(until: until) }
        return .lacking(since: due)
    }

    /// The counts of a unit from its holders' standings.
    public static func counts(_ standings: some Sequence<PostComplianceStanding>) -> PostComplianceCounts {
        var counts = PostComplianceCounts()
        for standing in standings { counts.count(standing) }
        return counts
    }

    /// Qualification ids as the store keeps them: `|1|2|`.
    public static func bars(_ ids: [Int64]) -> String { ids.isEmpty ? "" : "|" + ids.map(String.init).joined(separator: "|") + "|" }

    public static func unbars(_ text: String) -> [Int64] { text.split(separator: "|").compactMap { Int64($0) } }
}
