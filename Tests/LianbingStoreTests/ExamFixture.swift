import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A small bank and blueprint over the fixture tree: every paper holds one question of each type from
/// `队伍建设`, 12 points in all; candidates are the three active staff of 天河区 (TH0001–TH0003).
enum ExamBank {
    static let source = "粤退役军人发〔2023〕22号 二（五）19"

    static func question(_ id: String, _ kind: QuestionKind, usage: QuestionUsage = .both, difficulty: Int = 3) -> Question {
        let point = "队伍建设/学习培训"
        switch kind {
        case .singleChoice:
            return Question(
                id: id, kind: kind, stem: "单选题 \(id)：服务中心（站）多久组织一次业务培训？", options: ["每季度", "每半年", "每年", "每两年"],
                answer: .choices([1]), explanation: "解析 \(id)：每半年。", knowledgePoints: [point], difficulty: difficulty, source: source, usage: usage)
        case .multipleChoice:
            return Question(
                id: id, kind: kind, stem: "多选题 \(id)：下列哪些属于培训形式？", options: ["学习日", "微课", "打牌", "网校"],
                answer: .choices([0, 1, 3]), explanation: "解析 \(id)。", knowledgePoints: [point], difficulty: difficulty, source: source, usage: usage)
        case .trueFalse:
            return Question(
                id: id, kind: kind, stem: "判断题 \(id)：每半年至少组织一次业务培训。", answer: .trueFalse(true), explanation: "解析 \(id)。",
                knowledgePoints: [point], difficulty: difficulty, source: source, usage: usage)
        case .fillBlank:
            return Question(
                id: id, kind: kind, stem: "填空题 \(id)：每____至少组织一次业务培训。", answer: .blanks([["半年", "六个月"]]), explanation: "解析 \(id)。",
                knowledgePoints: [point], difficulty: difficulty, source: source, usage: usage)
        case .shortAnswer:
            return Question(
                id: id, kind: kind, stem: "简答题 \(id)：简述常态化培训的要求。", answer: .shortAnswer(reference: "每半年至少一次。", points: ["频次", "形式"]),
                explanation: "解析 \(id)。", knowledgePoints: [point], difficulty: difficulty, source: source, usage: usage)
        }
    }

    /// Two of each type for papers (usage both), plus one practice-only and one exam-only single choice.
    static let questions: [Question] = QuestionKind.allCases.flatMap { kind in
        (1...2).map { question("\(kind.rawValue.uppercased())-\($0)", kind) }
    } + [question("PRACTICE-ONLY", .singleChoice, usage: .practice), question("EXAM-ONLY", .singleChoice, usage: .exam)]

    static let blueprint = Blueprint(
        title: "测试考核", purpose: .assessment,
        sections: [
            BlueprintSection(kind: .singleChoice, pointsPerQuestion: 2), BlueprintSection(kind: .multipleChoice, pointsPerQuestion: 3),
            BlueprintSection(kind: .trueFalse, pointsPerQuestion: 1), BlueprintSection(kind: .fillBlank, pointsPerQuestion: 2),
            BlueprintSection(kind: .shortAnswer, pointsPerQuestion: 4),
        ],
        cells: QuestionKind.allCases.map { BlueprintCell(knowledgePoint: "队伍建设", kind: $0, difficulty: 1...5, count: 1) },
        totalPoints: 12, targetDifficulty: 3, difficultyTolerance: 0.5)

    static func draft(_ clock: TestClock, blueprint: Blueprint = blueprint, review: ReviewPolicy = ReviewPolicy(content: .keys, timing: .afterRelease),
                      multipleChoice: MultipleChoicePolicy = .allOrNothing) -> ExamDraft {
        ExamDraft(
            title: "2026年第四季度集中考核", blueprint: blueprint, blueprintText: "（测试）", unitCode: Code.tianhe, opensAt: clock.now,
            closesAt: clock.now.addingTimeInterval(7_200), durationMinutes: 30, passMark: 6, review: review, multipleChoice: multipleChoice,
            reviewRequestDays: 7, seed: 42)
    }
}

extension Fixture {
    /// The fixture with the exam bank imported and staff accounts for TH0001 and TH0002 (TH0003 is `staff`).
    static func withExamBank() async throws -> Fixture {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        _ = try await fixture.db.importQuestions(
            QuestionImport(questions: ExamBank.questions.map { LocatedQuestion(question: $0, file: "bank.txt", line: 1) }), note: "exam bank", by: op)
        for (username, staff) in [("th1", Roster.tianheDirector), ("th2", Roster.shipaiReceptionist)] {
            try await fixture.db.createAccount(
                NewAccount(username: username, role: .staff, unitCode: staff.unitCode, staffNumber: staff.number, password: Fixture.password), by: op)
        }
        return fixture
    }

    /// A published exam over the exam bank.
    func publishedExam(_ draft: ExamDraft? = nil) async throws -> Exam {
        let exam = try await db.createExam(draft ?? ExamBank.draft(clock), by: try await trainer())
        return try await db.publishExam(exam.id, by: try await trainer())
    }

    /// Answers every question of an attempt right (`right`) or wrong, in shown positions.
    func answerAll(_ view: AttemptView, right: Bool, by principal: Principal) async throws {
        for item in view.items where item.kind != .shortAnswer {
            try await db.saveAnswer(attempt: view.id, position: item.position, response: try response(to: item, of: view, right: right), by: principal)
        }
        if let short = view.items.first(where: { $0.kind == .shortAnswer }) {
            try await db.saveAnswer(attempt: view.id, position: short.position, response: .text("每半年至少组织一次"), by: principal)
        }
    }

    /// The right (or a wrong) response to an item, in the positions this candidate was shown, read from the paper.
    func response(to item: AttemptItem, of view: AttemptView, right: Bool) async throws -> Response {
        let paper = try await db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper() }
        let paperItem = paper.items[item.position]
        let question = ExamBank.questions.first { $0.id == paperItem.questionId }!
        switch question.answer {
        case .choices(let key):
            let shown = key.map { paperItem.optionOrder.firstIndex(of: $0)! }.sorted()
            return .choices(right ? shown : [paperItem.optionOrder.firstIndex(of: 2)!])
        case .trueFalse(let value): return .trueFalse(right ? value : !value)
        case .blanks: return .blanks([right ? "六 个 月" : "一年"])
        case .shortAnswer: return .text("答")
        }
    }
}
