/// When a lesson counts as studied (完成): its end was reached, the page was in view for at least half of its minutes
/// (as `ReadingClock` counted them), and its check (小测) was passed.
public struct LessonCompletion: Sendable, Hashable, Codable {
    public var endReached: Bool
    public var visibleSeconds: Int
    public var checkPassed: Bool

    public init(endReached: Bool, visibleSeconds: Int, checkPassed: Bool) {
        self.endReached = endReached
        self.visibleSeconds = visibleSeconds
        self.checkPassed = checkPassed
    }

    /// Half the reading time: a quick reader need not sit out the whole estimate, but skimming does not count.
    public static func requiredSeconds(minutes: Int) -> Int { max(0, minutes) * 30 }

    public func isComplete(minutes: Int) -> Bool {
        endReached && checkPassed && visibleSeconds >= Self.requiredSeconds(minutes: minutes)
    }

    /// Questions in a lesson's check, fewer when the bank has fewer auto-marked practice questions on its points.
    public static let checkLength = 5
    /// The pass mark of a check, as a share of its points: 60%, the usual 及格 line.
    public static let passMark = 0.6

    public static func passes(score: Double, of maximum: Double) -> Bool { maximum > 0 && score >= passMark * maximum }
}

/// Online school minutes as training hours (网校学习学时): 45 minutes make one 学时, rounded down to a half.
public enum OnlineSchoolHours {
    public static let minutesPerHour = 45

    public static func hours(minutes: Int) -> Double {
        guard minutes > 0 else { return 0 }
        // Whole half-hours: ⌊2m / 45⌋ / 2, in integers so no rounding error can tip a boundary.
        return Double(min(minutes, Int.max / 2) * 2 / minutesPerHour) / 2
    }
}
