import Foundation
import LianbingCore

/// A contest as its pages, the API and the CLI show it.
public struct Contest: Sendable, Hashable, Codable {
    public var id: Int64
    public var title: String
    public var unitCode: String
    public var unitName: String
    public var format: ContestFormat
    public var heldOn: CivilDate
    public var basePoints: Int
    public var tieBreakers: [TieBreaker]
    public var status: ContestStatus
    /// The projector link's token: given only to those who run the contest, nil for anyone else.
    public var boardToken: String?
    /// While the board is frozen, the last event the public board shows.
    public var publicThrough: Int?
    public var rounds: [ContestRoundPlan]
    public var teams: [ContestTeam]
    public var createdBy: String
    public var createdAt: Date

    /// What the board needs besides the log.
    public var setup: ContestSetup {
        ContestSetup(
            entrants: teams.map {
                ContestEntrant(id: $0.id, name: $0.name, unitCode: $0.unitCode, basePoints: ContestPoints(points: basePoints), draw: $0.draw)
            },
            tieBreakers: tieBreakers, playoffRounds: Set(rounds.filter { $0.round.style == .playoff }.map(\.round.number)))
    }

    public func round(_ number: Int) throws -> ContestRoundPlan {
        guard let round = rounds.first(where: { $0.round.number == number }) else {
            throw LianbingError.notFound("比赛没有第 \(number) 轮")
        }
        return round
    }
}

/// A round with what it draws on: a live round's question ids in order, a written round's exam.
public struct ContestRoundPlan: Sendable, Hashable, Codable {
    public var round: ContestRound
    public var questionIds: [String]
    public var examId: Int64?
}

public struct ContestTeam: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var unitCode: String
    public var unitName: String
    public var draw: Int
    public var members: [ContestMember]
    /// The lower-level contest's team it advanced from.
    public var advancedFrom: Int64?
}

public struct ContestMember: Sendable, Hashable, Codable {
    public var staffNumber: String
    public var name: String
    public var isCaptain: Bool
}

/// A substitution in a team, as logged.
public struct ContestSubstitution: Sendable, Hashable, Codable {
    public var teamId: Int64
    public var outStaffNumber: String
    public var inStaffNumber: String
    public var reason: String
    public var recordedAt: Date
    public var actor: String
}
