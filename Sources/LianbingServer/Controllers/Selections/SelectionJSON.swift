import Foundation
import LianbingCore
import LianbingStore

/// A selection in the API: the store's `Selection` with the labels a client would otherwise have to know. `outcome`
/// (every candidate's line) and `adjustments` are there only for an administrator who manages it; a read-only reader
/// gets the list (`nominees`) and their own objections.
struct SelectionJSON: Codable, Sendable {
    var id: Int64
    var unitCode: String
    var unitName: String
    var unitLevel: UnitLevel
    var title: String
    var rules: SelectionRules
    var status: SelectionStatus
    var statusLabel: String
    var createdBy: String
    var createdAt: Date
    var computedAt: Date?
    var publishedAt: Date?
    var noticeEndsOn: CivilDate?
    var finalisedAt: Date?
    var outcome: SelectionOutcome?
    var adjustments: [Selection.Adjustment]
    var objections: [Selection.Objection]
    var openObjections: Int
    var nominees: [Selection.Nominee]
    var manageable: Bool

    init(_ selection: Selection) {
        id = selection.id
        unitCode = selection.unitCode
        unitName = selection.unitName
        unitLevel = selection.unitLevel
        title = selection.title
        rules = selection.rules
        status = selection.status
        statusLabel = selection.status.label
        createdBy = selection.createdBy
        createdAt = selection.createdAt
        computedAt = selection.computedAt
        publishedAt = selection.publishedAt
        noticeEndsOn = selection.noticeEndsOn
        finalisedAt = selection.finalisedAt
        outcome = selection.outcome
        adjustments = selection.adjustments
        objections = selection.objections
        openObjections = selection.openObjections
        nominees = selection.nominees
        manageable = selection.manageable
    }
}

/// A selection as listed.
struct SelectionSummaryJSON: Codable, Sendable {
    var id: Int64
    var title: String
    var award: String
    var unitCode: String
    var unitName: String
    var status: SelectionStatus
    var statusLabel: String
    var noticeEndsOn: CivilDate?
    var manageable: Bool

    init(_ summary: SelectionSummary) {
        id = summary.id
        title = summary.title
        award = summary.award
        unitCode = summary.unitCode
        unitName = summary.unitName
        status = summary.status
        statusLabel = summary.status.label
        noticeEndsOn = summary.noticeEndsOn
        manageable = summary.manageable
    }
}

// MARK: - Request bodies

/// A new selection: the unit holding it, its name and its rules (`SelectionRules` as encoded: dates `YYYY-MM-DD`,
/// levels 1–5, criteria and methods by their raw names).
struct SelectionCreateRequest: Decodable {
    var unitCode: String
    var title: String
    var rules: SelectionRules
}

/// New rules for a draft.
struct SelectionRulesRequest: Decodable {
    var title: String
    var rules: SelectionRules
}

struct SelectionAdjustmentRequest: Decodable {
    var staffNumber: String
    var action: Selection.Adjustment.Action
    var reason: String
}

struct SelectionPublishRequest: Decodable {
    /// Working days of the notice; absent: `NoticePeriod.defaultWorkingDays`.
    var workingDays: Int?
}

struct SelectionObjectionRequest: Decodable {
    /// The nominee objected to; absent for the list as a whole.
    var staffNumber: String?
    var text: String
}

struct SelectionAnswerRequest: Decodable {
    var answer: String
}
