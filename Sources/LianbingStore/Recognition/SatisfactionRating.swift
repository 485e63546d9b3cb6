import Foundation
import LianbingCore

/// A unit's public rating address, as its administrators see it.
public struct RatingStation: Sendable, Codable, Equatable {
    public var unitCode: String
    public var unitName: String
    /// The unguessable part of `/rate/<token>`.
    public var token: String
    /// The counter tablet's key (`/rate/<token>/counter?key=…`): derived from the token, so replacing the token
    /// retires it too.
    public var counterKey: String
    public var createdAt: Date
    /// Active staff of the unit, each with whether they are listed on the public form.
    public var staff: [RatingStaffListing]
}

public struct RatingStaffListing: Sendable, Codable, Equatable {
    public var staffNumber: String
    public var name: String
    public var post: String
    public var listed: Bool
}

/// What the public form shows of a unit: its name and the staff listed publicly, masked.
public struct PublicRatingStation: Sendable, Equatable {
    public var unitName: String
    public var staff: [PublicStaffChoice]
}

/// A listed member of staff on the public form: the masked name (张*明) and an opaque choice, never the staff number.
public struct PublicStaffChoice: Sendable, Equatable {
    public var choice: String
    public var maskedName: String
    public var post: String
}

/// One rating as administrators see it. A hidden comment is withheld (`comment` empty) and the reason shown.
public struct SatisfactionRating: Sendable, Codable, Equatable {
    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var attitude: Int
    public var efficiency: Int
    public var outcome: Int
    public var overall: Double
    public var comment: String
    public var source: RatingSource
    public var staffNumber: String?
    public var staffName: String?
    public var at: Date
    public var enteredBy: String?
    public var hidden: Bool
    public var hiddenReason: String?
    public var followUp: RatingFollowUp?
}

/// The follow-up (回访) a low rating opens.
public struct RatingFollowUp: Sendable, Codable, Equatable {
    public var ratingId: Int64
    public var unitCode: String
    public var openedAt: Date
    public var outcome: RatingFollowUpOutcome?
    public var note: String?
    public var closedAt: Date?
    public var closedBy: String?

    public var isOpen: Bool { closedAt == nil }
}

/// What came of a follow-up.
public enum RatingFollowUpOutcome: String, Sendable, Codable, CaseIterable {
    /// The problem was put right.
    case resolved
    /// Explained to the person; nothing to put right.
    case explained
    /// Could not be reached.
    case unreachable
    /// The complaint did not hold.
    case unfounded

    public var label: String {
        switch self {
        case .resolved: "问题已解决"
        case .explained: "已解释说明"
        case .unreachable: "无法联系"
        case .unfounded: "经核实不属实"
        }
    }
}

/// A filter for the list of ratings.
public struct RatingFilter: Sendable, Equatable {
    public var unit: String?
    /// Only ratings with an open follow-up.
    public var openFollowUps: Bool

    public init(unit: String? = nil, openFollowUps: Bool = false) {
        self.unit = unit
        self.openFollowUps = openFollowUps
    }
}
