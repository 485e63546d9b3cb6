/// Self-test papers (自我测试): drawn on demand from the practice questions, without a blueprint.
///
/// Every question is worth 1 point, so the score reads as "right out of asked"; questions come grouped by type, in
/// the order of `QuestionKind`, as staff are used to from printed papers, and shuffled within each type.
public enum SelfTestPicker {
    /// Up to `length` questions drawn at random from the practice and general questions with any knowledge point
    /// under any of `knowledgePoints` (every such question when the list is empty).
    public static func paper(pool: [PoolQuestion], knowledgePoints: [String], length: Int, generator: inout SeededGenerator) -> Paper {
        var eligible = pool.indices.filter { index in
            let question = pool[index]
            return PaperPurpose.selfTest.admits(question.usage)
                && (knowledgePoints.isEmpty
                    || question.knowledgePoints.contains { point in knowledgePoints.contains { point.isKnowledgePoint(under: $0) } })
        }
        let chosen = min(max(0, length), eligible.count)
        // A partial Fisher–Yates: the first `chosen` are a uniform sample.
        for index in 0..<chosen { eligible.swapAt(index, index + generator.index(below: eligible.count - index)) }
        return paper(questions: eligible.prefix(chosen).map { pool[$0] }, generator: &generator)
    }

    /// A paper of exactly `questions` (the caller chose them, as for practising the wrong-question book), in the
    /// self-test order, with options shuffled.
    public static func paper(questions: [PoolQuestion], generator: inout SeededGenerator) -> Paper {
        var ordered: [PoolQuestion] = []
        var sections: [Int] = []
        for (section, kind) in QuestionKind.allCases.enumerated() {
            let start = ordered.count
            ordered += questions.filter { $0.kind == kind }
            generator.shuffle(&ordered, in: start..<ordered.count)
            sections += Array(repeating: section, count: ordered.count - start)
        }
        return Paper(
            items: zip(ordered, sections).map { question, section in
                PaperItem(
                    questionId: question.id, revision: question.revision, section: section, points: 1, difficulty: question.difficulty,
                    optionOrder: question.kind.hasOptions ? generator.optionOrder(question.optionCount) : [])
            })
    }
}
