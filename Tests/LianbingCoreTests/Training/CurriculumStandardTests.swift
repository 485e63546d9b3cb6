import Foundation
import LianbingCore
import Testing

@Suite("Training: curriculum standards, versions and gaps")
struct CurriculumStandardTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    static func version(_ number: Int, from: String, hours: Double = 8, topics: [String] = ["权益维护", "接访"]) -> CurriculumStandard {
        CurriculumStandard(post: Post.receptionist, level: .village, version: number, hours: hours, topics: topics, effectiveFrom: day(from))
    }

    static let y2025 = TrainingCycle.calendarYear(2025)!
    static let y2026 = TrainingCycle.calendarYear(2026)!

    @Test("Given versions, then a cycle is judged by the version in force on its last day; a later cycle's version never reaches back")
    func standardInForce() {
        let first = Self.version(1, from: "2025-03-01", hours: 8)
        let raised = Self.version(2, from: "2026-05-10", hours: 12)
        let versions = [first, raised]
        #expect(Curriculum.standardInForce(versions, cycle: Self.y2025) == first)
        // Set during 2026: it applies to the whole of 2026, and not to 2025.
        #expect(Curriculum.standardInForce(versions, cycle: Self.y2026) == raised)
        // Nothing in force before the first version takes effect.
        #expect(Curriculum.standardInForce(versions, cycle: TrainingCycle.calendarYear(2024)!) == nil)
        // A version taking effect on the day after the cycle's last day belongs to the next cycle.
        let nextYear = Self.version(3, from: "2027-01-01", hours: 20)
        #expect(Curriculum.standardInForce(versions + [nextYear], cycle: Self.y2026) == raised)
        // Taking effect on the cycle's very last day, it judges that cycle.
        let lastDay = Self.version(4, from: "2026-12-31", hours: 4)
        #expect(Curriculum.standardInForce(versions + [lastDay], cycle: Self.y2026) == lastDay)
        // Order of the array does not matter.
        #expect(Curriculum.standardInForce([raised, first], cycle: Self.y2025) == first)
    }

    @Test("Given two versions, then the later effective date wins over the higher number, and on the same date the higher number wins")
    func ordering() {
        let scheduled = Self.version(2, from: "2026-09-01", hours: 10)
        let setLaterButEarlierDate = Self.version(3, from: "2026-05-01", hours: 6)
        #expect(Curriculum.standardInForce([scheduled, setLaterButEarlierDate], cycle: Self.y2026) == scheduled)
        #expect(Curriculum.standardInForce([scheduled, setLaterButEarlierDate], on: Self.day("2026-06-01")) == setLaterButEarlierDate)
        let correction = Self.version(4, from: "2026-09-01", hours: 9)
        #expect(Curriculum.standardInForce([scheduled, correction, setLaterButEarlierDate], cycle: Self.y2026) == correction)
    }

    @Test("Given a withdrawal (no hours, no topics), then from its date there is no standard, and earlier cycles keep theirs")
    func withdrawal() {
        let first = Self.version(1, from: "2025-01-01")
        let withdrawn = Self.version(2, from: "2026-02-01", hours: 0, topics: [])
        #expect(withdrawn.isWithdrawal && !first.isWithdrawal)
        #expect(Curriculum.standardInForce([first, withdrawn], cycle: Self.y2026) == nil)
        #expect(Curriculum.standardInForce([first, withdrawn], cycle: Self.y2025) == first)
        // Hours only, or topics only, are real standards.
        #expect(!Self.version(3, from: "2026-03-01", hours: 0, topics: ["接访"]).isWithdrawal)
    }

    @Test("Given attended hours and topics, then the gap names the missing hours and the topics not met, a topic met by anything under it")
    func gap() {
        let standard = Self.version(1, from: "2026-01-01", hours: 8, topics: ["权益维护", "接访", "政策法规/优抚"])
        let none = Curriculum.gap(standard, attendedHours: 0, attendedTopics: [])
        #expect(none == CurriculumGap(missingHours: 8, missingTopics: ["权益维护", "接访", "政策法规/优抚"]) && !none.isMet)
        // `权益维护/优待证` meets 权益维护; the broader 政策法规 does not meet 政策法规/优抚; 接访员 is not 接访.
        let partial = Curriculum.gap(standard, attendedHours: 5.5, attendedTopics: ["权益维护/优待证", "政策法规", "接访员"])
        #expect(partial == CurriculumGap(missingHours: 2.5, missingTopics: ["接访", "政策法规/优抚"]))
        #expect(Curriculum.missingTopics(standard, attendedTopics: ["接访"]) == ["权益维护", "政策法规/优抚"])
        #expect(Curriculum.missingHours(standard, attendedHours: 7.999) == 0 && Curriculum.missingHours(standard, attendedHours: 9) == 0)
        let met = Curriculum.gap(standard, attendedHours: 12, attendedTopics: Set(["权益维护", "接访/来访登记", "政策法规/优抚"]))
        #expect(met.isMet && met.missingHours == 0)
        // Sums that fall a hair short through floating point still meet the hours.
        let hoursOnly = Self.version(2, from: "2026-01-01", hours: 0.3, topics: [])
        #expect(Curriculum.gap(hoursOnly, attendedHours: 0.1 + 0.2 - 1e-12, attendedTopics: []).isMet)
        #expect(!Curriculum.gap(hoursOnly, attendedHours: 0.29, attendedTopics: []).isMet)
        #expect(Curriculum.gap(hoursOnly, attendedHours: .nan, attendedTopics: []).missingHours == 0.3)
    }

    @Test("Given stored session topics, then `|a|b|` strings concatenated read back as a set")
    func topicsInBars() {
        #expect(Curriculum.topics(inBars: "|权益维护|接访||接访|政策法规/优抚|") == ["权益维护", "接访", "政策法规/优抚"])
        #expect(Curriculum.topics(inBars: nil).isEmpty && Curriculum.topics(inBars: "").isEmpty)
    }

    @Test("Given hours and topics from outside, then they are bounded and cleaned before a version is stored")
    func validation() throws {
        let cleaned = try CurriculumStandard.validated(hours: 8, topics: [" 权益维护 ", "", "接访", "权益维护"])
        #expect(cleaned.hours == 8 && cleaned.topics == ["权益维护", "接访"])
        for hours in [-1, 500.5, .infinity, .nan] {
            #expect(throws: LianbingError.invalid("学时须为 0 到 500 之间的数")) { try CurriculumStandard.validated(hours: hours, topics: []) }
        }
        #expect(throws: LianbingError.self) { try CurriculumStandard.validated(hours: 1, topics: (1...21).map { "专题\($0)" }) }
        #expect(throws: LianbingError.self) { try CurriculumStandard.validated(hours: 1, topics: ["a|b"]) }
        #expect(throws: LianbingError.self) { try CurriculumStandard.validated(hours: 1, topics: [String(repeating: "长", count: 65)]) }
        #expect(try CurriculumStandard.validated(hours: 500, topics: (1...20).map { "专题\($0)" }).topics.count == 20)
    }

    @Test("Given an expert as entered, then it is trimmed and its limits checked")
    func expertDraftValidation() throws {
        let draft = ExpertDraft(unitCode: " 4401 ", name: " 王五 ", category: .university, specialties: ["政策法规", " ", "政策法规", "优抚"], staffNumber: " ")
        let valid = try draft.validated()
        #expect(valid.unitCode == "4401" && valid.name == "王五" && valid.specialties == ["政策法规", "优抚"] && valid.staffNumber == nil)
        #expect(throws: LianbingError.self) { try ExpertDraft(unitCode: "4401", name: " ", category: .industry).validated() }
        #expect(throws: LianbingError.self) {
            try ExpertDraft(unitCode: "4401", name: "甲", category: .industry, specialties: (1...21).map { "k\($0)" }).validated()
        }
        #expect(throws: LianbingError.self) {
            try ExpertDraft(unitCode: "4401", name: "甲", category: .industry, affiliation: String(repeating: "长", count: 101)).validated()
        }
    }
}
