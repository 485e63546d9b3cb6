import LianbingCore
import Testing

@Suite("Recognition: 持证上岗 per post")
struct PostComplianceTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static let requirement = PostRequirement(post: Post.director, qualificationIds: [1, 2], graceDays: 30)

    @Test("Given a holder with any accepted qualification, then they are certified whatever the dates")
    func certified() {
        let holder = PostHolder(postSince: Self.day("2026-03-01"))
        #expect(PostCompliance.standing(of: holder, requirement: Self.requirement, on: Self.day("2030-01-01"), held: [2]) == .certified)
        #expect(PostCompliance.standing(of: PostHolder(), requirement: Self.requirement, on: Self.day("2030-01-01"), held: [1, 7]) == .certified)
        // A qualification the post does not accept does not count.
        #expect(PostCompliance.standing(of: PostHolder(), requirement: Self.requirement, on: Self.day("2030-01-01"), held: [3]) == .lacking(since: nil))
    }

    @Test("Given 30 days of grace from 1 March, then the holder is in grace through 30 March and lacking from 31 March")
    func graceFromPostSince() {
        let holder = PostHolder(postSince: Self.day("2026-03-01"), hireDate: Self.day("2010-01-01"))
        #expect(PostCompliance.standing(of: holder, requirement: Self.requirement, on: Self.day("2026-03-01"), held: []) == .inGrace(until: Self.day("2026-03-30")))
        #expect(PostCompliance.standing(of: holder, requirement: Self.requirement, on: Self.day("2026-03-30"), held: []) == .inGrace(until: Self.day("2026-03-30")))
        #expect(PostCompliance.standing(of: holder, requirement: Self.requirement, on: Self.day("2026-03-31"), held: []) == .lacking(since: Self.day("2026-03-31")))
    }

    @Test("Given no date of taking up the post, then the hire date starts the grace; with neither, no grace is left")
    func graceFromHireDate() {
        let hired = PostHolder(hireDate: Self.day("2026-02-20"))
        #expect(PostCompliance.standing(of: hired, requirement: Self.requirement, on: Self.day("2026-03-01"), held: []) == .inGrace(until: Self.day("2026-03-21")))
        #expect(PostCompliance.standing(of: hired, requirement: Self.requirement, on: Self.day("2026-03-22"), held: []) == .lacking(since: Self.day("2026-03-22")))
        #expect(PostCompliance.standing(of: PostHolder(), requirement: Self.requirement, on: Self.day("2026-03-01"), held: []) == .lacking(since: nil))
    }

    @Test("Given no grace days, then a newcomer lacks a certificate from their first day in the post")
    func noGrace() {
        var requirement = Self.requirement
        requirement.graceDays = 0
        let holder = PostHolder(postSince: Self.day("2026-03-01"))
        #expect(PostCompliance.standing(of: holder, requirement: requirement, on: Self.day("2026-03-01"), held: []) == .lacking(since: Self.day("2026-03-01")))
        // Taking up the post in the future (a planned change): still in grace, which ends the day before.
        #expect(PostCompliance.standing(of: holder, requirement: requirement, on: Self.day("2026-02-01"), held: []) == .inGrace(until: Self.day("2026-02-28")))
    }

    @Test("Given standings, then the share is the certified among all holders, those in grace included; nil for nobody")
    func share() {
        let counts = PostCompliance.counts([.certified, .certified, .inGrace(until: Self.day("2026-03-30")), .lacking(since: nil)])
        #expect(counts == PostComplianceCounts(holders: 4, certified: 2, inGrace: 1, lacking: 1))
        #expect(counts.share == 0.5)
        #expect(PostComplianceCounts().share == nil)
        #expect(PostComplianceStanding.certified.label == "已持证" && PostComplianceStanding.lacking(since: nil).label == "逾期未取得")
    }

    @Test("Given qualification ids, then they are stored as |1|2| and read back, ignoring anything else")
    func bars() {
        #expect(PostCompliance.bars([1, 2]) == "|1|2|")
        #expect(PostCompliance.unbars("|1|2|") == [1, 2])
        #expect(PostCompliance.unbars("|x||3|") == [3])
        #expect(PostCompliance.bars([]) == "")
    }
}
