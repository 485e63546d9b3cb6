import Foundation

/// Counts failed password checks (logins and own-password changes) over a sliding window; past a limit,
/// answers how long to wait. Kept in memory: a restart forgets it, which only ever errs towards letting people in.
///
/// Staff usernames are staff numbers, which colleagues know and exam lists print, so a count per account alone
/// would let anyone lock any candidate out on exam day with five wrong passwords. Failures are therefore
/// counted three ways:
///
/// - per account *and* address (`perAccountAndAddress`, 5): one machine guessing one account is stopped, but the
///   lock holds only for that machine; the holder's right password from an address that has not been failing
///   still gets in;
/// - per address (`perAddress`, 30): one machine spraying guesses over many accounts is stopped;
/// - per account from everywhere (`perAccount`, 50): a backstop against guessing spread over many addresses.
///
/// The trade-off: an attacker now gets up to 5 guesses per account from each address they control instead of 5
/// in all, up to the backstop of 50 per window; and whoever can send from enough addresses (ten or more) to reach
/// that backstop can still lock an account for everyone. Both are bounded by the window. People behind one NAT
/// gateway (a service centre's office) share one address: their 30 failures per window are counted together,
/// and one person's typos do not lock a colleague's account, only that account from that office.
public actor LoginThrottle {
    public struct Limits: Sendable {
        public var perAccountAndAddress: Int
        public var perAddress: Int
        public var perAccount: Int
        public var window: TimeInterval

        public init(perAccountAndAddress: Int = 5, perAddress: Int = 30, perAccount: Int = 50, window: TimeInterval = 15 * 60) {
            self.perAccountAndAddress = perAccountAndAddress
            self.perAddress = perAddress
            self.perAccount = perAccount
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

    /// Seconds to wait before trying `account` from `address` again, or `nil` if a try is allowed now.
    /// `account` should be the stored username when the typed one names an account, so that spellings of one
    /// name share one count.
    public func retryAfter(account: String, address: String?) -> Int? {
        let now = clock()
        let waits = keys(account: account, address: address).compactMap { key, limit -> TimeInterval? in
            let recent = prune(key, now: now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(limits.window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    public func recordFailure(account: String, address: String?) {
        let now = clock()
        for (key, _) in keys(account: account, address: address) { failures[key, default: []].append(now) }
        if failures.count > 10_000 { failures = failures.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < limits.window } }
    }

    /// The right password clears only its own (account, address) count. The address's count stays, so one good
    /// password does not renew the budget of an address guessing many accounts; the account's count stays, so
    /// the holder signing in does not renew the budget of guessing spread over many addresses.
    public func recordSuccess(account: String, address: String?) {
        failures[Self.pairKey(account, address)] = nil
    }

    private func keys(account: String, address: String?) -> [(String, Int)] {
        [
            (Self.pairKey(account, address), limits.perAccountAndAddress),
            ("a:" + Self.addressKey(address), limits.perAddress),
            ("u:" + account.lowercased(), limits.perAccount),
        ]
    }

    /// Addresses never contain a newline, so the last one in the key tells account and address apart whatever was typed.
    private static func pairKey(_ account: String, _ address: String?) -> String {
        "p:" + account.lowercased() + "\n" + addressKey(address)
    }

    private static func addressKey(_ address: String?) -> String { address ?? "unknown" }

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < limits.window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
