import Testing

@testable import LianbingCore

/// The ranking as a pure function over loaded candidates: minimum requirements list rather than rank, the documented
/// tie order in both directions, one list or places shared by units, and the weights each line counted with.
@Suite struct SelectionRankingTests {
    static let day = CivilDate("2026-06-30")!

    static func rules(_ criteria: [WeightedCriterion], places: Int, sharing: SelectionQuota.Sharing = .total, minimums: SelectionMinimums = .init())
        -> SelectionRules
    {
        SelectionRules(
            award: "优秀接访员", posts: ["接访员"], from: CivilDate("2026-01-01")!, through: day, criteria: criteria, normalisation: .minMax,
            missing: .rescale, minimums: minimums, quota: SelectionQuota(places: places, sharing: sharing))
    }

    static func candidate(_ number: String, unit: String = "A", _ raw: [Double?], ratings: Int = 5, certified: Bool = true, covered: Bool = true)
        -> SelectionCandidate
    {
        SelectionCandidate(
            number: number, name: "候选\(number)", unitCode: unit, unitName: "单位\(unit)", quotaUnit: unit, quotaUnitName: "单位\(unit)", raw: raw,
            ratingCount: ratings, hasValidCertificate: certified, trainingCovered: covered)
    }

    @Test func thoseWhoFailARequirementAreListedWithTheReasonNotRanked() throws {
        let rules = Self.rules(
            [WeightedCriterion(.assessment, weight: 1)], places: 2,
            minimums: SelectionMinimums(validCertificate: true, trainingCovered: true, minimumRatings: 3))
        let outcome = try SelectionRanking.compute(
            rules,
            candidates: [
                Self.candidate("003", [100], ratings: 1, certified: false), Self.candidate("001", [50]), Self.candidate("002", [70], covered: false),
                Self.candidate("004", [10]),
            ])
        #expect(outcome.lines.map(\.candidate.number) == ["001", "004", "002", "003"])
        #expect(outcome.lines.map(\.rank) == [1, 2, nil, nil])
        #expect(outcome.lines.map(\.selected) == [true, true, false, false])
        #expect(outcome.lines[2].failures == ["本培训周期漏训业务培训"])
        #expect(outcome.lines[3].failures == ["没有有效的岗位练兵考核合格证书", "点名评价 1 条，少于 3 条"])
        // The scale is the eligible population's: 003's 100 is the top of min–max, so 001's 50 is 44.4.
        #expect(abs(outcome.lines[0].composite! - 40.0 / 90 * 100) < 1e-9)
    }

    /// Equal composites: more criteria with data first, then the heavier criterion, then the staff number —
    /// each rule checked with the candidates given in both orders.
    @Test func tiesFollowTheDocumentedOrderInBothDirections() throws {
        let criteria = [WeightedCriterion(.assessment, weight: 1), WeightedCriterion(.satisfaction, weight: 3)]
        let rules = Self.rules(criteria, places: 1)
        // 001 and 002 both composite 50 after min–max with rescale; 002 has both criteria, 001 only one.
        let evidence = [Self.candidate("001", [nil, 50]), Self.candidate("002", [50, 50]), Self.candidate("003", [0, 0]), Self.candidate("004", [100, 100])]
        for order in [evidence, evidence.reversed()] {
            let lines = try SelectionRanking.compute(rules, candidates: order).lines
            #expect(lines.map(\.candidate.number) == ["004", "002", "001", "003"])
        }
        // Equal composites and evidence: the higher value on the heavier criterion first. Weights 1 and 2: 010 scores
        // (100 + 2 × 0) ÷ 3 and 011 (0 + 2 × 50) ÷ 3, the same sum in floating point too.
        let heavierRules = Self.rules([WeightedCriterion(.assessment, weight: 1), WeightedCriterion(.satisfaction, weight: 2)], places: 1)
        let heavier = [Self.candidate("010", [100, 0]), Self.candidate("011", [0, 50]), Self.candidate("012", [0, 0]), Self.candidate("013", [100, 100])]
        for order in [heavier, heavier.reversed()] {
            let lines = try SelectionRanking.compute(heavierRules, candidates: order).lines
            #expect(lines[1].composite == lines[2].composite)
            #expect(lines.map(\.candidate.number) == ["013", "011", "010", "012"])
        }
        // Fully equal: the lower staff number.
        let same = [Self.candidate("021", [10, 10]), Self.candidate("020", [10, 10]), Self.candidate("022", [0, 0])]
        for order in [same, same.reversed()] {
            #expect(try SelectionRanking.compute(rules, candidates: order).lines.map(\.candidate.number) == ["020", "021", "022"])
        }
    }

    @Test func aLineShowsTheWeightsItCountedWith() throws {
        let rules = Self.rules([WeightedCriterion(.assessment, weight: 30), WeightedCriterion(.contest, weight: 10)], places: 1)
        let lines = try SelectionRanking.compute(rules, candidates: [Self.candidate("001", [80, nil]), Self.candidate("002", [60, 40])]).lines
        let first = try #require(lines.first { $0.candidate.number == "001" })
        let second = try #require(lines.first { $0.candidate.number == "002" })
        #expect(first.effectiveWeights == [100, 0])
        #expect(second.effectiveWeights == [75, 25])
    }

    /// Places per unit by Sainte-Laguë on eligible candidates: A 5 eligible, B 3, C 1 (who fails a requirement) share
    /// 3 places. Quotients: A 5, B 3, C 1 → A; A 5/3, B 3 → B; A 1.67, B 1, C 1 → A. C's one candidate could not
    /// take a place anyway.
    @Test func placesAreSharedByUnitAndFilledByRank() throws {
        let rules = Self.rules([WeightedCriterion(.assessment, weight: 1)], places: 3, sharing: .county)
        var candidates = (1...5).map { Self.candidate("A\($0)", unit: "A", [Double($0)]) }
        candidates += (1...3).map { Self.candidate("B\($0)", unit: "B", [Double($0) * 10]) }
        candidates.append(Self.candidate("C1", unit: "C", [100], certified: false))
        var strict = rules
        strict.minimums.validCertificate = true
        let outcome = try SelectionRanking.compute(strict, candidates: candidates)
        #expect(outcome.shares.map(\.places) == [2, 1, 0])
        #expect(outcome.shares.map(\.eligible) == [5, 3, 1])
        #expect(outcome.shares.map(\.qualified) == [5, 3, 0])
        #expect(Set(outcome.lines.filter(\.selected).map(\.candidate.number)) == ["A5", "A4", "B3"])
        #expect(outcome.placesGiven == 3)
    }

    @Test func rulesAreCheckedBeforeTheyAreStored() throws {
        let good = Self.rules([WeightedCriterion(.assessment, weight: 10)], places: 3)
        #expect(try good.validated(selectionLevel: .county).posts == ["接访员"])
        var bad = good
        bad.criteria = [WeightedCriterion(.assessment, weight: 0)]
        #expect(throws: LianbingError.self) { try bad.validated(selectionLevel: .county) }
        bad = good
        bad.criteria = [WeightedCriterion(.assessment, weight: 5), WeightedCriterion(.assessment, weight: 5)]
        #expect(throws: LianbingError.self) { try bad.validated(selectionLevel: .county) }
        bad = good
        bad.quota.places = 0
        #expect(throws: LianbingError.self) { try bad.validated(selectionLevel: .county) }
        bad = good
        bad.quota.sharing = .county
        // A county cannot share places between counties.
        #expect(throws: LianbingError.self) { try bad.validated(selectionLevel: .county) }
        #expect(throws: Never.self) { try bad.validated(selectionLevel: .city) }
        bad = good
        bad.from = CivilDate("2027-01-01")!
        #expect(throws: LianbingError.self) { try bad.validated(selectionLevel: .county) }
        bad = good
        bad.posts = ["  "]
        #expect(throws: LianbingError.self) { try bad.validated(selectionLevel: .county) }
    }

    /// 2026-12-04 is a Friday: five working days run to Thursday 10 December; from a Saturday, to Friday.
    @Test func theNoticePeriodCountsWorkingDays() {
        #expect(NoticePeriod.lastDay(from: CivilDate("2026-12-04")!, workingDays: 5) == CivilDate("2026-12-10"))
        #expect(NoticePeriod.lastDay(from: CivilDate("2026-12-05")!, workingDays: 5) == CivilDate("2026-12-11"))
        #expect(NoticePeriod.lastDay(from: CivilDate("2026-12-07")!, workingDays: 1) == CivilDate("2026-12-07"))
        #expect(!NoticePeriod.isWorkingDay(CivilDate("2026-12-06")!))
    }
}
