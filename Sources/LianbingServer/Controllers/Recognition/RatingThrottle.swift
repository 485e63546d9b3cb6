import Foundation

/// How fast the public rating form may be posted, counted in memory over a sliding window (as `LoginThrottle`; a
/// restart forgets it, and the database's one-rating-per-device-per-day rule still holds).
///
/// - Poster ratings (`/rate/<token>` on visitors' phones): every post counts against its client address, accepted or
///   not — 20 per 10 minutes. A village office behind one NAT gateway sees few visitors in ten minutes; a script
///   that fetches a fresh form (and so a fresh device cookie) for every post stores at most 20 per window.
/// - Counter ratings (the unit's own tablet at the service desk, unlocked by its counter key): counted per unit, not
///   per address, since a service hall's tablets share the hall's address — 60 per 10 minutes, one every ten seconds
///   on average, more than a desk serves.
///
/// Once over a limit the post is refused (429 with `Retry-After`) before its body is read.
actor RatingThrottle {
    struct Limits: Sendable {
        var perAddress = 20
        var perCounter = 60
        var window: TimeInterval = 10 * 60
    }

    private let limits: Limits
    private let clock: @Sendable () -> Date
    private var posts: [String: [Date]] = [:]

    init(limits: Limits = Limits(), clock: @escaping @Sendable () -> Date) {
        self.limits = limits
        self.clock = clock
    }

    /// Counts a post from `address` (poster) or at `counterUnit` (counter); the seconds to wait if it is over the limit.
    func admit(address: String?, counterUnit: String?) -> Int? {
        let now = clock()
        let (key, limit) = counterUnit.map { ("c:" + $0, limits.perCounter) } ?? ("a:" + (address ?? "unknown"), limits.perAddress)
        let recent = (posts[key] ?? []).filter { now.timeIntervalSince($0) < limits.window }
        if recent.count >= limit, let oldest = recent.first {
            posts[key] = recent
            return max(1, Int(oldest.addingTimeInterval(limits.window).timeIntervalSince(now).rounded(.up)))
        }
        posts[key] = recent + [now]
        if posts.count > 10_000 { posts = posts.filter { now.timeIntervalSince($0.value.last ?? .distantPast) < limits.window } }
        return nil
    }
}
