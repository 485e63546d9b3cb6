import Foundation
import LianbingCore
import Testing

/// A sequence of answers and what py-fsrs 5.1.3 schedules after each.
struct FSRSReferenceCase: Sendable, CustomTestStringConvertible {
    struct Step: Sendable {
        var rating: FSRS.Rating
        var elapsedDays: Int
        var stability: Double
        var difficulty: Double
        var interval: Int

        init(_ rating: FSRS.Rating, after elapsedDays: Int, stability: Double, difficulty: Double, interval: Int) {
            (self.rating, self.elapsedDays, self.stability, self.difficulty, self.interval) = (rating, elapsedDays, stability, difficulty, interval)
        }
    }

    var name: String
    var steps: [Step]

    var testDescription: String { name }
}

/// Expected values copied from the output of `Reference/fsrs_reference.py` (the PyPI `fsrs` package, 5.1.3, FSRS-5
/// defaults, no learning steps, no fuzz), committed beside it as `Reference/fsrs_reference.json`. Rerun the script
/// after changing a case; the test itself never needs the package.
enum FSRSReference {
    static let cases = [
        FSRSReferenceCase(name: "again", steps: [
            .init(.again, after: 0, stability: 0.40255, difficulty: 7.1949, interval: 1),
        ]),
        FSRSReferenceCase(name: "good", steps: [
            .init(.good, after: 0, stability: 3.173, difficulty: 5.282434422319005, interval: 3),
        ]),
        FSRSReferenceCase(name: "againThenGoodOnTime", steps: [
            .init(.again, after: 0, stability: 0.40255, difficulty: 7.1949, interval: 1),
            .init(.good, after: 1, stability: 2.2650094350890537, difficulty: 7.176636167311107, interval: 2),
            .init(.good, after: 2, stability: 5.79862743694272, difficulty: 7.158456348252584, interval: 6),
            .init(.good, after: 6, stability: 15.175665734283495, difficulty: 7.140360156361731, interval: 15),
            .init(.good, after: 15, stability: 36.27476463774382, difficulty: 7.122347206953576, interval: 36),
            .init(.good, after: 36, stability: 82.1111178206203, difficulty: 7.104417117112697, interval: 82),
            .init(.good, after: 82, stability: 177.20681992681946, difficulty: 7.086569505685087, interval: 177),
            .init(.good, after: 177, stability: 365.3442400942684, difficulty: 7.068803993270043, interval: 365),
        ]),
        FSRSReferenceCase(name: "lapse", steps: [
            .init(.again, after: 0, stability: 0.40255, difficulty: 7.1949, interval: 1),
            .init(.good, after: 1, stability: 2.2650094350890537, difficulty: 7.176636167311107, interval: 2),
            .init(.good, after: 2, stability: 5.79862743694272, difficulty: 7.158456348252584, interval: 6),
            .init(.again, after: 6, stability: 1.5069627853877825, difficulty: 8.058293781563167, interval: 2),
            .init(.good, after: 2, stability: 4.237858770327161, difficulty: 8.036058337479083, interval: 4),
            .init(.good, after: 4, stability: 9.290859579821717, difficulty: 8.013925176437787, interval: 9),
            .init(.good, after: 9, stability: 19.695685917755746, difficulty: 7.9918938279372815, interval: 20),
        ]),
        FSRSReferenceCase(name: "sameDay", steps: [
            .init(.again, after: 0, stability: 0.40255, difficulty: 7.1949, interval: 1),
            .init(.again, after: 0, stability: 0.20168903241409677, difficulty: 8.082797017759107, interval: 1),
            .init(.good, after: 0, stability: 0.28393201416083236, difficulty: 8.060448858788522, interval: 1),
            .init(.good, after: 1, stability: 1.6644705994929343, difficulty: 8.038203501349201, interval: 2),
            .init(.good, after: 2, stability: 4.415033965651546, difficulty: 8.016060472554102, interval: 4),
        ]),
        FSRSReferenceCase(name: "lateAndEarly", steps: [
            .init(.again, after: 0, stability: 0.40255, difficulty: 7.1949, interval: 1),
            .init(.good, after: 10, stability: 7.419099597470766, difficulty: 7.176636167311107, interval: 7),
            .init(.good, after: 3, stability: 12.259315270209465, difficulty: 7.158456348252584, interval: 12),
            .init(.again, after: 60, stability: 3.692411974670168, difficulty: 8.058293781563167, interval: 4),
            .init(.good, after: 2, stability: 6.350655428696799, difficulty: 8.036058337479083, interval: 6),
        ]),
        FSRSReferenceCase(name: "hardAndEasy", steps: [
            .init(.hard, after: 0, stability: 1.18385, difficulty: 6.488305268471453, interval: 1),
            .init(.easy, after: 1, stability: 7.944968617963678, difficulty: 5.9060819957043655, interval: 8),
            .init(.hard, after: 8, stability: 11.651872457447165, difficulty: 6.554997344429386, interval: 12),
            .init(.easy, after: 4, stability: 33.051985436441825, difficulty: 5.983239408227715, interval: 33),
        ]),
    ]
}

@Suite("FSRS-5 against the reference package")
struct FSRSReferenceTests {
    @Test("Given the reference's review sequences, then every stability, difficulty and interval matches py-fsrs", arguments: FSRSReference.cases)
    func matchesReference(_ reference: FSRSReferenceCase) {
        var memory: FSRS.Memory?
        for (index, step) in reference.steps.enumerated() {
            let schedule = FSRS.review(memory, rating: step.rating, elapsedDays: step.elapsedDays)
            let at = "\(reference.name) review \(index + 1)"
            #expect(abs(schedule.memory.stability - step.stability) <= 1e-9 * step.stability, "\(at): stability")
            #expect(abs(schedule.memory.difficulty - step.difficulty) <= 1e-9 * step.difficulty, "\(at): difficulty")
            #expect(schedule.interval == step.interval, "\(at): interval")
            memory = schedule.memory
        }
    }

    @Test("Given the reference's parameters, then the Swift uses the same 19 weights")
    func sameWeights() {
        #expect(FSRS.weights == [
            0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
            1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
        ])
    }
}
