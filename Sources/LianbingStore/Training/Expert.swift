import Foundation
import LianbingCore

/// An expert of a pool (专家库) as lists, pages and the API show them.
public struct Expert: Sendable, Codable, Equatable {
    public var id: Int64
    /// The pool: a province, city or county unit.
    public var unitCode: String
    public var unitName: String
    public var unitLevel: UnitLevel
    public var name: String
    public var category: ExpertCategory
    /// Knowledge points they can teach.
    public var specialties: [String]
    /// 工作单位及职务.
    public var affiliation: String
    /// The member of staff they are, when they are one.
    public var staffNumber: String?
    /// That member of staff's login, when one exists (trainer or otherwise).
    public var accountId: Int64?
    public var createdAt: Date
    /// `true` for the pools of the caller's own subtree, which administrators may change; `false` for an ancestor's
    /// pool, offered to the caller read-only.
    public var isOwnPool: Bool

    /// The expert as an import row would give them.
    public var draft: ExpertDraft {
        ExpertDraft(unitCode: unitCode, name: name, category: category, specialties: specialties, affiliation: affiliation, staffNumber: staffNumber)
    }
}

/// An expert proposed for a session's topics.
public struct ExpertMatch: Sendable, Codable, Equatable {
    public var expert: Expert
    /// The session's topics the expert covers: a specialty equal to the topic, under it, or above it.
    public var coveredTopics: [String]
}

/// What an expert taught: held or closed sessions they are a trainer of.
public struct ExpertActivity: Sendable, Codable, Equatable {
    public var expert: Expert
    public var sessions: Int
    /// The credited hours (学时) of those sessions.
    public var hours: Double
    /// The China start date of the latest of them.
    public var lastTaught: CivilDate?
}

/// Sessions taught and hours per expert (`expertActivity`), with the table drawn from it.
public struct ExpertActivityReport: Sendable, Codable, Equatable {
    public var from: CivilDate?
    public var to: CivilDate?
    /// Most sessions first, then most hours, then pool and name.
    public var rows: [ExpertActivity]
    /// 专家库, 姓名, 类别, 专长, 授课场次, 授课学时, 最近授课.
    public var table: ReportTable
}

/// What an expert import did.
public struct ExpertImportSummary: Sendable, Codable, Equatable {
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
}
