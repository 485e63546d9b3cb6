/// How many papers of one exam may carry any one question.
enum ExposureCap {
    /// `floor(cap × papers)`, at least 1 (a question must be usable at all), no limit without a cap.
    ///
    /// The `1e-9` keeps a cap such as 0.3 of 10 papers at 3 uses although 0.3 × 10 is 2.9999999999999996 in
    /// binary floating point.
    static func maxUses(cap: Double?, papers: Int) -> Int {
        guard let cap else { return Int.max }
        return max(1, Int((cap * Double(papers) + 1e-9).rounded(.down)))
    }
}
