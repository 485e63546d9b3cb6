import Testing

@testable import LianbingCore

@Suite("RoundRules")
struct RoundRulesTests {
    private func rules(_ edit: (inout RoundRules) -> Void) -> RoundRules {
        var rules = RoundRules()
        edit(&rules)
        return rules
    }

    private func refusal(_ style: RoundStyle, _ edit: (inout RoundRules) -> Void) -> Refusal {
        let rules = rules(edit)
        return Refusal { _ = try rules.checked(for: style) }
    }

    @Test("Given the default rules, when checked for any style, then they are kept as they are", arguments: RoundStyle.allCases)
    func defaultsPass(_ style: RoundStyle) throws {
        #expect(try RoundRules().checked(for: style) == RoundRules())
    }

    @Test("Given a written round, when the percentage is outside 1 to 1000, then it is refused")
    func writtenBounds() {
        #expect(refusal(.written) { $0.writtenPercent = 0 } == .invalid)
        #expect(refusal(.written) { $0.writtenPercent = 1_001 } == .invalid)
        #expect(refusal(.written) { $0.writtenPercent = 1 } == .accepted)
        #expect(refusal(.written) { $0.writtenPercent = 1_000 } == .accepted)
    }

    @Test("Given a question round, when right, wrong or time values are out of bounds, then it is refused", arguments: [
        RoundStyle.compulsory, .buzzer, .playoff,
    ])
    func questionRoundBounds(_ style: RoundStyle) {
        #expect(refusal(style) { $0.rightPoints = -1 } == .invalid)
        #expect(refusal(style) { $0.rightPoints = 10_001 } == .invalid)
        #expect(refusal(style) { $0.rightPoints = 10_000 } == .accepted)
        #expect(refusal(style) { $0.wrongPoints = -1 } == .invalid)
        #expect(refusal(style) { $0.wrongPoints = 10_001 } == .invalid)
        #expect(refusal(style) { $0.wrongPoints = 0 } == .accepted)
        #expect(refusal(style) { $0.timeLimitSeconds = 4 } == .invalid)
        #expect(refusal(style) { $0.timeLimitSeconds = 601 } == .invalid)
        #expect(refusal(style) { $0.timeLimitSeconds = 5 } == .accepted)
        #expect(refusal(style) { $0.timeLimitSeconds = 600 } == .accepted)
    }

    @Test("Given a compulsory round, when right points are 0, then it is allowed; a playoff's are refused")
    func zeroRightPoints() {
        #expect(refusal(.compulsory) { $0.rightPoints = 0 } == .accepted)
        #expect(refusal(.buzzer) { $0.rightPoints = 0 } == .accepted)
        #expect(refusal(.playoff) { $0.rightPoints = 0 } == .invalid)
    }

    @Test("Given a buzzer round, when the foul points are out of bounds, then it is refused; other styles ignore them")
    func foulBounds() {
        #expect(refusal(.buzzer) { $0.foulPoints = -1 } == .invalid)
        #expect(refusal(.buzzer) { $0.foulPoints = 10_001 } == .invalid)
        #expect(refusal(.buzzer) { $0.foulPoints = 0 } == .accepted)
        #expect(refusal(.compulsory) { $0.foulPoints = -1 } == .accepted)
        #expect(refusal(.playoff) { $0.foulPoints = -1 } == .accepted)
    }

    @Test("Given a risk round, when the stakes are too few, too many, out of range or repeated, then it is refused")
    func riskBounds() {
        #expect(refusal(.risk) { $0.stakes = [] } == .invalid)
        #expect(refusal(.risk) { $0.stakes = [1, 2, 3, 4, 5, 6] } == .invalid)
        #expect(refusal(.risk) { $0.stakes = [1, 2, 3, 4, 5] } == .accepted)
        #expect(refusal(.risk) { $0.stakes = [0, 10] } == .invalid)
        #expect(refusal(.risk) { $0.stakes = [-10, 10] } == .invalid)
        #expect(refusal(.risk) { $0.stakes = [10, 10_001] } == .invalid)
        #expect(refusal(.risk) { $0.stakes = [10, 10_000] } == .accepted)
        #expect(refusal(.risk) { $0.stakes = [10, 20, 10] } == .invalid)
        #expect(refusal(.risk) { $0.timeLimitSeconds = 4 } == .invalid)
        #expect(refusal(.risk) { $0.timeLimitSeconds = 601 } == .invalid)
    }

    @Test("Given a judged round, when dropped or the scale's top is out of bounds, then it is refused")
    func judgedBounds() {
        #expect(refusal(.judged) { $0.dropped = -1 } == .invalid)
        #expect(refusal(.judged) { $0.dropped = 4 } == .invalid)
        #expect(refusal(.judged) { $0.dropped = 3 } == .accepted)
        #expect(refusal(.judged) { $0.maxMark = 0 } == .invalid)
        #expect(refusal(.judged) { $0.maxMark = 101 } == .invalid)
        #expect(refusal(.judged) { $0.maxMark = 1 } == .accepted)
    }

    @Test("Given a risk round's stakes out of order, when checked, then they are kept ascending")
    func stakesSorted() throws {
        #expect(try rules { $0.stakes = [30, 5, 15] }.checked(for: .risk).stakes == [5, 15, 30])
    }

    @Test("Given parameters a style does not read, when checked, then they are reset to the defaults")
    func unrelatedReset() throws {
        let messy = rules {
            $0.rightPoints = 25; $0.wrongPoints = 5; $0.foulPoints = 9; $0.timeLimitSeconds = 45
            $0.stakes = [40, 50]; $0.dropped = 2; $0.maxMark = 10; $0.writtenPercent = 60
        }
        #expect(try messy.checked(for: .written) == rules { $0.writtenPercent = 60 })
        #expect(try messy.checked(for: .compulsory) == rules { $0.rightPoints = 25; $0.wrongPoints = 5; $0.timeLimitSeconds = 45 })
        #expect(try messy.checked(for: .playoff) == rules { $0.rightPoints = 25; $0.wrongPoints = 5; $0.timeLimitSeconds = 45 })
        #expect(try messy.checked(for: .buzzer) == rules {
            $0.rightPoints = 25; $0.wrongPoints = 5; $0.timeLimitSeconds = 45; $0.foulPoints = 9
        })
        #expect(try messy.checked(for: .risk) == rules { $0.stakes = [40, 50]; $0.timeLimitSeconds = 45 })
        #expect(try messy.checked(for: .judged) == rules { $0.dropped = 2; $0.maxMark = 10 })
    }

    @Test("Given two rounds of one style differing only in unread parameters, when checked, then they compare equal")
    func sameStyleSameRules() throws {
        let a = rules { $0.stakes = [1]; $0.writtenPercent = 7 }
        let b = rules { $0.dropped = 0; $0.maxMark = 50 }
        #expect(try a.checked(for: .compulsory) == b.checked(for: .compulsory))
        #expect(try a.checked(for: .compulsory).checked(for: .compulsory) == a.checked(for: .compulsory))
    }

    @Test("Given an out-of-bounds value a style does not read, when checked, then it is not refused but reset")
    func unreadOutOfBoundsIgnored() throws {
        let wild = rules { $0.writtenPercent = -5; $0.stakes = []; $0.dropped = 99; $0.maxMark = -1 }
        #expect(try wild.checked(for: .buzzer) == RoundRules())
        #expect(Refusal { _ = try wild.checked(for: .written) } == .invalid)
    }
}
