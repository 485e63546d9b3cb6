import LianbingCore

/// Responses travel in shown option positions and are stored in the question's own, so grading, statistics and
/// regrading never need to know how options were shuffled for one candidate.
enum ResponseShape {
    static let maximumTextLength = 5_000

    /// Checks a response's shape against the question and maps its choices to the question's own indexes.
    static func original(_ response: Response, for question: Question, item: PaperItem) throws -> Response {
        switch (question.kind, response) {
        case (.singleChoice, .choices(let shown)) where shown.count == 1,
            (.multipleChoice, .choices(let shown)) where !shown.isEmpty && Set(shown).count == shown.count:
            guard shown.allSatisfy(item.optionOrder.indices.contains) else { throw LianbingError.invalid("选项超出范围") }
            return .choices(shown.map { item.optionOrder[$0] }.sorted())
        case (.trueFalse, .trueFalse):
            return response
        case (.fillBlank, .blanks(let texts)):
            guard case .blanks(let key) = question.answer, texts.count == key.count else {
                throw LianbingError.invalid("本题有 \(blankCount(question)) 个空")
            }
            guard texts.allSatisfy({ $0.count <= 200 }) else { throw LianbingError.invalid("每空最多 200 字") }
            return response
        case (.shortAnswer, .text(let text)):
            guard text.count <= maximumTextLength else { throw LianbingError.invalid("作答最多 \(maximumTextLength) 字") }
            return response
        default:
            throw LianbingError.invalid("答案格式与题型（\(question.kind.label)）不符")
        }
    }

    /// The stored response in this candidate's shown positions.
    static func shown(_ response: Response, item: PaperItem) -> Response {
        guard case .choices(let original) = response, !item.optionOrder.isEmpty else { return response }
        return .choices(original.compactMap { item.optionOrder.firstIndex(of: $0) }.sorted())
    }

    static func blankCount(_ question: Question) -> Int {
        if case .blanks(let key) = question.answer { return key.count }
        return 0
    }

    /// The key as this candidate saw the question.
    static func feedback(_ question: Question, item: PaperItem, mark: ItemMark?) -> Feedback {
        var scoringPoints: [String] = []
        let key: String
        switch question.answer {
        case .choices(let right):
            key = Answer.letters(right.compactMap { item.optionOrder.isEmpty ? $0 : item.optionOrder.firstIndex(of: $0) })
        case .trueFalse(let value):
            key = value ? "正确" : "错误"
        case .blanks(let variants):
            key = variants.map { $0.joined(separator: " / ") }.joined(separator: "；")
        case .shortAnswer(let reference, let points):
            key = reference
            scoringPoints = points
        }
        let correct = question.kind.isAutoMarked ? mark.map(\.isCorrect) ?? false : nil
        return Feedback(correct: correct, score: mark?.score, key: key, scoringPoints: scoringPoints, explanation: question.explanation)
    }
}
