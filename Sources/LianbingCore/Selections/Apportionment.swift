/// One unit's claim on a selection's places: its eligible candidates (the weight) and how many of them qualified (the
/// most places it can take).
public struct ApportionmentClaim: Sendable, Hashable {
    /// The unit's code.
    public var unit: String
    /// Eligible candidates: what the places are shared in proportion to.
    public var eligible: Int
    /// Candidates who met every minimum requirement: a unit never gets more places than it can fill.
    public var qualified: Int

    public init(unit: String, eligible: Int, qualified: Int) {
        self.unit = unit
        self.eligible = eligible
        self.qualified = qualified
    }
}

/// Shares places between units by a divisor method, one place at a time.
///
/// Each next place goes to the unit with the highest quotient `eligible ÷ divisor(places held)` among those that still
/// have a qualified candidate without a place; a unit short of qualified candidates so gives the places it cannot fill
/// back to the others by the same method. Equal quotients are compared exactly (as cross products, never as
/// floating point) and go to the unit with more eligible candidates, then to the lower unit code: a total order, so
/// the result depends only on the claims. Giving places one at a time makes the method house-monotone by construction:
/// the result for N + 1 places is the result for N plus one place.
public enum Apportionment {
    public static let places = 0...10_000
    public static let candidates = 0...1_000_000

    /// Places per unit (every claim's unit present, 0 where none); fewer than `places` in all only when the units
    /// together have fewer qualified candidates.
    public static func apportion(places: Int, claims: [ApportionmentClaim], method: DivisorMethod) throws -> [String: Int] {
        try InputBounds.check(places, in: Self.places, "名额", unit: "个")
        for claim in claims {
            try InputBounds.check(claim.eligible, in: candidates, "\(claim.unit) 的候选人数", unit: "人")
            try InputBounds.check(claim.qualified, in: 0...claim.eligible, "\(claim.unit) 的合格人数", unit: "人")
        }
        guard Set(claims.map(\.unit)).count == claims.count else { throw LianbingError.invalid("同一单位列出了两次") }
        var held = Array(repeating: 0, count: claims.count)
        for _ in 0..<places {
            guard let next = claims.indices.filter({ held[$0] < claims[$0].qualified }).max(by: { precedes($1, $0, claims, held, method) })
            else { break }
            held[next] += 1
        }
        return Dictionary(uniqueKeysWithValues: zip(claims.map(\.unit), held))
    }

    /// Whether unit `a` takes the next place before unit `b`: a higher quotient, then more eligible candidates, then
    /// the lower code.
    static func precedes(_ a: Int, _ b: Int, _ claims: [ApportionmentClaim], _ held: [Int], _ method: DivisorMethod) -> Bool {
        // eligible_a / d_a > eligible_b / d_b  ⇔  eligible_a × d_b > eligible_b × d_a; both below 10¹² here.
        let left = claims[a].eligible * method.divisor(holding: held[b])
        let right = claims[b].eligible * method.divisor(holding: held[a])
        if left != right { return left > right }
        if claims[a].eligible != claims[b].eligible { return claims[a].eligible > claims[b].eligible }
        return claims[a].unit < claims[b].unit
    }
}
