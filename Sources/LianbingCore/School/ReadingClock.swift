import Foundation

/// How the server times a lesson page in view (微课阅读计时) from the page's own reports, so that a page cannot claim
/// more time than passed on the server's clock.
///
/// A page in view reports every `heartbeatSeconds`; each report adds the time since the previous report made in view,
/// but never more than `maximumGapSeconds` — a phone that slept, a tab in the background that the browser stopped
/// timing, or a lost connection count as one short gap, not as reading. A report made while hidden adds the time up to
/// it and stops the clock; the next report in view starts it again.
public enum ReadingClock {
    public static let heartbeatSeconds = 15
    public static let maximumGapSeconds = 30

    /// Seconds to add for a report at `now`, given the server time of the last report made in view (`nil`: the clock
    /// was stopped).
    public static func credit(since visibleSince: Date?, now: Date) -> Int {
        guard let visibleSince, now > visibleSince else { return 0 }
        return Int(min(now.timeIntervalSince(visibleSince), Double(maximumGapSeconds)))
    }
}
