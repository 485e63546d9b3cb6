import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: rounds, their questions and papers, and the contest's status")
struct ContestRoundTests {
    @Test("Given bank questions, when a live round lists them, then they are fixed in order at the revision current then")
    func liveRoundPinsRevisions() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let contest = try await fixture.createContest()
        let plan = try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(["TRUEFALSE-1", "SINGLE-2"]), by: admin)
        #expect(plan.round.number == 1 && plan.round.style == .compulsory && plan.round.questionCount == 2 && plan.examId == nil)
        #expect(plan.questionIds == ["TRUEFALSE-1", "SINGLE-2"])
        #expect(plan.round.rules.rightPoints == 10 && plan.round.rules.wrongPoints == 5)
        let pinned = try await fixture.db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT questionId, revision FROM contestQuestion WHERE contestId = ? ORDER BY number", arguments: [contest.id])
                .map { "\($0["questionId"] as String)@\($0["revision"] as Int)" }
        }
        #expect(pinned == ["TRUEFALSE-1@1", "SINGLE-2@1"])

        // The bank moves on; the contest keeps showing the question as it was listed.
        var edited = ExamBank.question("TRUEFALSE-1", .trueFalse)
        edited.stem = "判断题 TRUEFALSE-1（修订）：每季度至少组织一次业务培训。"
        _ = try await fixture.db.importQuestions(
            QuestionImport(questions: [LocatedQuestion(question: edited, file: "edit.txt", line: 1)]), note: "edit", by: try await fixture.op())
        let current = try await fixture.db.reader.read { db in try Int.fetchOne(db, sql: "SELECT currentRevision FROM question WHERE id = 'TRUEFALSE-1'") }
        #expect(current == 2)
        let shown = try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: admin)
        #expect(shown.stem == ExamBank.question("TRUEFALSE-1", .trueFalse).stem)
        #expect(try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(["TRUEFALSE-1"]), by: admin).round.number == 2)
        let second = try await fixture.db.contestQuestion(contest.id, round: 2, number: 1, by: admin)
        #expect(second.stem == edited.stem, "a round listed later takes the revision current then")
    }

    @Test("Given a live round listing a question the bank lacks, or none at all, then it is refused and nothing is stored")
    func liveRoundNeedsBankQuestions() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let contest = try await fixture.createContest()
        await expectError(.notFound) { try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(["SINGLE-1", "NO-SUCH-Q"]), by: admin) }
        await expectError(.invalid) { try await fixture.db.addContestRound(contest.id, ContestRounds.buzzer([]), by: admin) }
        await expectError(.invalid) { try await fixture.db.addContestRound(contest.id, RoundDraft(style: .compulsory, questionIds: ["SINGLE-1"], examId: 1), by: admin) }
        await expectError(.forbidden) { try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(), by: try await fixture.trainer()) }
        #expect(try await fixture.db.count("contestRound") == 0)
        #expect(try await fixture.db.count("contestQuestion") == 0)
    }

    @Test("Given a written round, then its exam must lie in the contest's subtree and not certify, and it lists no questions of its own")
    func writtenRoundNeedsAFittingExam() async throws {
        let fixture = try await Fixture.forContests()
        let county = try await fixture.countyAdmin()
        let province = try await fixture.provinceAdmin()
        let contest = try await fixture.createContest()

        var certifying = ExamBank.draft(fixture.clock)
        certifying.certifies = true
        let certifyingExam = try await fixture.publishedExam(certifying)
        var cityDraft = ExamBank.draft(fixture.clock)
        cityDraft.unitCode = Code.guangzhou
        let cityExam = try await fixture.publishedExam(cityDraft)
        let exam = try await fixture.publishedExam()

        let error = await expectError(.invalid) { try await fixture.db.addContestRound(contest.id, ContestRounds.written(exam: certifyingExam.id), by: county) }
        #expect(error?.message.contains("持证") == true)
        await expectError(.notFound) { try await fixture.db.addContestRound(contest.id, ContestRounds.written(exam: cityExam.id), by: county) }
        await expectError(.invalid) { try await fixture.db.addContestRound(contest.id, ContestRounds.written(exam: cityExam.id), by: province) }
        await expectError(.notFound) { try await fixture.db.addContestRound(contest.id, ContestRounds.written(exam: 999), by: county) }
        await expectError(.invalid) { try await fixture.db.addContestRound(contest.id, RoundDraft(style: .written), by: county) }
        await expectError(.invalid) {
            try await fixture.db.addContestRound(contest.id, RoundDraft(style: .written, questionIds: ["SINGLE-1"], examId: exam.id), by: county)
        }
        #expect(try await fixture.db.count("contestRound") == 0)

        let plan = try await fixture.db.addContestRound(contest.id, ContestRounds.written(exam: exam.id), by: county)
        #expect(plan.round.style == .written && plan.examId == exam.id && plan.questionIds.isEmpty)
    }

    @Test("Given a contest without teams or rounds, then it cannot start; with both it runs, and no round may be added after")
    func startNeedsTeamsAndRounds() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let contest = try await fixture.createContest()
        await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, .running, by: admin) }
        try await fixture.enterIndividuals(["TH0001"], in: contest)
        await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, .running, by: admin) }

        let roundsOnly = try await fixture.createContest("只有轮次")
        _ = try await fixture.db.addContestRound(roundsOnly.id, ContestRounds.compulsory(), by: admin)
        await expectError(.conflict) { try await fixture.db.setContestStatus(roundsOnly.id, .running, by: admin) }

        _ = try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(), by: admin)
        #expect(try await fixture.db.setContestStatus(contest.id, .running, by: admin).status == .running)
        await expectError(.conflict) { try await fixture.db.addContestRound(contest.id, ContestRounds.buzzer(), by: admin) }
        #expect(try await fixture.db.contest(contest.id, by: admin).rounds.count == 1)
    }

    @Test("Given the status, then it moves only preparing → running → finished, and only at an administrator's hand")
    func statusTransitions() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let contest = try await fixture.createContest()
        try await fixture.enterIndividuals(["TH0001"], in: contest)
        _ = try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(), by: admin)

        await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, .finished, by: admin) }
        await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, .preparing, by: admin) }
        await expectError(.forbidden) { try await fixture.db.setContestStatus(contest.id, .running, by: try await fixture.trainer()) }
        #expect(try await fixture.db.setContestStatus(contest.id, .running, by: admin).status == .running)
        await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, .running, by: admin) }
        await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, .preparing, by: admin) }
        #expect(try await fixture.db.setContestStatus(contest.id, .finished, by: admin).status == .finished)
        for status in ContestStatus.allCases {
            await expectError(.conflict) { try await fixture.db.setContestStatus(contest.id, status, by: admin) }
        }
        #expect(try await fixture.db.auditEntries().filter { $0.action == "contest.status" }.count == 2)
    }
}
