/// What a candidate answered to one question. Choice indexes are the question's own (not the shuffled display order).
public enum Response: Sendable, Codable, Hashable {
    case choices([Int])
    case trueFalse(Bool)
    /// One entry per blank, in order.
    case blanks([String])
    case text(String)
}

/// The mark of one answered (or unanswered) question.
public struct ItemMark: Sendable, Codable, Hashable {
    /// `nil` while a short answer waits for a trainer.
    public var score: Double?
    public var points: Double

    public init(score: Double?, points: Double) {
        self.score = score
        self.points = points
    }

    public var isPending: Bool { score == nil }
    /// Full marks; partial credit is not correct (the wrong-question book and mastery count it as wrong).
    public var isCorrect: Bool { score.map { $0 >= points - 1e-9 } ?? false }
}

/// How a multiple-choice question (多选) is marked.
public enum MultipleChoicePolicy: Sendable, Codable, Hashable {
    /// Exactly the right options, or nothing.
    case allOrNothing
    /// 少选得分: a non-empty subset of the right options earns `share` of the points; any wrong option earns 0.
    case partial(share: Double)
}

/// One key naming the shape, as the attempt API documents it: `{"choices":[0,2]}`, `{"trueFalse":true}`,
/// `{"blanks":["三星","五星"]}`, `{"text":"…"}`.
extension Response {
    private enum CodingKeys: String, CodingKey {
        case choices, trueFalse, blanks, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "exactly one of choices, trueFalse, blanks, text"))
        }
        switch key {
        case .choices: self = .choices(try container.decode([Int].self, forKey: key))
        case .trueFalse: self = .trueFalse(try container.decode(Bool.self, forKey: key))
        case .blanks: self = .blanks(try container.decode([String].self, forKey: key))
        case .text: self = .text(try container.decode(String.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .choices(let value): try container.encode(value, forKey: .choices)
        case .trueFalse(let value): try container.encode(value, forKey: .trueFalse)
        case .blanks(let value): try container.encode(value, forKey: .blanks)
        case .text(let value): try container.encode(value, forKey: .text)
        }
    }
}
