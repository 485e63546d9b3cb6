/// What a board needs besides the log: the teams, the tie-breakers, and which rounds are playoffs (whose points
/// only break ties).
public struct ContestSetup: Sendable, Hashable, Codable {
    public var entrants: [ContestEntrant]
    public var tieBreakers: [TieBreaker]
    public var playoffRounds: Set<Int>

    public init(entrants: [ContestEntrant], tieBreakers: [TieBreaker] = [.written, .fewerWrong, .lessTime], playoffRounds: Set<Int> = []) {
        self.entrants = entrants
        self.tieBreakers = tieBreakers
        self.playoffRounds = playoffRounds
    }
}
