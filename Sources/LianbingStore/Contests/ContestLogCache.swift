import Foundation
import LianbingCore

/// Each running contest's tally, kept between actions so that recording an event costs one insert and not a
/// re-read of the log. An entry is used only while it holds exactly the stored log (its length equals the last stored
/// sequence number, and its setup the contest's teams); otherwise it is rebuilt from the table, so another process
/// writing the same file (the CLI beside the server) is never missed.
final class ContestLogCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tallies: [Int64: ScoreTally] = [:]

    func tally(_ contestId: Int64, setup: ContestSetup, lastSequence: Int) -> ScoreTally? {
        lock.withLock {
            guard let tally = tallies[contestId], tally.events.count == lastSequence, tally.setup == setup else { return nil }
            return tally
        }
    }

    func store(_ tally: ScoreTally, for contestId: Int64) {
        lock.withLock { tallies[contestId] = tally }
    }
}
