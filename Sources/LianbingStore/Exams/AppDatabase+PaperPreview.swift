import Foundation
import GRDB
import LianbingCore

/// One paper a blueprint gives today, for a trainer to read before saving an exam: questions in paper order.
public struct PaperPreview: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public var questionId: String
        public var kind: QuestionKind
        public var points: Double
        public var difficulty: Int
        public var knowledgePoint: String
        public var stem: String
    }

    public var items: [Item]
    public var maxScore: Double
    public var meanDifficulty: Double
}

extension AppDatabase {
    /// Draws one paper from `blueprint` against the current bank (as the caller's own unit draws from it) as an exam
    /// for `candidates` would (`PaperAssembler`,
    /// the same pool and exposure cap), with a fresh seed, and stores nothing: the exam's own papers are drawn at
    /// publication. An infeasible blueprint throws every problem, as creating the exam would.
    public func previewPaper(_ blueprint: Blueprint, candidates: Int, by principal: Principal) async throws -> PaperPreview {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以组卷") }
        try InputBounds.check(candidates, in: InputBounds.candidates, "考生人数", unit: "人")
        let now = clock()
        let cache = cache
        let seed = UInt64.random(in: .min ... .max)
        return try await reader.read { db in
            let pool = try Self.draftPool(for: blueprint, now: now, drawnBy: try Self.scopeUnit(of: principal, db).code, db)
            var assembler = try PaperAssembler(blueprint: blueprint, pool: pool, plannedPapers: candidates)
            var generator = SeededGenerator(seed: seed)
            let paper = try assembler.nextPaper(using: &generator)
            let items = try paper.items.map { item in
                let question = try cache.entry(item.questionId, revision: item.revision, db).question
                return PaperPreview.Item(
                    questionId: item.questionId, kind: question.kind, points: item.points, difficulty: item.difficulty,
                    knowledgePoint: question.knowledgePoints.first ?? "", stem: question.stem)
            }
            return PaperPreview(items: items, maxScore: paper.maxScore, meanDifficulty: paper.meanDifficulty)
        }
    }
}
