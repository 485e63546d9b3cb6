import LianbingStore

/// What a score review did to the score, worded from the scores the server recorded, never from the reply's text:
/// a reply that claims a change no mark made cannot show as one.
enum ScoreReviewResult {
    /// `维持原分（14 分）` or `由 14 分改为 16 分`.
    static func text(before: Double?, after: Double?) -> String {
        let points = { (value: Double?) in value.map(AppDatabase.points) ?? "—" }
        return before == after ? "维持原分（\(points(after)) 分）" : "由 \(points(before)) 分改为 \(points(after)) 分"
    }
}

extension ScoreReview {
    /// The result as recorded once answered; before that, what answering now would record.
    var result: String { ScoreReviewResult.text(before: scoreBefore, after: answeredAt == nil ? scoreNow : scoreAfter) }
}
