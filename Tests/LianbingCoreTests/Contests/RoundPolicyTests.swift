import Testing

@testable import LianbingCore

@Suite("RoundPolicy")
struct RoundPolicyTests {
    private typealias F = ContestFixtures

    private func rules(_ edit: (inout RoundRules) -> Void) -> RoundRules {
        var rules = RoundRules()
        edit(&rules)
        return rules
    }

    // MARK: Compulsory

    @Test("Given compulsory rules of 10 for right and 0 for wrong, when ruled, then right gains 10 and the rest nothing")
    func compulsoryWithoutPenalty() {
        let rules = RoundRules()
        #expect(CompulsoryScoring.change(for: .right, rules: rules) == .whole(10))
        #expect(CompulsoryScoring.change(for: .wrong, rules: rules) == .zero)
        #expect(CompulsoryScoring.change(for: .timeout, rules: rules) == .zero)
    }

    @Test("Given a wrong-answer penalty, when a compulsory answer is wrong or times out, then the penalty is taken")
    func compulsoryWithPenalty() {
        let rules = rules { $0.rightPoints = 20; $0.wrongPoints = 5 }
        #expect(CompulsoryScoring.change(for: .right, rules: rules) == .whole(20))
        #expect(CompulsoryScoring.change(for: .wrong, rules: rules) == .whole(-5))
        #expect(CompulsoryScoring.change(for: .timeout, rules: rules) == .whole(-5))
    }

    // MARK: Buzzer

    @Test("Given buzzer rules, when ruled, then right gains, wrong and timeout lose, and a foul costs the foul points")
    func buzzer() {
        let rules = rules { $0.rightPoints = 15; $0.wrongPoints = 10; $0.foulPoints = 7 }
        #expect(BuzzerScoring.change(for: .right, rules: rules) == .whole(15))
        #expect(BuzzerScoring.change(for: .wrong, rules: rules) == .whole(-10))
        #expect(BuzzerScoring.change(for: .timeout, rules: rules) == .whole(-10))
        #expect(BuzzerScoring.foul(rules: rules) == .whole(-7))
        #expect(BuzzerScoring.foul(rules: self.rules { $0.foulPoints = 0 }) == .zero)
    }

    // MARK: Risk

    @Test("Given a stake the round offers, when ruled, then right gains it and wrong or timeout loses it", arguments: [10, 20, 30])
    func riskOfferedStake(_ stake: Int) throws {
        let rules = RoundRules()
        #expect(try RiskScoring.change(for: .right, stake: stake, rules: rules) == .whole(stake))
        #expect(try RiskScoring.change(for: .wrong, stake: stake, rules: rules) == .whole(-stake))
        #expect(try RiskScoring.change(for: .timeout, stake: stake, rules: rules) == .whole(-stake))
    }

    @Test("Given a stake the round does not offer, when ruled, then it is refused", arguments: [0, 15, 40, -10])
    func riskStakeNotOffered(_ stake: Int) {
        #expect(Refusal { _ = try RiskScoring.change(for: .right, stake: stake, rules: RoundRules()) } == .invalid)
    }

    @Test("Given standings, when the choosing order is asked, then the lowest score chooses first, ties by draw")
    func riskChoosingOrder() {
        let standings = [
            F.standing(1, points: 120, draw: 1), F.standing(2, points: 80, draw: 4), F.standing(3, points: 100, draw: 3),
            F.standing(4, points: 80, draw: 2), F.standing(5, points: 100, draw: 1),
        ]
        #expect(RiskScoring.choosingOrder(standings) == [4, 2, 5, 3, 1])
        #expect(RiskScoring.choosingOrder(standings.reversed()) == [4, 2, 5, 3, 1])
        #expect(RiskScoring.choosingOrder([]) == [])
    }

    @Test("Given equal scores and equal draws, when the choosing order is asked, then the lower team id goes first")
    func riskChoosingOrderById() {
        let standings = [F.standing(9, points: 50, draw: 1), F.standing(3, points: 50, draw: 1)]
        #expect(RiskScoring.choosingOrder(standings) == [3, 9])
    }

    // MARK: Judged

    @Test("Given five marks with one dropped each end, when scored, then the middle three are averaged to a hundredth")
    func judgedDropsExtremes() throws {
        // (85 + 88 + 90) / 3 = 87.666… → 87.67
        let score = try JudgedScoring.score(marks: [90, 85, 88, 70, 95], rules: RoundRules())
        #expect(score == ContestPoints(hundredths: 8_767))
        #expect(score.text == "87.67")
    }

    @Test("Given marks and dropped counts, when scored, then the kept marks' mean is rounded half up", arguments: [
        ([80, 90, 100], 0, 9_000),
        ([80, 90, 100], 1, 9_000),
        ([60, 70, 80, 85, 100, 100, 100], 2, 8_833),  // keeps 80, 85, 100
        ([1, 0, 0, 0, 0, 0, 0, 0], 0, 13),  // 0.125 → 0.13
        ([1, 1, 2], 0, 133),
        ([2, 2, 1], 0, 167),
        ([0, 0, 0], 1, 0),
        ([100, 100, 100, 100, 100, 100, 100], 3, 10_000),
    ])
    func judgedMeans(_ marks: [Int], _ dropped: Int, _ hundredths: Int) throws {
        #expect(try JudgedScoring.score(marks: marks, rules: rules { $0.dropped = dropped }) == ContestPoints(hundredths: hundredths))
    }

    @Test("Given a panel too small to drop from, when scored, then every mark is averaged", arguments: [
        ([80, 91], 1, 8_550),
        ([77], 1, 7_700),
        ([70, 80, 90, 100], 2, 8_500),
        ([10, 20, 30, 40, 50, 60], 3, 3_500),
    ])
    func judgedSmallPanel(_ marks: [Int], _ dropped: Int, _ hundredths: Int) throws {
        #expect(try JudgedScoring.score(marks: marks, rules: rules { $0.dropped = dropped }) == ContestPoints(hundredths: hundredths))
    }

    @Test("Given the marks in any order, when scored, then the score is the same")
    func judgedOrderFree() throws {
        let marks = [90, 85, 88, 70, 95, 61, 99]
        var generator = SeededGenerator(seed: 5)
        let expected = try JudgedScoring.score(marks: marks, rules: rules { $0.dropped = 2 })
        for _ in 0..<20 {
            #expect(try JudgedScoring.score(marks: marks.shuffled(using: &generator), rules: rules { $0.dropped = 2 }) == expected)
        }
    }

    @Test("Given a mark outside 0 to the scale's top, or no marks, when scored, then it is refused")
    func judgedRefusals() throws {
        #expect(Refusal { _ = try JudgedScoring.score(marks: [90, 101, 80], rules: RoundRules()) } == .invalid)
        #expect(Refusal { _ = try JudgedScoring.score(marks: [90, -1, 80], rules: RoundRules()) } == .invalid)
        #expect(Refusal { _ = try JudgedScoring.score(marks: [10, 11], rules: rules { $0.maxMark = 10 }) } == .invalid)
        #expect(Refusal { _ = try JudgedScoring.score(marks: [], rules: RoundRules()) } == .invalid)
        #expect(try JudgedScoring.score(marks: [10, 0], rules: rules { $0.maxMark = 10; $0.dropped = 0 }) == .whole(5))
        #expect(try JudgedScoring.score(marks: [100, 0, 100], rules: RoundRules()) == .whole(100))
    }

    // MARK: Written

    @Test("Given members' exam scores with one absent, when the team score is worked out, then the absent counts 0")
    func writtenAbsentCountsZero() throws {
        #expect(try WrittenScoring.teamScore(memberScores: [80, nil, 70], rules: RoundRules()) == .whole(50))
        #expect(try WrittenScoring.teamScore(memberScores: [nil], rules: RoundRules()) == .zero)
    }

    @Test("Given a mean that is not whole, when the team score is worked out, then it is rounded to a hundredth")
    func writtenRounding() throws {
        #expect(try WrittenScoring.teamScore(memberScores: [90, 85], rules: RoundRules()) == ContestPoints(hundredths: 8_750))
        #expect(try WrittenScoring.teamScore(memberScores: [100, 0, 0], rules: RoundRules()) == ContestPoints(hundredths: 3_333))
        #expect(try WrittenScoring.teamScore(memberScores: [100, 100, 0], rules: RoundRules()) == ContestPoints(hundredths: 6_667))
        #expect(try WrittenScoring.teamScore(memberScores: [88.5], rules: RoundRules()) == ContestPoints(hundredths: 8_850))
    }

    @Test("Given a percentage, when the team score is worked out, then it counts at that percentage", arguments: [
        (50, 4_000), (100, 8_000), (150, 12_000), (1, 80), (1_000, 80_000),
    ])
    func writtenPercent(_ percent: Int, _ hundredths: Int) throws {
        let score = try WrittenScoring.teamScore(memberScores: [90, 70], rules: rules { $0.writtenPercent = percent })
        #expect(score == ContestPoints(hundredths: hundredths))
    }

    @Test("Given an individual contest's team of one, when the written score is worked out, then it is the member's score")
    func writtenIndividual() throws {
        #expect(try WrittenScoring.teamScore(memberScores: [73.25], rules: RoundRules()) == ContestPoints(hundredths: 7_325))
    }

    @Test("Given no members or a score out of range, when the written score is worked out, then it is refused")
    func writtenRefusals() {
        #expect(Refusal { _ = try WrittenScoring.teamScore(memberScores: [], rules: RoundRules()) } == .invalid)
        #expect(Refusal { _ = try WrittenScoring.teamScore(memberScores: [80, -1], rules: RoundRules()) } == .invalid)
        #expect(Refusal { _ = try WrittenScoring.teamScore(memberScores: [.nan], rules: RoundRules()) } == .invalid)
        #expect(Refusal { _ = try WrittenScoring.teamScore(memberScores: [.infinity], rules: RoundRules()) } == .invalid)
        #expect(Refusal { _ = try WrittenScoring.teamScore(memberScores: [100_000.5], rules: RoundRules()) } == .invalid)
    }

    // MARK: Playoff

    @Test("Given playoff rules, when ruled, then right gains its points and wrong or timeout costs nothing")
    func playoff() {
        let rules = rules { $0.rightPoints = 5; $0.wrongPoints = 5 }
        #expect(PlayoffScoring.change(for: .right, rules: rules) == .whole(5))
        #expect(PlayoffScoring.change(for: .wrong, rules: rules) == .zero)
        #expect(PlayoffScoring.change(for: .timeout, rules: rules) == .zero)
    }
}
