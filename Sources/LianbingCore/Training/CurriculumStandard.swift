import Foundation

/// One version of a curriculum standard (统一培训内容与标准): what every person of a post at a level must complete per
/// coverage cycle — credited hours (学时) and topics (knowledge points from the bank's vocabulary).
///
/// Standards are versioned, never edited: a change is a new version with the date it takes effect. Which version
/// judges a cycle is `Curriculum.standardInForce`.
public struct CurriculumStandard: Sendable, Hashable, Codable {
    public var post: String
    public var level: UnitLevel
    /// 1, 2, 3 … per (post, level), in the order the versions were set.
    public var version: Int
    /// Hours to complete in a cycle.
    public var hours: Double
    /// Topics to complete in a cycle; each is met by a session on it or on anything under it.
    public var topics: [String]
    /// The China date from which this version is in force.
    public var effectiveFrom: CivilDate

    public init(post: String, level: UnitLevel, version: Int, hours: Double, topics: [String], effectiveFrom: CivilDate) {
        self.post = post
        self.level = level
        self.version = version
        self.hours = hours
        self.topics = topics
        self.effectiveFrom = effectiveFrom
    }

    public static let hoursRange = 0.0...500.0
    public static let maximumTopics = 20
    public static let maximumTopicLength = 64

    /// A version with neither hours nor topics withdraws the standard from its date: nothing is required any more,
    /// and the people of that post and level count as having no standard.
    public var isWithdrawal: Bool { hours == 0 && topics.isEmpty }

    /// `hours` and `topics` checked and cleaned (trimmed, blanks and repeats dropped, order kept), as every door
    /// (command line, form, API) must give them before a version is stored.
    public static func validated(hours: Double, topics: [String]) throws -> (hours: Double, topics: [String]) {
        guard hours.isFinite, hoursRange.contains(hours) else { throw LianbingError.invalid("学时须为 0 到 500 之间的数") }
        var seen = Set<String>()
        let topics = topics.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard topics.count <= maximumTopics else { throw LianbingError.invalid("培训专题最多 \(maximumTopics) 个，收到 \(topics.count) 个") }
        if let bad = topics.first(where: { $0.count > maximumTopicLength || $0.contains("|") }) {
            throw LianbingError.invalid("培训专题“\(bad.prefix(20))”无效：每个不超过 \(maximumTopicLength) 个字，且不含“|”")
        }
        return (hours, topics)
    }
}

/// How far a person is from their standard in a cycle.
public struct CurriculumGap: Sendable, Hashable, Codable {
    /// Hours still to complete; 0 once the standard's hours are reached.
    public var missingHours: Double
    /// The standard's topics not yet met, in the standard's order.
    public var missingTopics: [String]

    public init(missingHours: Double, missingTopics: [String]) {
        self.missingHours = missingHours
        self.missingTopics = missingTopics
    }

    public var isMet: Bool { missingHours == 0 && missingTopics.isEmpty }
}

/// The rules of curriculum standards (item 5 of the training issue), as pure functions.
public enum Curriculum {
    /// The version that judges `cycle` among `versions`, the versions of one post and level.
    ///
    /// The rule: a version is in force from its `effectiveFrom` until the next version takes effect (on the same
    /// day, the higher version number wins: a correction made that day). A cycle is judged by the version in force
    /// on its **last day** — the standard as it stands when the cycle's results become final — so a version set
    /// during a cycle applies to the whole of that cycle, and one taking effect in a later cycle (after this cycle's
    /// last day) never changes this cycle's results. A withdrawal in force then (`isWithdrawal`) means no standard.
    /// The store refuses versions dated into a cycle that has already ended, so a closed cycle's results stay.
    public static func standardInForce(_ versions: [CurriculumStandard], cycle: TrainingCycle) -> CurriculumStandard? {
        standardInForce(versions, on: cycle.lastDay)
    }

    /// The version in force on `date`: the latest `effectiveFrom` on or before it, then the highest version number.
    public static func standardInForce(_ versions: [CurriculumStandard], on date: CivilDate) -> CurriculumStandard? {
        let latest = versions.filter { $0.effectiveFrom <= date }.max { ($0.effectiveFrom, $0.version) < ($1.effectiveFrom, $1.version) }
        guard let latest, !latest.isWithdrawal else { return nil }
        return latest
    }

    /// What `standard` still asks of someone who attended `attendedHours` and sessions on `attendedTopics` in the
    /// cycle. A required topic is met by a session topic equal to it or under it (`权益维护` is met by `权益维护` and
    /// by `权益维护/优待证`), not by a broader one (`权益维护/优待证` is not met by `权益维护`). Hours within a
    /// hundredth of the requirement count as reached, so sums such as 0.1 + 0.2 do not leave a phantom gap.
    public static func gap(_ standard: CurriculumStandard, attendedHours: Double, attendedTopics: some Sequence<String>) -> CurriculumGap {
        CurriculumGap(
            missingHours: missingHours(standard, attendedHours: attendedHours), missingTopics: missingTopics(standard, attendedTopics: attendedTopics))
    }

    /// The hours part of `gap`: what is left of the standard's hours, 0 within a hundredth.
    public static func missingHours(_ standard: CurriculumStandard, attendedHours: Double) -> Double {
        let missing = standard.hours - (attendedHours.isFinite ? attendedHours : 0)
        return missing < 0.005 ? 0 : missing
    }

    /// The topics part of `gap`: the standard's topics that no attended topic equals or lies under, in order.
    public static func missingTopics(_ standard: CurriculumStandard, attendedTopics: some Sequence<String>) -> [String] {
        let attended = Array(attendedTopics)
        return standard.topics.filter { required in !attended.contains { $0.isKnowledgePoint(under: required) } }
    }

    /// `|a|b||b|c|` (session topics as the store keeps them, concatenated) as the set of topics.
    public static func topics(inBars text: String?) -> Set<String> {
        guard let text else { return [] }
        return Set(text.split(separator: "|").map(String.init))
    }
}
