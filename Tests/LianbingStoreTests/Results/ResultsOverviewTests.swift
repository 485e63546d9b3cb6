import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// 成绩总览 on exams written straight into the fixture tree, so every figure is known: who counts as expected,
/// participating, scored and passed; that rates come from counts; that months follow the China date exams open on;
/// and scope both ways — an exam organised above a county counts only the county's candidates there, and nothing
/// outside a caller's subtree can be asked for.
@Suite("Results overview")
struct ResultsOverviewTests {
    /// A candidacy: excused, or with an attempt in some state and score (out of `max`), or neither (absent).
    struct Candidacy {
        var staff: Staff
        var excused = false
        var attempt: (state: AttemptState, score: Double?)? = nil
    }

    /// Writes an exam with its candidates and attempts as the exam services would have left them.
    static func exam(
        _ fixture: Fixture, _ title: String, unit: String, opens: String, passMark: Double = 60, max: Double = 100, status: ExamStatus = .released,
        _ candidacies: [Candidacy]
    ) async throws -> Int64 {
        try await fixture.db.writer.write { db in
            let opensAt = ChinaTime.parse(opens)!
            var record = ExamRecord(
                id: nil, title: title, blueprintText: "（测试）", blueprint: try AppDatabase.json(ExamBank.blueprint), blueprintVersion: "v",
                bankRevision: nil, seed: 1, frozenCandidates: candidacies.count, unitCode: unit, posts: "", opensAt: opensAt,
                closesAt: opensAt.addingTimeInterval(7_200), durationSeconds: 3_600, passMark: passMark, certifies: false,
                reviewContent: ReviewPolicy.Content.keys.rawValue, reviewTiming: ReviewPolicy.Timing.afterRelease.rawValue,
                multipleChoice: try AppDatabase.json(MultipleChoicePolicy.allOrNothing), reviewRequestDays: 7, status: status.rawValue,
                createdBy: "trainer", createdAt: opensAt, publishedAt: opensAt, releasedAt: nil)
            try record.insert(db)
            for (sequence, candidacy) in candidacies.enumerated() {
                try ExamCandidateRecord(
                    examId: record.id!, staffNumber: candidacy.staff.number, sequence: sequence, paper: nil, form: nil,
                    excusedReason: candidacy.excused ? "因公出差" : nil, extraSeconds: 0, closesAt: nil, addedAt: opensAt
                ).insert(db)
                guard let attempt = candidacy.attempt else { continue }
                var row = AttemptRecord(
                    id: nil, examId: record.id, staffNumber: candidacy.staff.number, purpose: PaperPurpose.assessment.rawValue, paper: "{}",
                    startedAt: opensAt, deadline: opensAt.addingTimeInterval(3_600), state: attempt.state.rawValue,
                    submittedAt: attempt.state == .inProgress ? nil : opensAt.addingTimeInterval(1_800), score: attempt.score, maxScore: max,
                    pendingCount: 0, lastSeenAt: opensAt, hiddenCount: 0, hiddenSeconds: 0)
                try row.insert(db)
            }
            return record.id!
        }
    }

    /// 应考, 参考, 有成绩, 通过.
    static func counts(_ tally: ResultTally) -> [Int] { [tally.candidates, tally.participated, tally.scored, tally.passed] }

    /// Four exams over the tree (see each line), the clock on 20 December 2026.
    static func world() async throws -> (fixture: Fixture, province: Int64, county: Int64, wujiang: Int64, draft: Int64) {
        let fixture = try await Fixture.make()
        fixture.clock.advance(by: ChinaTime.parse("2026-12-20 10:00")!.timeIntervalSince(fixture.clock.now))
        // Organised by the province for everyone in post: one pass at the province, in 广州 a fail, a pass exactly at
        // the mark, an excused candidate and one still writing; in 韶关 one absent and one awaiting marking.
        let province = try await exam(
            fixture, "全省集中考核", unit: Code.province, opens: "2026-06-10 09:00",
            [
                Candidacy(staff: Roster.provinceDirector, attempt: (.submitted, 90)),
                Candidacy(staff: Roster.cityDirector, attempt: (.submitted, 50)),
                Candidacy(staff: Roster.tianheDirector, attempt: (.submitted, 60)),
                Candidacy(staff: Roster.shipaiReceptionist, excused: true),
                Candidacy(staff: Roster.huashiInformant, attempt: (.inProgress, nil)),
                Candidacy(staff: Roster.wujiangDirector),
                Candidacy(staff: Roster.xiheWorker, attempt: (.submitted, nil)),
            ])
        // 天河区's own, on 12 points: a full mark and a fail, one of them submitted by the clock. It opens at 00:30 on
        // 1 July in China — still 30 June in UTC — and counts in July.
        let county = try await exam(
            fixture, "天河区业务考试", unit: Code.tianhe, opens: "2026-07-01 00:30", passMark: 6, max: 12,
            [
                Candidacy(staff: Roster.tianheDirector, attempt: (.submitted, 12)),
                Candidacy(staff: Roster.huashiInformant, attempt: (.autoSubmitted, 4)),
            ])
        // 武江区's own: an attempt called off is no participation.
        let wujiang = try await exam(
            fixture, "武江区业务考试", unit: Code.wujiang, opens: "2026-07-20 09:00", [Candidacy(staff: Roster.wujiangDirector, attempt: (.abandoned, nil))])
        let draft = try await exam(
            fixture, "未发布的考试", unit: Code.province, opens: "2026-08-01 09:00", status: .draft, [Candidacy(staff: Roster.provinceDirector)])
        return (fixture, province, county, wujiang, draft)
    }

    @Test("Over a period, each city's subtree is counted: expected, participating, scored, passed, and the mean out of 100")
    func periodByCity() async throws {
        let world = try await Self.world()
        let overview = try await world.fixture.db.resultsOverview(for: try await world.fixture.provinceAdmin())
        #expect(overview.period == (try ResultsPeriod(from: CivilDate("2026-01-01")!, to: CivilDate("2026-12-20")!)))
        #expect(overview.exam == nil && overview.examCount == 3)
        #expect(overview.rows.map(\.unit.code) == [Code.province, Code.guangzhou, Code.shaoguan])
        #expect(overview.rows[0].ownStaffOnly)
        let guangzhou = overview.rows[1].tally
        // 广州: the province exam's three expected (the excused one aside) and 天河区's two.
        #expect(Self.counts(guangzhou) == [5, 5, 4, 2] && guangzhou.scoreSum == 126)
        #expect(abs(guangzhou.meanPercent! - (50 + 60 + 100 + 400.0 / 12) / 4) < 1e-9)
        #expect(overview.rows[1].staff == 4)  // the retired member of staff is not in post
        let shaoguan = overview.rows[2].tally
        #expect(shaoguan == ResultTally(candidates: 3, participated: 1, scored: 0, passed: 0, scoreSum: 0, percentSum: 0))
        #expect(shaoguan.passRate == nil)
        #expect(Self.counts(overview.total.tally) == [9, 7, 5, 3])
        #expect(overview.total.staff == 7)
        #expect(overview.table.columns == ["单位", "在岗人数", "应考人数", "参考人数", "参考率", "通过人数", "通过率", "平均分（百分制）"])
        #expect(overview.table.rows == [
            ["广东省退役军人服务中心（本级）", "1", "1", "1", "100.0%", "1", "100.0%", "90.0"],
            ["广州市退役军人服务中心", "4", "5", "5", "100.0%", "2", "50.0%", "60.8"],
            ["韶关市退役军人服务中心", "2", "3", "1", "33.3%", "0", "—", "—"],
            ["合计", "7", "9", "7", "77.8%", "3", "60.0%", "66.7"],
        ])
        // Months by the China date the exams open: June holds the province's, July 天河区's and 武江区's.
        #expect(overview.months.map(\.month) == (1...12).map { String(format: "2026-%02d", $0) })
        let june = overview.months[5], july = overview.months[6]
        #expect(june.exams == 1 && Self.counts(june.tally) == [6, 5, 3, 2])
        #expect(july.exams == 2 && Self.counts(july.tally) == [3, 2, 2, 1])
        #expect(overview.months.filter { $0.tally.candidates > 0 }.count == 2)
        #expect(overview.monthTable.rows[6] == ["2026-07", "2", "3", "2", "66.7%", "50.0%", "66.7"])
        // A period that ends before July leaves the July exams out.
        let spring = try await world.fixture.db.resultsOverview(
            from: CivilDate("2026-06-01"), to: CivilDate("2026-06-30"), for: try await world.fixture.provinceAdmin())
        #expect(spring.examCount == 1 && spring.total.tally.candidates == 6 && spring.months.count == 1)
    }

    @Test("One centralised exam from a county: counted only inside it, the mean in points, the exams above offered")
    func centralisedExamFromACounty() async throws {
        let world = try await Self.world()
        let county = try await world.fixture.countyAdmin()
        let overview = try await world.fixture.db.resultsOverview(exam: world.province, for: county)
        #expect(overview.period == nil && overview.months.isEmpty && overview.monthTable.rows.isEmpty)
        #expect(overview.exam?.title == "全省集中考核")
        #expect(overview.rows.map(\.unit.code) == [Code.tianhe, Code.shipai, Code.wushan])
        #expect(overview.table.rows == [
            ["天河区退役军人服务中心（本级）", "1", "1", "1", "100.0%", "1", "100.0%", "60.0"],
            ["石牌街道退役军人服务站", "2", "1", "1", "100.0%", "0", "—", "—"],
            ["五山街道退役军人服务站", "0", "0", "0", "—", "0", "—", "—"],
            ["合计", "3", "2", "2", "100.0%", "1", "100.0%", "60.0"],
        ])
        // Offered: the exams organised at the county or above it, latest first; never a draft or another county's.
        #expect(overview.centralisedExams.map(\.id) == [world.county, world.province])
        // From the province, 天河区's exam is not centralised; one level down it is, and the bars there are its own.
        let admin = try await world.fixture.provinceAdmin()
        let tianhe = try await world.fixture.db.resultsOverview(unit: Code.tianhe, exam: world.county, for: admin)
        #expect(Self.counts(tianhe.total.tally) == [2, 2, 2, 1] && tianhe.total.tally.meanScore == 8)
        #expect(tianhe.table.rows.last?.last == "8.0")
        await expectError(.notFound) { try await world.fixture.db.resultsOverview(exam: world.county, for: admin) }
    }

    @Test("Nothing outside the caller's subtree can be asked for, nor can a draft; staff may not look at all")
    func scope() async throws {
        let world = try await Self.world()
        let db = world.fixture.db
        let county = try await world.fixture.countyAdmin()
        await expectError(.notFound) { try await db.resultsOverview(unit: Code.wujiang, for: county) }
        await expectError(.notFound) { try await db.resultsOverview(unit: Code.guangzhou, for: county) }
        await expectError(.notFound) { try await db.resultsOverview(exam: world.wujiang, for: county) }
        await expectError(.notFound) { try await db.resultsOverview(exam: world.draft, for: try await world.fixture.provinceAdmin()) }
        await expectError(.notFound) { try await db.resultsOverview(exam: 987_654, for: county) }
        await expectError(.forbidden) { try await db.resultsOverview(for: try await world.fixture.staffUser()) }
        // Over a period, the county sees its own candidates of every exam and nobody else's.
        let own = try await db.resultsOverview(for: county)
        #expect(own.unit.code == Code.tianhe && own.examCount == 2)
        #expect(Self.counts(own.total.tally) == [4, 4, 3, 2])
        // The trainer of 广州 sees the city; 韶关 is outside.
        let trainer = try await world.fixture.trainer()
        #expect(try await db.resultsOverview(for: trainer).total.tally.candidates == 5)
        await expectError(.notFound) { try await db.resultsOverview(unit: Code.shaoguan, for: trainer) }
        await expectError(.invalid) { try await db.resultsOverview(from: CivilDate("2026-05-01"), to: CivilDate("2026-04-01"), for: county) }
    }

    @Test("Both ways of joining give the same figures: from a few exams' candidates, or from a small subtree's staff")
    func joinOrderDoesNotChangeFigures() async throws {
        let world = try await Self.world()
        let root = try await world.fixture.db.reader.read { db in try UnitRecord.fetchOne(db, key: Code.province)! }
        for exam in [world.province, world.county] as [Int64?] + [nil] {
            let period = try ResultsPeriod(from: CivilDate("2026-01-01")!, to: CivilDate("2026-12-31")!)
            let (fromExams, fromStaff) = try await world.fixture.db.reader.read { db in
                (try AppDatabase.resultLines(root: root, exam: exam, period: period, staffInSubtree: 1_000, db),
                 try AppDatabase.resultLines(root: root, exam: exam, period: period, staffInSubtree: 0, db))
            }
            #expect(!fromExams.isEmpty)
            #expect(fromExams.map { "\($0.child) \($0.exam) \($0.month) \($0.tally)" }.sorted() == fromStaff.map { "\($0.child) \($0.exam) \($0.month) \($0.tally)" }.sorted())
        }
    }
}
