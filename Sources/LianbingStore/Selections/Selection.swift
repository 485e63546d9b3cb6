import Foundation
import LianbingCore

/// An excellence selection (遴选) as its pages, the API and `lianbing select show` present it.
public struct Selection: Sendable, Codable, Equatable {
    public struct Adjustment: Sendable, Codable, Equatable {
        public enum Action: String, Sendable, Codable { case add, remove }
        public var staffNumber: String
        public var name: String
        public var action: Action
        public var reason: String
        public var actor: String
        public var at: Date
    }

    public struct Objection: Sendable, Codable, Equatable {
        public var id: Int64
        /// The nominee objected to, nil for the list as a whole.
        public var staffNumber: String?
        public var text: String
        public var author: String
        public var at: Date
        public var answer: String?
        public var answeredBy: String?
        public var answeredAt: Date?
    }

    /// One place on the final (or, before finalising, the proposed) list.
    public struct Nominee: Sendable, Codable, Equatable {
        public var number: String
        public var name: String
        public var unitName: String
        public var composite: Double?
        public var rank: Int?
        /// Put on the list by an administrator rather than by rank (the reason is among the adjustments).
        public var added: Bool
    }

    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var unitLevel: UnitLevel
    public var title: String
    public var rules: SelectionRules
    public var status: SelectionStatus
    public var createdBy: String
    public var createdAt: Date
    public var computedAt: Date?
    public var publishedAt: Date?
    public var noticeEndsOn: CivilDate?
    public var finalisedAt: Date?
    /// Nil before the first computation, and for those who may only read the published list (they see `nominees`).
    public var outcome: SelectionOutcome?
    public var adjustments: [Adjustment]
    public var objections: [Objection]
    /// The list: the computed places with the administrators' changes applied, in rank order (additions last).
    public var nominees: [Nominee]
    /// Whether the reader may change it (an administrator over its unit); false for a read-only view.
    public var manageable: Bool

    /// Objections still waiting for an answer: the list cannot be finalised while any is.
    public var openObjections: Int { objections.filter { $0.answer == nil }.count }

    /// The places computed, with additions and removals applied.
    static func nominees(_ outcome: SelectionOutcome?, adjustments: [Adjustment]) -> [Nominee] {
        guard let outcome else { return [] }
        var removed = Set<String>()
        var added: [String] = []
        for adjustment in adjustments {
            switch adjustment.action {
            case .add:
                removed.remove(adjustment.staffNumber)
                if !added.contains(adjustment.staffNumber) { added.append(adjustment.staffNumber) }
            case .remove:
                added.removeAll { $0 == adjustment.staffNumber }
                removed.insert(adjustment.staffNumber)
            }
        }
        let lines = Dictionary(outcome.lines.map { ($0.candidate.number, $0) }, uniquingKeysWith: { first, _ in first })
        func nominee(_ line: SelectionOutcome.Line, added: Bool) -> Nominee {
            Nominee(
                number: line.candidate.number, name: line.candidate.name, unitName: line.candidate.unitName, composite: line.composite,
                rank: line.rank, added: added)
        }
        let ranked = outcome.lines.filter { $0.selected && !removed.contains($0.candidate.number) }.map { nominee($0, added: false) }
        let extra = added.filter { number in !ranked.contains { $0.number == number } }.compactMap { lines[$0] }.map { nominee($0, added: true) }
        return ranked + extra
    }
}
