/// A blueprint (组卷规则, the 双向细目表): what every paper of an exam must contain.
///
/// Sections fix the points per question of each type; cells fix how many questions of a type, in a band of
/// difficulty, a knowledge point contributes. A question counts towards its first (main) knowledge point; when two
/// cells could take it, the cell with the more specific knowledge point does, then the earlier cell.
public struct Blueprint: Sendable, Codable, Hashable {
    public var title: String
    public var purpose: PaperPurpose
    /// Sections in paper order, one per question type.
    public var sections: [BlueprintSection]
    public var cells: [BlueprintCell]
    /// The points the sections must add up to.
    public var totalPoints: Double
    /// Mean declared difficulty (1–5) every paper must reach, within `difficultyTolerance`.
    public var targetDifficulty: Double
    public var difficultyTolerance: Double
    /// Question ids that give each other away: at most one of each group on a paper.
    public var enemyGroups: [[String]]
    /// At most this share (0–1] of one exam's papers may carry any one question; `nil` for no cap.
    public var exposureCap: Double?
    /// Questions quoting one sentence of the source (`原文`) share no paper: they give each other away. Off only in
    /// blueprints stored before the rule, so that their exams' papers still regenerate exactly.
    public var separatesSameQuote: Bool
    /// Leave out questions whose keys earlier centralised assessments have shown their candidates.
    public var excludesRevealed: Bool

    public init(
        title: String, purpose: PaperPurpose = .assessment, sections: [BlueprintSection], cells: [BlueprintCell],
        totalPoints: Double, targetDifficulty: Double, difficultyTolerance: Double, enemyGroups: [[String]] = [],
        exposureCap: Double? = nil, separatesSameQuote: Bool = true, excludesRevealed: Bool = false
    ) {
        self.title = title
        self.purpose = purpose
        self.sections = sections
        self.cells = cells
        self.totalPoints = totalPoints
        self.targetDifficulty = targetDifficulty
        self.difficultyTolerance = difficultyTolerance
        self.enemyGroups = enemyGroups
        self.exposureCap = exposureCap
        self.separatesSameQuote = separatesSameQuote
        self.excludesRevealed = excludesRevealed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try container.decode(String.self, forKey: .title), purpose: try container.decode(PaperPurpose.self, forKey: .purpose),
            sections: try container.decode([BlueprintSection].self, forKey: .sections),
            cells: try container.decode([BlueprintCell].self, forKey: .cells), totalPoints: try container.decode(Double.self, forKey: .totalPoints),
            targetDifficulty: try container.decode(Double.self, forKey: .targetDifficulty),
            difficultyTolerance: try container.decode(Double.self, forKey: .difficultyTolerance),
            enemyGroups: try container.decode([[String]].self, forKey: .enemyGroups),
            exposureCap: try container.decodeIfPresent(Double.self, forKey: .exposureCap),
            // Absent from blueprints stored before these options existed: they keep the rules they were drawn under.
            separatesSameQuote: try container.decodeIfPresent(Bool.self, forKey: .separatesSameQuote) ?? false,
            excludesRevealed: try container.decodeIfPresent(Bool.self, forKey: .excludesRevealed) ?? false)
    }

    /// Questions per paper.
    public var questionCount: Int { cells.reduce(0) { $0 + $1.count } }
}

public struct BlueprintSection: Sendable, Codable, Hashable {
    public var kind: QuestionKind
    public var pointsPerQuestion: Double

    public init(kind: QuestionKind, pointsPerQuestion: Double) {
        self.kind = kind
        self.pointsPerQuestion = pointsPerQuestion
    }
}

/// One cell of the 双向细目表: knowledge point × type × difficulty band → number of questions.
public struct BlueprintCell: Sendable, Codable, Hashable {
    /// Matches this point and every point beneath it (`培训` takes `培训/常态化培训`).
    public var knowledgePoint: String
    public var kind: QuestionKind
    public var difficulty: ClosedRange<Int>
    public var count: Int

    public init(knowledgePoint: String, kind: QuestionKind, difficulty: ClosedRange<Int>, count: Int) {
        self.knowledgePoint = knowledgePoint
        self.kind = kind
        self.difficulty = difficulty
        self.count = count
    }

    /// `知识点 X · 单选 · 难度 4–5`, the name feasibility reports use.
    public var name: String {
        let band = difficulty.lowerBound == difficulty.upperBound ? "\(difficulty.lowerBound)" : "\(difficulty.lowerBound)–\(difficulty.upperBound)"
        return "知识点 \(knowledgePoint) · \(kind.label) · 难度 \(band)"
    }
}

/// What a paper is for, which decides the questions it may draw.
public enum PaperPurpose: String, Sendable, Codable, CaseIterable {
    /// 集中考核: draws `exam` and `both` questions.
    case assessment
    /// 自我测试: draws `practice` and `both` questions, never `exam` ones.
    case selfTest = "self-test"

    public func admits(_ usage: QuestionUsage) -> Bool {
        switch self {
        case .assessment: usage != .practice
        case .selfTest: usage != .exam
        }
    }

    public var label: String {
        switch self {
        case .assessment: "集中考核"
        case .selfTest: "自我测试"
        }
    }
}
