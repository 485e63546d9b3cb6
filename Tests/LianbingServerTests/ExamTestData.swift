import Foundation
import GRDB
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// The shipped bank and blueprint, imported into a demo database, with the demo's exams.
extension TestApp {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedBlueprint() throws -> (Blueprint, String) {
        let url = root.appendingPathComponent("Blueprints/季度集中考核.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return (try BlueprintText.read(text, file: url.path).get(), text)
    }

    static func demoWithExams() async throws -> TestApp {
        let app = try await demoWithBank()
        let (blueprint, text) = try shippedBlueprint()
        try await app.database.installDemoExams(blueprint: blueprint, blueprintText: text)
        return app
    }

    /// The demo with the shipped question bank imported.
    static func demoWithBank(database: AppDatabase? = nil) async throws -> TestApp {
        let app = try await demo(database: database)
        var bank = QuestionImport()
        let folder = root.appendingPathComponent("QuestionBank")
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! where url.pathExtension == "txt" {
            bank.append(try BankText.read(try Data(contentsOf: url), file: url.path).get())
        }
        _ = try await app.database.importQuestions(bank, note: "QuestionBank", by: try await app.database.operatorPrincipal())
        return app
    }

    /// The demo exam open now, in which the `staff` login is a candidate.
    func openDemoExam() async throws -> Exam {
        try await database.exams(by: try await database.operatorPrincipal()).first { $0.phase == .open }!
    }

    /// An exam of a county outside the demo county, with one submitted attempt awaiting marking and one
    /// answered score review, for probes that must be refused.
    func outsideExam(unit: String) async throws -> (exam: Int64, attempt: Int64, staff: String, review: Int64) {
        let op = try await database.operatorPrincipal()
        let (blueprint, text) = try Self.shippedBlueprint()
        let clock = database.clock()
        let staffNumber = try await database.staff(query: nil, unit: unit, page: PageRequest(page: 1, perPage: 1), for: op).items[0].staff.number
        let unitCode = try await database.staffMember(staffNumber, for: op).staff.unitCode
        try await database.createAccount(NewAccount(username: "outsider", role: .staff, unitCode: unitCode, staffNumber: staffNumber, password: "Outsider-Pass-2024"), by: op)
        let draft = ExamDraft(
            title: "外县考试", blueprint: blueprint, blueprintText: text, unitCode: unit, opensAt: clock.addingTimeInterval(-60),
            closesAt: clock.addingTimeInterval(3_600), durationMinutes: 10, passMark: 60, seed: 7)
        let exam = try await database.publishExam(try await database.createExam(draft, by: op).id, by: op)
        let principal = Principal(kind: .account(id: 0, username: "outsider", role: .staff, staffNumber: staffNumber), scope: UnitPath(codes: []))
        let attempt = try await database.startAttempt(exam: exam.id, client: .commandLine, by: principal)
        _ = try await database.submitAttempt(attempt.id, by: principal)
        _ = try await database.closeExam(exam.id, by: op)
        for item in try await database.markingQueue(exam: exam.id, by: op) {
            try await database.markAnswer(attempt: item.attemptId, position: item.position, score: 0, by: op)
        }
        _ = try await database.releaseResults(exam.id, by: op)
        let review = try await database.requestScoreReview(exam: exam.id, reason: "复核", by: principal)
        return (exam.id, attempt.id, staffNumber, review.id)
    }
}

extension AppDatabase {
    /// Every row of the exam tables, to show a refused request changed nothing.
    func examTablesSnapshot() async throws -> [String] {
        try await reader.read { db in
            try ["exam", "examCandidate", "attempt", "attemptAnswer", "attemptVisit", "scoreReview"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
