import PropertyBased
import Testing

@testable import LianbingCore

/// Places shared between units by a divisor method, checked against tables worked by hand, and house-monotone over
/// random units.
@Suite struct ApportionmentTests {
    /// 230 eligible candidates in four units and 8 places (the textbook case, scaled down a thousandfold).
    /// Quotients by hand —
    ///   d'Hondt (÷1, 2, 3, 4): A 100, 50, 33.3, 25 · B 80, 40, 26.7 · C 30, 15 · D 20
    ///     the 8 highest: 100 A, 80 B, 50 A, 40 B, 33.3 A, 30 C, 26.7 B, 25 A → A 4, B 3, C 1, D 0.
    ///   Sainte-Laguë (÷1, 3, 5): A 100, 33.3, 20 · B 80, 26.7, 16 · C 30, 10 · D 20
    ///     the 8 highest: 100 A, 80 B, 33.3 A, 30 C, 26.7 B, 20 A, 20 D (tie: A has more candidates, so A first), 16 B
    ///     → A 3, B 3, C 1, D 1.
    static let units = [
        ApportionmentClaim(unit: "A", eligible: 100, qualified: 100), ApportionmentClaim(unit: "B", eligible: 80, qualified: 80),
        ApportionmentClaim(unit: "C", eligible: 30, qualified: 30), ApportionmentClaim(unit: "D", eligible: 20, qualified: 20),
    ]

    @Test func dHondtAndSainteLagueAsWorkedByHand() throws {
        #expect(try Apportionment.apportion(places: 8, claims: Self.units, method: .dHondt) == ["A": 4, "B": 3, "C": 1, "D": 0])
        #expect(try Apportionment.apportion(places: 8, claims: Self.units, method: .sainteLague) == ["A": 3, "B": 3, "C": 1, "D": 1])
        // The tie at the seventh place, 20 for A (÷5) and D (÷1), goes to A, the unit with more candidates.
        #expect(try Apportionment.apportion(places: 6, claims: Self.units, method: .sainteLague) == ["A": 3, "B": 2, "C": 1, "D": 0])
        #expect(try Apportionment.apportion(places: 7, claims: Self.units, method: .sainteLague) == ["A": 3, "B": 2, "C": 1, "D": 1])
    }

    @Test func aUnitShortOfQualifiedCandidatesGivesItsPlaceBack() throws {
        var short = Self.units
        short[2].qualified = 0
        // C's place goes to the next quotient by the same method: a three-way tie at 20 (A ÷5, B ÷4, D ÷1) that A, with
        // the most candidates, wins.
        #expect(try Apportionment.apportion(places: 8, claims: short, method: .dHondt) == ["A": 5, "B": 3, "C": 0, "D": 0])
        // Too few qualified in all: every qualified candidate gets a place, and no more.
        let few = [ApportionmentClaim(unit: "A", eligible: 10, qualified: 1), ApportionmentClaim(unit: "B", eligible: 5, qualified: 2)]
        #expect(try Apportionment.apportion(places: 8, claims: few, method: .sainteLague) == ["A": 1, "B": 2])
    }

    @Test func badNumbersAreRefused() {
        #expect(throws: LianbingError.self) { try Apportionment.apportion(places: -1, claims: Self.units, method: .dHondt) }
        #expect(throws: LianbingError.self) { try Apportionment.apportion(places: Int.max, claims: Self.units, method: .dHondt) }
        #expect(throws: LianbingError.self) {
            try Apportionment.apportion(places: 1, claims: [ApportionmentClaim(unit: "A", eligible: Int.max, qualified: 1)], method: .dHondt)
        }
        #expect(throws: LianbingError.self) {
            try Apportionment.apportion(places: 1, claims: [ApportionmentClaim(unit: "A", eligible: 3, qualified: 4)], method: .dHondt)
        }
        #expect(throws: LianbingError.self) { try Apportionment.apportion(places: 1, claims: Self.units + [Self.units[0]], method: .dHondt) }
    }

    /// One to eight units of up to 500 eligible candidates, each with some share of them qualified.
    static let claims = zip(Gen.int(in: 0...500), Gen.int(in: 0...100)).array(of: 1...8).map { pairs in
        pairs.enumerated().map { index, pair in ApportionmentClaim(unit: "U\(index)", eligible: pair.0, qualified: pair.0 * pair.1 / 100) }
    }

    @Test("Given any units, when the total grows by one place, then no unit loses a place (no Alabama paradox)", arguments: DivisorMethod.allCases)
    func houseMonotone(method: DivisorMethod) async {
        await propertyCheck(count: 200, input: Self.claims, Gen.int(in: 0...60)) { claims, places in
            let before = try Apportionment.apportion(places: places, claims: claims, method: method)
            let after = try Apportionment.apportion(places: places + 1, claims: claims, method: method)
            for claim in claims {
                #expect(after[claim.unit]! >= before[claim.unit]!, "\(claim.unit): \(before[claim.unit]!) → \(after[claim.unit]!)")
                #expect(after[claim.unit]! <= claim.qualified)
            }
            let given = after.values.reduce(0, +)
            #expect(given == min(places + 1, claims.map(\.qualified).reduce(0, +)))
        }
    }
}
