import Foundation
import LianbingStore
import Synchronization

/// The live rooms, one per contest with anyone connected, and the one clock every buzz is stamped by.
final class ContestLiveHub: Sendable {
    let database: AppDatabase
    private let rooms = Mutex<[Int64: ContestRoom]>([:])
    private let arrivals = Mutex<Int>(0)

    init(database: AppDatabase) { self.database = database }

    func room(_ contestId: Int64) -> ContestRoom {
        rooms.withLock { rooms in
            if let room = rooms[contestId] { return room }
            let room = ContestRoom(contestId: contestId, database: database)
            rooms[contestId] = room
            Task { await room.follow() }
            return room
        }
    }

    /// The server's monotonic clock in milliseconds and the decoding order, read together under one lock as a
    /// message is decoded: arrival order then never contradicts the clock, and two buzzes in one millisecond are
    /// still told apart (`BuzzArbiter`'s rule 4).
    func stamp() -> (clockMilliseconds: Int64, arrival: Int) {
        arrivals.withLock { count in
            count += 1
            return (AppDatabase.monotonicMilliseconds(), count)
        }
    }
}
