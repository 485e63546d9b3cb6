/// A team on a board: its id, what the board shows, where it starts, and its draw number, which orders teams that
/// are equal in everything the ranking compares (and so share a rank).
public struct ContestEntrant: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var unitCode: String
    public var basePoints: ContestPoints
    public var draw: Int

    public init(id: Int64, name: String, unitCode: String = "", basePoints: ContestPoints = .zero, draw: Int = 0) {
        self.id = id
        self.name = name
        self.unitCode = unitCode
        self.basePoints = basePoints
        self.draw = draw
    }
}
