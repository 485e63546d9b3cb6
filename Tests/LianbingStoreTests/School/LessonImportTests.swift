import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

/// Lessons are stored like questions: a changed lesson is a new revision, an unchanged one nothing, and only
/// trainers and administrators import them.
@Suite("Lesson import")
struct LessonImportTests {
    static func lesson(_ id: String, points: [String] = ["队伍建设/学习培训形式"], body: String = "## 讲解\n甲\n## 情景\n乙\n## 工作要求\n丙") -> Lesson {
        Lesson(id: id, title: "微课 \(id)", knowledgePoints: points, minutes: 6, source: "粤退役军人发〔2023〕22号 二（五）19", body: body)
    }

    @Test func revisionsAndReading() async throws {
        let fixture = try await Fixture.make()
        let trainer = try await fixture.trainer()
        let first = try await fixture.db.importLessons([Self.lesson("A"), Self.lesson("B", points: ["权益维护/法律援助"])], by: trainer)
        #expect(first == LessonImportResult(added: 2, changed: 0, unchanged: 0))
        #expect(try await fixture.db.importLessons([Self.lesson("A"), Self.lesson("B", points: ["权益维护/法律援助"])], by: trainer).unchanged == 2)
        let dry = try await fixture.db.importLessons([Self.lesson("A", body: "## 讲解\n改\n## 情景\n乙\n## 工作要求\n丙")], dryRun: true, by: trainer)
        #expect(dry == LessonImportResult(added: 0, changed: 1, unchanged: 0))
        #expect(try await fixture.db.lesson("A").revision == 1)
        _ = try await fixture.db.importLessons([Self.lesson("A", body: "## 讲解\n改\n## 情景\n乙\n## 工作要求\n丙")], by: trainer)
        #expect(try await fixture.db.lesson("A").revision == 2)
        #expect(try await fixture.db.lesson("A", revision: 1).lesson.body.contains("甲"))
        #expect(try await fixture.db.lessons(knowledgePoint: "权益维护").map(\.lesson.id) == ["B"])
        #expect(try await fixture.db.lessons(knowledgePoint: "权益").isEmpty)
        #expect(try await fixture.db.lessons(knowledgePoint: "%").isEmpty)
        await expectError(.notFound) { try await fixture.db.lesson("A", revision: 3) }
        await expectError(.invalid) { try await fixture.db.lesson("A", revision: 0) }
        #expect(try await fixture.db.auditEntries().filter { $0.action == "course.import" }.count == 2)
    }

    @Test func onlyTrainersAndAdministratorsImportAndBadLessonsAreRefusedWhole() async throws {
        let fixture = try await Fixture.make()
        await expectError(.forbidden) { try await fixture.db.importLessons([Self.lesson("A")], by: try await fixture.staffUser()) }
        await expectError(.invalid) { try await fixture.db.importLessons([Self.lesson("A"), Self.lesson("A")], by: try await fixture.op()) }
        await expectError(.invalid) {
            try await fixture.db.importLessons([Self.lesson("A"), Self.lesson("B", body: "没有小节")], by: try await fixture.op())
        }
        #expect(try await fixture.db.lessons().isEmpty)
    }
}
