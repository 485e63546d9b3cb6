extension Lesson {
    /// Whether the lesson is on `point` or on a point below it: the same match as the catalogue's `?point=` filter,
    /// so a link from a wrong answer and the catalogue it leads to agree.
    public func teaches(_ point: String) -> Bool {
        knowledgePoints.contains { $0.isKnowledgePoint(under: point) }
    }

    /// Whether someone of `post` at a unit of `level` is among the lesson's audience; empty lists hold everyone.
    public func isMeant(forPost post: String, level: UnitLevel) -> Bool {
        (posts.isEmpty || posts.contains(post)) && (levels.isEmpty || levels.contains(level))
    }
}
