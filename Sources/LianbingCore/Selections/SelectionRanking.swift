/// Ranks a selection's eligible candidates and gives out its places: a pure function of the rules and the loaded
/// candidates.
///
/// Each criterion is normalised over every eligible candidate (those who fail a minimum requirement included, since
/// the scale is the eligible population's); the composite is the weighted mean of a candidate's normalised values.
/// Ranking is over the candidates who meet every minimum requirement, in this total order:
/// 1. the higher composite;
/// 2. more criteria with data (the better-evidenced of two equal scores);
/// 3. the higher value on the most heavily weighted criterion, then the next (ties of weight in the rules' order);
/// 4. the lower staff number.
/// Places: one list takes the first N; shared places go to each quota unit by `Apportionment` on its eligible
/// candidates (capped at its qualified ones), and each unit's places to its best-ranked.
public enum SelectionRanking {
    public static func compute(_ rules: SelectionRules, candidates: [SelectionCandidate]) throws -> SelectionOutcome {
        let criteria = rules.criteria
        precondition(candidates.allSatisfy { $0.raw.count == criteria.count })
        let raw = criteria.indices.map { index in candidates.map { $0.raw[index] } }
        let (composite, normalised) = CompositeScore.compute(
            raw: raw, weights: criteria.map { Double($0.weight) }, normalisation: rules.normalisation, missing: rules.missing)
        let totalWeight = Double(criteria.reduce(0) { $0 + $1.weight })
        var lines = candidates.indices.map { index -> SelectionOutcome.Line in
            let values = criteria.indices.map { normalised[$0][index] }
            let presentWeight = zip(criteria, values).reduce(0.0) { $0 + ($1.1 == nil ? 0 : Double($1.0.weight)) }
            let weights = zip(criteria, values).map { item, value in
                value == nil || presentWeight == 0 ? 0 : Double(item.weight) / presentWeight * 100
            }
            let failures = candidates[index].failures(rules.minimums)
            return SelectionOutcome.Line(
                candidate: candidates[index], normalised: values, effectiveWeights: totalWeight > 0 ? weights : [],
                composite: failures.isEmpty ? composite[index] : nil, rank: nil, failures: failures, selected: false)
        }
        let byWeight = criteria.indices.sorted { criteria[$0].weight != criteria[$1].weight ? criteria[$0].weight > criteria[$1].weight : $0 < $1 }
        let ranked = lines.indices.filter { lines[$0].failures.isEmpty }.sorted { precedes(lines[$0], lines[$1], byWeight) }
        for (place, index) in ranked.enumerated() { lines[index].rank = place + 1 }

        var groups: [String: [Int]] = [:]
        var names: [String: String] = [:]
        var eligible: [String: Int] = [:]
        for line in lines {
            eligible[line.candidate.quotaUnit, default: 0] += 1
            names[line.candidate.quotaUnit] = line.candidate.quotaUnitName
        }
        for index in ranked { groups[lines[index].candidate.quotaUnit, default: []].append(index) }
        let claims = eligible.keys.sorted().map {
            ApportionmentClaim(unit: $0, eligible: eligible[$0]!, qualified: groups[$0]?.count ?? 0)
        }
        let places: [String: Int]
        if rules.quota.sharing == .total {
            // One list: the first N whoever's unit they are in; the shares only report where they fell.
            var taken: [String: Int] = [:]
            for index in ranked.prefix(rules.quota.places) { taken[lines[index].candidate.quotaUnit, default: 0] += 1 }
            places = taken
        } else {
            places = try Apportionment.apportion(places: rules.quota.places, claims: claims, method: rules.quota.method)
        }
        for (unit, indices) in groups {
            for index in indices.prefix(places[unit] ?? 0) { lines[index].selected = true }
        }
        let order = ranked + lines.indices.filter { !lines[$0].failures.isEmpty }.sorted { lines[$0].candidate.number < lines[$1].candidate.number }
        return SelectionOutcome(
            lines: order.map { lines[$0] },
            shares: claims.map {
                SelectionOutcome.Share(unit: $0.unit, unitName: names[$0.unit] ?? $0.unit, eligible: $0.eligible, qualified: $0.qualified, places: places[$0.unit] ?? 0)
            },
            placesGiven: places.values.reduce(0, +))
    }

    /// The documented order: composite, criteria present, values by weight, staff number.
    static func precedes(_ a: SelectionOutcome.Line, _ b: SelectionOutcome.Line, _ byWeight: [Int]) -> Bool {
        let (x, y) = (a.composite ?? -.infinity, b.composite ?? -.infinity)
        if x != y { return x > y }
        let (presentA, presentB) = (a.normalised.compactMap { $0 }.count, b.normalised.compactMap { $0 }.count)
        if presentA != presentB { return presentA > presentB }
        for index in byWeight {
            let (p, q) = (a.normalised[index] ?? -.infinity, b.normalised[index] ?? -.infinity)
            if p != q { return p > q }
        }
        return a.candidate.number < b.candidate.number
    }
}
