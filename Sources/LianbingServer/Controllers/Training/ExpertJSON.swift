import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// JSON shapes of the expert pools (`/api/v1/experts…`) and the curriculum standards (`/api/v1/training/standards`)
/// (`openapi.json`, tag `training`). Levels as the units API gives them (`县`, `县（市、区）`), days `YYYY-MM-DD`.
struct ExpertJSON: Codable, Sendable {
    var id: Int64
    /// The pool: a province, city or county unit.
    var unitCode: String
    var unitName: String
    var unitLevel: String
    var name: String
    /// `university`, `industry` or `backbone`.
    var category: ExpertCategory
    /// 高校专家, 行业精英 or 业务骨干.
    var categoryLabel: String
    var specialties: [String]
    var affiliation: String
    var staffNumber: String?
    /// Whether that member of staff has a login.
    var hasAccount: Bool
    /// `false` for an ancestor unit's pool, offered read-only.
    var isOwnPool: Bool
    var createdAt: Date

    init(_ expert: Expert) {
        id = expert.id
        unitCode = expert.unitCode
        unitName = expert.unitName
        unitLevel = expert.unitLevel.label
        name = expert.name
        category = expert.category
        categoryLabel = expert.category.label
        specialties = expert.specialties
        affiliation = expert.affiliation
        staffNumber = expert.staffNumber
        hasAccount = expert.accountId != nil
        isOwnPool = expert.isOwnPool
        createdAt = expert.createdAt
    }
}

/// The body of `POST /api/v1/experts` and `PUT /api/v1/experts/{expert}`. Lengths, pools and staff numbers are the
/// store's to check.
struct ExpertRequest: Decodable, Sendable {
    var unitCode: String
    var name: String
    /// 高校专家, 行业精英, 业务骨干, or `university`, `industry`, `backbone`.
    var category: String
    var specialties: [String]?
    var affiliation: String?
    var staffNumber: String?

    func draft() throws -> ExpertDraft {
        guard let category = ExpertCategory(label: category) else {
            throw LianbingError.invalid("category 须为 高校专家、行业精英 或 业务骨干（或 university、industry、backbone）")
        }
        return ExpertDraft(
            unitCode: unitCode, name: name, category: category, specialties: specialties ?? [], affiliation: affiliation ?? "",
            staffNumber: staffNumber)
    }
}

/// One expert's teaching: held or closed sessions in which they are a trainer.
struct ExpertActivityJSON: Codable, Sendable {
    var expert: ExpertJSON
    var sessions: Int
    var hours: Double
    var lastTaught: CivilDate?

    init(_ activity: ExpertActivity) {
        expert = ExpertJSON(activity.expert)
        sessions = activity.sessions
        hours = activity.hours
        lastTaught = activity.lastTaught
    }
}

/// `GET /api/v1/experts/activity`.
struct ExpertActivityReportJSON: Codable, Sendable {
    var from: CivilDate?
    var to: CivilDate?
    /// Most sessions first, then most hours.
    var rows: [ExpertActivityJSON]

    init(_ report: ExpertActivityReport) {
        from = report.from
        to = report.to
        rows = report.rows.map(ExpertActivityJSON.init)
    }
}

/// An expert proposed for a session: the session's topics they cover.
struct ExpertMatchJSON: Codable, Sendable {
    var expert: ExpertJSON
    var coveredTopics: [String]

    init(_ match: ExpertMatch) {
        expert = ExpertJSON(match.expert)
        coveredTopics = match.coveredTopics
    }
}

struct CurriculumStandardJSON: Codable, Sendable {
    var post: String
    /// 省/市/县/镇/村
    var level: String
    var levelName: String
    var version: Int
    var hours: Double
    var topics: [String]
    var effectiveFrom: CivilDate
    /// No hours and no topics: the standard is withdrawn from `effectiveFrom`.
    var isWithdrawal: Bool

    init(_ standard: CurriculumStandard) {
        post = standard.post
        level = standard.level.label
        levelName = standard.level.displayName
        version = standard.version
        hours = standard.hours
        topics = standard.topics
        effectiveFrom = standard.effectiveFrom
        isWithdrawal = standard.isWithdrawal
    }
}

/// `GET /api/v1/training/standards`: every version, with where it stands for the current cycle.
struct CurriculumStandardListJSON: Codable, Sendable {
    struct Version: Codable, Sendable {
        var standard: CurriculumStandardJSON
        /// `current`, `scheduled` or `superseded`.
        var status: String
        var statusLabel: String
        var createdBy: String
        var createdAt: Date
    }

    var today: CivilDate
    var cycleStart: CivilDate
    var cycleLastDay: CivilDate
    var versions: [Version]
    /// The standards judging the current cycle (withdrawals left out).
    var current: [CurriculumStandardJSON]

    init(_ list: CurriculumStandardList) {
        today = list.today
        cycleStart = list.cycle.start
        cycleLastDay = list.cycle.lastDay
        versions = list.versions.map {
            Version(
                standard: CurriculumStandardJSON($0.standard), status: $0.status.rawValue, statusLabel: $0.status.label, createdBy: $0.createdBy,
                createdAt: $0.createdAt)
        }
        current = list.current.map(CurriculumStandardJSON.init)
    }
}

/// The body of `POST /api/v1/training/standards`: a new version for one post and level.
struct CurriculumStandardRequest: Decodable, Sendable {
    var post: String
    /// 省/市/县/镇/村 (or `province` … `village`).
    var level: String
    var hours: Double
    var topics: [String]?
    /// Absent: today (China time).
    var effectiveFrom: CivilDate?

    var unitLevel: UnitLevel {
        get throws {
            guard let level = UnitLevel(label: level) else { throw LianbingError.invalid("level 须为 省、市、县、镇 或 村") }
            return level
        }
    }
}
