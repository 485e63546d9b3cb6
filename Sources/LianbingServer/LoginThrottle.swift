import Foundation

/// Counts failed logins per account and per address over a sliding window; past the limit, answers how
/// long to wait. Kept in memory: a restart forgets it, which only ever errs towards letting people in.
public actor LoginThrottle {
    public struct Limits: Sendable {
        public var perAccount: Int
        public var perAddress: Int
        public var window: TimeInterval

        public init(perAccount: Int = 5, perAddress: Int = 30, window: TimeInterval = 15 * 60) {
            self.perAccount = perAccount
            self.perAddress = perAddress
            self.window = window
        }
    }

    private let limits: Limits
    private let clock: @Sendable () -> Date
    private var failures: [String: [Date]] = [:]

    public init(limits: Limits, clock: @escaping @Sendable () -> Date) {
        self.limits = limits
        self.clock = clock
    }

    /// Seconds to wait before trying again, or `nil` if a try is allowed now.
    public func retryAfter(username: String, address: String?) -> Int? {
        let now = clock()
        let waits = keys(username: username, address: address).compactMap { key, limit -> TimeInterval? in
            let recent = prune(key, now: now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(limits.window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    public func recordFailure(username: String, address: String?) {
        let now = clock()
        for (key, _) in keys(username: username, address: address) { failures[key, default: []].append(now) }
        if failures.count > 10_000 { failures = failures.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < limits.window } }
    }

    /// A successful login clears the account's count, not the address's: one good password must not
    /// reset the budget of an address that is guessing many accounts.
    public func recordSuccess(username: String) {
        failures["u:" + username.lowercased()] = nil
    }

    private func keys(username: String, address: String?) -> [(String, Int)] {
        [("u:" + username.lowercased(), limits.perAccount), ("a:" + (address ?? "unknown"), limits.perAddress)]
    }

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limits.window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
