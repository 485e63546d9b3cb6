import Foundation

/// Spaced review of the wrong-question book (今日复习) with FSRS-5, the Free Spaced Repetition Scheduler, version 5.
///
/// The model, as the reference package py-fsrs 5.1.3 implements it (`Tests/LianbingCoreTests/Reference/fsrs_reference.py`
/// checks it review by review):
/// - Its 19 published default weights (`weights`), no fitting to our own data: a first version everyone can check.
/// - A question's memory is a stability S (days until recall falls to 90%) and a difficulty D (1–10). After t days
///   recall is R = (1 + FACTOR·t/S)^DECAY with DECAY = −0.5 and FACTOR = 19/81 (so that R = 0.9 at t = S).
/// - Ratings: a wrong answer (short of full marks) is Again, a right one Good; Hard and Easy exist in the model only.
/// - The first answer sets S and D from the rating alone. A later one on another day uses R after the whole
///   calendar days since the last answer; another answer on the same day uses FSRS-5's short-term formula.
/// - Target retention 0.9; the next interval is the days at which R falls to it, rounded (halves to even, as the
///   reference does) and at least 1 day. No learning steps and no fuzz: the same answers always give the same dates.
/// - A question retires from review once its next interval exceeds `retirementDays` (90): it is then well learnt, and
///   a later wrong answer brings it back.
public enum FSRS {
    public static let version = "FSRS-5"

    /// FSRS-5's published default parameters w0…w18.
    public static let weights: [Double] = [
        0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
        1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
    ]
    public static let decay = -0.5
    /// 19/81, written as the reference computes it so that intervals round on the same bits.
    public static let factor = pow(0.9, 1 / decay) - 1
    public static let retention = 0.9
    public static let retirementDays = 90

    public enum Rating: Int, Sendable, Codable, CaseIterable {
        case again = 1, hard, good, easy

        /// Again for a wrong answer (partial credit included), Good for a right one; `nil` while a mark is pending.
        public init?(_ mark: ItemMark) {
            if mark.isPending { return nil }
            self = mark.isCorrect ? .good : .again
        }
    }

    /// What the model remembers of one person and one question.
    public struct Memory: Sendable, Codable, Hashable {
        public var stability: Double
        public var difficulty: Double

        public init(stability: Double, difficulty: Double) {
            self.stability = stability
            self.difficulty = difficulty
        }
    }

    /// The memory after an answer and when to ask again.
    public struct Schedule: Sendable, Hashable {
        public var memory: Memory
        /// Days from the answer to the next review.
        public var interval: Int

        /// Past `retirementDays` the question leaves the review queue.
        public var retires: Bool { interval > FSRS.retirementDays }
    }

    /// The schedule after an answer rated `rating`, `elapsedDays` calendar days after the previous one (`memory`,
    /// `nil` for the first answer, when the days are not used).
    public static func review(_ memory: Memory?, rating: Rating, elapsedDays: Int) -> Schedule {
        let next: Memory
        if let memory {
            let stability =
                elapsedDays < 1
                ? shortTermStability(memory.stability, rating)
                : nextStability(memory, rating, retrievability: retrievability(elapsedDays: elapsedDays, stability: memory.stability))
            next = Memory(stability: stability, difficulty: nextDifficulty(memory.difficulty, rating))
        } else {
            next = Memory(stability: max(w(rating.rawValue - 1), 0.1), difficulty: initialDifficulty(rating))
        }
        return Schedule(memory: next, interval: interval(stability: next.stability))
    }

    /// R after `elapsedDays` at stability S.
    public static func retrievability(elapsedDays: Int, stability: Double) -> Double {
        pow(1 + factor * Double(max(0, elapsedDays)) / stability, decay)
    }

    /// Whole days until R falls to the target retention; at least 1, and at most the reference's 100 years.
    public static func interval(stability: Double) -> Int {
        let days = (stability / factor * (pow(retention, 1 / decay) - 1)).rounded(.toNearestOrEven)
        return Int(min(max(days, 1), 36_500))
    }

    private static func w(_ index: Int) -> Double { weights[index] }

    private static func initialDifficulty(_ rating: Rating) -> Double {
        clampDifficulty(w(4) - exp(w(5) * Double(rating.rawValue - 1)) + 1)
    }

    /// Linear damping towards 10, then mean reversion towards the difficulty of a first Easy.
    private static func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let delta = -w(6) * Double(rating.rawValue - 3)
        let damped = difficulty + (10 - difficulty) * delta / 9
        return clampDifficulty(w(7) * initialDifficulty(.easy) + (1 - w(7)) * damped)
    }

    private static func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1), 10) }

    private static func nextStability(_ memory: Memory, _ rating: Rating, retrievability r: Double) -> Double {
        let (s, d) = (memory.stability, memory.difficulty)
        if rating == .again {
            // Post-lapse stability, capped so a lapse never leaves S above what a same-day Again would.
            let longTerm = w(11) * pow(d, -w(12)) * (pow(s + 1, w(13)) - 1) * exp((1 - r) * w(14))
            return min(longTerm, s / exp(w(17) * w(18)))
        }
        let hardPenalty = rating == .hard ? w(15) : 1
        let easyBonus = rating == .easy ? w(16) : 1
        return s * (1 + exp(w(8)) * (11 - d) * pow(s, -w(9)) * (exp((1 - r) * w(10)) - 1) * hardPenalty * easyBonus)
    }

    private static func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        stability * exp(w(17) * (Double(rating.rawValue) - 3 + w(18)))
    }
}
