import Foundation
import GRDB
import LianbingCore
@testable import LianbingStore
import Testing

@Suite("Importing the question bank")
struct BankImportTests {
    static func single(_ id: String, stem: String = "按照行动计划，服务中心（站）至少多长时间组织一次工作人员业务培训？", difficulty: Int = 2, point: String = "队伍建设/学习培训形式") -> Question {
        Question(
            id: id, kind: .singleChoice, stem: stem + " " + id, options: ["每季度", "每半年", "每年", "每两年"], answer: .choices([1]),
            explanation: "第19项。", knowledgePoints: [point], difficulty: difficulty, source: "粤退役军人发〔2023〕22号 二（五）19")
    }

    static func located(_ questions: [Question], file: String = "bank.txt") -> QuestionImport {
        QuestionImport(questions: questions.enumerated().map { LocatedQuestion(question: $0.element, file: file, line: $0.offset * 12 + 1) })
    }

    static let bank = [
        single("Q1"), single("Q2", stem: "行动计划要求开展什么活动推动学习日常化常态化？", difficulty: 3),
        Question(
            id: "Q3", kind: .trueFalse, stem: "退役军人和其他优抚对象比例原则上不少于三分之一。", answer: .trueFalse(true),
            knowledgePoints: ["队伍建设/人员配备"], difficulty: 1, source: "粤退役军人发〔2023〕22号 二（五）17", usage: .exam),
        Question(
            id: "Q4", kind: .fillBlank, stem: "退役军人和其他优抚对象比例原则上不少于____。", answer: .blanks([["三分之一", "1/3"]]),
            knowledgePoints: ["队伍建设/人员配备"], difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）17", usage: .practice),
    ]

    @Test("Given a new bank, when imported, then bank revision 1 holds every question at revision 1")
    func firstImport() async throws {
        let fixture = try await Fixture.make()
        let result = try await fixture.db.importQuestions(Self.located(Self.bank), note: "QuestionBank", by: try await fixture.op())
        #expect(result.bankRevision == 1 && result.added == 4 && result.changed == 0)
        #expect(try await fixture.db.currentBankRevision() == 1)
        let (listing, revisions) = try await fixture.db.question("Q3", for: try await fixture.op())
        #expect(listing.question == Self.bank[2] && revisions == [1])
    }

    @Test("Given an unchanged bank, when re-imported, then nothing changes and no revision is made")
    func unchangedReimport() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        _ = try await fixture.db.importQuestions(Self.located(Self.bank), note: "a", by: op)
        let before = try await fixture.db.fullSnapshot()
        let again = try await fixture.db.importQuestions(Self.located(Self.bank), note: "b", by: op)
        #expect(again.bankRevision == nil && again.unchanged == 4)
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    @Test("Given one changed question, when re-imported, then it gets revision 2 in bank revision 2 and revision 1 stays")
    func changedQuestionKeepsItsHistory() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        _ = try await fixture.db.importQuestions(Self.located(Self.bank), note: "a", by: op)
        var edited = Self.bank
        edited[0].explanation = "行动计划第19项要求每半年至少组织一次。"
        let result = try await fixture.db.importQuestions(Self.located(edited), note: "b", by: op)
        #expect(result.bankRevision == 2 && result.changed == 1 && result.unchanged == 3)
        let current = try await fixture.db.question("Q1", for: op)
        #expect(current.listing.revision == 2 && current.listing.bankRevision == 2 && current.revisions == [2, 1])
        #expect(current.listing.question == edited[0])
        let old = try await fixture.db.question("Q1", revision: 1, for: op)
        #expect(old.listing.question == Self.bank[0])
    }

    @Test("Given invalid questions, when imported, then every problem is reported with its line and nothing is written")
    func invalidImportWritesNothing() async throws {
        let fixture = try await Fixture.make()
        var bad = Self.bank
        bad[1].answer = .choices([7])
        bad[2].source = ""
        bad.append(Self.bank[0])
        let before = try await fixture.db.fullSnapshot()
        let error = await #expect(throws: LianbingError.self) {
            try await fixture.db.importQuestions(Self.located(bad), note: "bad", by: try await fixture.op())
        }
        guard case .importRejected(let failure) = error else { Issue.record("expected importRejected"); return }
        #expect(Set(failure.issues.map(\.line)).isSuperset(of: [13, 25, 49]))
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    @Test("Given unsupported foreign questions, then the import is refused unless they are skipped, and skipped ones are named")
    func unsupportedQuestions() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        var read = Self.located(Self.bank, file: "quiz.gift")
        read.unsupported = [UnsupportedQuestion(file: "quiz.gift", line: 40, name: "配对题一", type: "matching")]
        await #expect(throws: LianbingError.self) { try await fixture.db.importQuestions(read, note: "quiz", by: op) }
        #expect(try await fixture.db.currentBankRevision() == 0)
        let result = try await fixture.db.importQuestions(read, note: "quiz", skipUnsupported: true, by: op)
        #expect(result.added == 4 && result.skipped.map(\.name) == ["配对题一"])
    }

    @Test("Given a dry run, then counts are reported and nothing is written")
    func dryRun() async throws {
        let fixture = try await Fixture.make()
        let before = try await fixture.db.fullSnapshot()
        let result = try await fixture.db.importQuestions(Self.located(Self.bank), note: "dry", dryRun: true, by: try await fixture.op())
        #expect(result.added == 4 && result.bankRevision == nil)
        #expect(try await fixture.db.fullSnapshot() == before)
    }

    @Test("Filters narrow the listing by knowledge point (with sub-points), type, difficulty, usage and text; staff may not browse")
    func filters() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        _ = try await fixture.db.importQuestions(Self.located(Self.bank), note: "a", by: op)
        func ids(_ filter: QuestionFilter) async throws -> [String] {
            try await fixture.db.questions(filter, for: op).items.map(\.question.id)
        }
        #expect(try await ids(QuestionFilter(knowledgePoint: "队伍建设")) == ["Q1", "Q2", "Q3", "Q4"])
        #expect(try await ids(QuestionFilter(knowledgePoint: "队伍建设/人员配备")) == ["Q3", "Q4"])
        #expect(try await ids(QuestionFilter(knowledgePoint: "队伍")) == [])
        #expect(try await ids(QuestionFilter(kind: .fillBlank)) == ["Q4"])
        #expect(try await ids(QuestionFilter(difficulty: 3)) == ["Q2"])
        #expect(try await ids(QuestionFilter(usage: .exam)) == ["Q3"])
        #expect(try await ids(QuestionFilter(text: "学习日")) == ["Q2"])
        await #expect(throws: LianbingError.self) { try await fixture.db.questions(QuestionFilter(), for: try await fixture.staffUser()) }
        let coverage = try await fixture.db.bankCoverage(for: op)
        #expect(coverage.active == 4 && coverage.byKind[.singleChoice] == 2)
    }
}
