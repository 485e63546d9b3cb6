/// A question's countdown by the server's monotonic clock: screens are told the milliseconds left and count down
/// from there, so a phone's own clock never decides anything.
struct LiveClock: Sendable {
    private(set) var limit = 30_000
    private var startedAt: Int64?
    private var left = 30_000

    var isRunning: Bool { startedAt != nil }

    mutating func reset(limit: Int) {
        self.limit = limit
        left = limit
        startedAt = nil
    }

    mutating func start(now: Int64) {
        if left <= 0 { left = limit }
        startedAt = now
    }

    mutating func stop(now: Int64) {
        left = remaining(now: now)
        startedAt = nil
    }

    func remaining(now: Int64) -> Int {
        guard let startedAt else { return left }
        return max(0, left - Int(clamping: now - startedAt))
    }
}
