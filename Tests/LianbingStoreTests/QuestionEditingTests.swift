import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Questions saved from the question form: owned where their author stands, changed only within scope, each save a
/// revision with its author and reason, checked by the validator `bank validate` runs.
@Suite("Question editing")
struct QuestionEditingTests {
    @Test("Given a trainer of a city, when they create and edit a question, then it is theirs and each save is a revision with author and reason")
    func createAndEditAsRevisions() async throws {
        let fixture = try await Fixture.withExamBank()
        let trainer = try await fixture.trainer()
        var question = ExamBank.question("GZ-1", .trueFalse)
        #expect(try await fixture.db.saveQuestion(question, basedOn: nil, reason: "新增本市题目", by: trainer) == 1)
        question.answer = .trueFalse(false)
        #expect(try await fixture.db.saveQuestion(question, basedOn: 1, reason: "更正答案", by: trainer) == 2)

        let history = try await fixture.db.questionHistory("GZ-1", for: trainer)
        #expect(history.ownerName == Tree.guangzhou.name && history.mayChange)
        #expect(history.revisions.map(\.revision) == [2, 1] && history.revisions.map(\.reason) == ["更正答案", "新增本市题目"])
        #expect(history.revisions.allSatisfy { $0.author == trainer.auditName && $0.source == "browser" })
        #expect(history.revisions[0].question.answer == .trueFalse(false))
        #expect(try await fixture.db.question("GZ-1", revision: 1, for: trainer).listing.question.answer == .trueFalse(true))
        #expect(try await fixture.db.auditEntries().filter { $0.subject == "试题 GZ-1" }.map(\.action).sorted() == ["bank.create", "bank.edit"])

        await expectError(.conflict) { try await fixture.db.saveQuestion(question, basedOn: nil, reason: "重复", by: trainer) }
        question.explanation = "改"
        await expectError(.conflict) { try await fixture.db.saveQuestion(question, basedOn: 1, reason: "过期的版本", by: trainer) }
        await expectError(.invalid) { try await fixture.db.saveQuestion(question, basedOn: 2, reason: "  ", by: trainer) }
        await expectError(.invalid) {
            try await fixture.db.saveQuestion(question, basedOn: 2, reason: String(repeating: "长", count: 201), by: trainer)
        }
    }

    @Test("Given owners, then the province's bank is changed only by the province, a city's by the city and above, never by its counties")
    func scopeOfChanges() async throws {
        let fixture = try await Fixture.withExamBank()
        let trainer = try await fixture.trainer()
        var shipped = ExamBank.questions[0]
        shipped.explanation = "城市培训师的修改"
        await expectError(.forbidden) { try await fixture.db.saveQuestion(shipped, basedOn: 1, reason: "越权", by: trainer) }
        await expectError(.forbidden) { try await fixture.db.setQuestionStatus(shipped.id, to: .retired, reason: "越权", by: trainer) }
        #expect(try await fixture.db.questionHistory(shipped.id, for: trainer).mayChange == false)
        #expect(try await fixture.db.saveQuestion(shipped, basedOn: 1, reason: "省级修改", by: try await fixture.provinceAdmin()) == 2)

        var city = ExamBank.question("GZ-2", .singleChoice)
        try await fixture.db.saveQuestion(city, basedOn: nil, reason: "新增", by: trainer)
        city.explanation = "县级修改"
        await expectError(.forbidden) { try await fixture.db.saveQuestion(city, basedOn: 1, reason: "越权", by: try await fixture.countyAdmin()) }
        await expectError(.forbidden) { try await fixture.db.saveQuestion(city, basedOn: 1, reason: "员工", by: try await fixture.staffUser()) }
        #expect(try await fixture.db.saveQuestion(city, basedOn: 1, reason: "省级修改", by: try await fixture.provinceAdmin()) == 2)
        // A county administrator's new question belongs to the county.
        try await fixture.db.saveQuestion(ExamBank.question("TH-1", .trueFalse), basedOn: nil, reason: "新增", by: try await fixture.countyAdmin())
        #expect(try await fixture.db.questionHistory("TH-1", for: trainer).ownerName == Tree.tianhe.name)
    }

    @Test("Given questions owned by a city, then papers of its counties draw them and papers of another city's counties do not")
    func poolByOwner() async throws {
        let fixture = try await Fixture.withExamBank()
        try await fixture.db.saveQuestion(ExamBank.question("GZ-3", .trueFalse), basedOn: nil, reason: "新增", by: try await fixture.trainer())
        let ids = { (unit: String?) in
            try await fixture.db.reader.read { db in
                try AppDatabase.pool(db, bankRevision: AppDatabase.currentBankRevision(db), drawnBy: unit).map(\.id)
            }
        }
        for unit in [Code.tianhe, Code.huashi, Code.guangzhou, nil] { #expect(try await ids(unit).contains("GZ-3")) }
        for unit in [Code.wujiang, Code.shaoguan, Code.province] { #expect(try await !ids(unit).contains("GZ-3")) }
        #expect(try await ids(Code.wujiang).contains(ExamBank.questions[0].id))

        // Before an exam exists, its feasibility and preview use the bank the caller's own unit draws from.
        let drafted = { (principal: Principal) in
            try await fixture.db.reader.read { db in
                try AppDatabase.draftPool(
                    for: ExamBank.blueprint, now: Date(), drawnBy: try AppDatabase.scopeUnit(of: principal, db).code, db
                ).map(\.id)
            }
        }
        #expect(try await drafted(try await fixture.trainer()).contains("GZ-3"))
        #expect(try await !drafted(try await fixture.provinceAdmin()).contains("GZ-3"))
    }

    @Test("Given a question, when it is retired and restored, then each is a revision with its reason and the pool follows")
    func retireAndRestore() async throws {
        let fixture = try await Fixture.withExamBank()
        let admin = try await fixture.provinceAdmin()
        let id = ExamBank.questions[0].id
        let inPool = {
            try await fixture.db.reader.read { db in try AppDatabase.pool(db, bankRevision: AppDatabase.currentBankRevision(db), only: id).count }
        }
        #expect(try await fixture.db.setQuestionStatus(id, to: .retired, reason: "表述过时", by: admin) == 2)
        #expect(try await inPool() == 0)
        #expect(try await fixture.db.setQuestionStatus(id, to: .active, reason: "已核实", by: admin) == 3)
        #expect(try await inPool() == 1)
        #expect(try await fixture.db.questionHistory(id, for: admin).revisions.map(\.question.status) == [.active, .retired, .active])
    }

    @Test("Given a bad question, then saving it is refused with exactly the reasons the validator gives to bank validate")
    func validationMessages() async throws {
        let fixture = try await Fixture.withExamBank()
        var bad = ExamBank.question("BAD-1", .singleChoice)
        bad.options = ["甲", "乙"]
        bad.answer = .choices([0, 1])
        bad.source = ""
        let expected = BankValidator.validate([LocatedQuestion(question: bad, file: "bad.txt", line: 1)]).errors.map(\.reason)
        #expect(expected.count == 3)
        let error = await expectError(.importRejected) { try await fixture.db.saveQuestion(bad, basedOn: nil, reason: "新增", by: try await fixture.trainer()) }
        guard case .importRejected(let failure) = error else { Issue.record("not an import rejection: \(String(describing: error))"); return }
        #expect(failure.issues.map(\.reason) == expected)
    }

    @Test("Given a corrected key saved in the form, when regraded, then the candidate's score changes with an audit entry; a trainer out of scope may not")
    func regradeAfterEdit() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        let paper = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper() }
        let position = try #require(paper.items.firstIndex { item in ExamBank.questions.first { $0.id == item.questionId }?.kind == .trueFalse })
        let tf = paper.items[position]
        let score = {
            try await fixture.db.reader.read { db in
                try Double.fetchOne(db, sql: "SELECT score FROM attemptAnswer WHERE attemptId = ? AND position = ?", arguments: [view.id, position])
            }
        }
        #expect(try await score() == tf.points)
        var corrected = ExamBank.questions.first { $0.id == tf.questionId }!
        corrected.answer = .trueFalse(false)
        let admin = try await fixture.provinceAdmin()
        try await fixture.db.saveQuestion(corrected, basedOn: 1, reason: "答案有误", by: admin)
        await expectError(.forbidden) { try await fixture.db.regrade(question: tf.questionId, by: try await fixture.trainer()) }
        #expect(try await fixture.db.regrade(question: tf.questionId, by: admin) == 1)
        #expect(try await score() == 0)
        #expect(try await fixture.db.auditEntries().contains { $0.action == "exam.regrade" && $0.subject == "试题 \(tf.questionId)" })
    }
}
