import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing course …` in-process on a temp-file database, over the shipped `Courseware/` and `QuestionBank/`.
@Suite struct CourseCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-course-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { directory.appendingPathComponent("lianbing.sqlite").path }
    static let courseware = CoursewareContentTests.coursewarePath
    static let bank = QuestionBankContentTests.bankPath

    func run(_ arguments: [String]) async throws {
        try await Lianbing.execute(arguments + ["--db", db, "--bcrypt-cost", "4"])
    }

    @Test func theShippedLessonsImportOnceAndAChangedLessonBecomesItsNextRevision() async throws {
        let org = directory.appendingPathComponent("org.csv")
        try Data("编码,名称,层级,上级编码\n44,广东省,省,\n".utf8).write(to: org)
        try await run(["init", "--org", org.path, "--admin", "root"])
        try await run(["course", "import", Self.courseware, "--bank", Self.bank, "--dry-run"])
        let store = try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4))
        #expect(try await store.lessons().isEmpty)

        try await run(["course", "import", Self.courseware, "--bank", Self.bank])
        let shipped = try await store.lessons()
        #expect(shipped.count == (try CoursewareContentTests.lessons().count))
        #expect(shipped.allSatisfy { $0.revision == 1 })
        // Again: nothing changed, nothing new.
        try await run(["course", "import", Self.courseware, "--bank", Self.bank])
        #expect(try await store.lessons().allSatisfy { $0.revision == 1 })

        // One lesson edited in a copy of the folder.
        let copy = directory.appendingPathComponent("Courseware")
        try FileManager.default.copyItem(atPath: Self.courseware, toPath: copy.path)
        let file = copy.appendingPathComponent("行动计划/19-网校微课与学习日.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "时长: 8", with: "时长: 9").write(to: file, atomically: true, encoding: .utf8)
        try await run(["course", "import", copy.path, "--bank", Self.bank])
        let edited = try await store.lesson("WK-DW19")
        #expect(edited.revision == 2 && edited.currentRevision == 2 && edited.lesson.minutes == 9)
        #expect(try await store.lesson("WK-DW19", revision: 1).lesson.minutes == 8)
        #expect(try await store.lessons(knowledgePoint: "队伍建设").map(\.lesson.id).contains("WK-DW19"))
        try await run(["course", "list", "--knowledge-point", "队伍建设"])
        try await run(["course", "show", "WK-DW19", "--revision", "1"])

        // A broken folder imports nothing.
        try text.replacingOccurrences(of: "## 情景", with: "## 案例").write(to: file, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode.self) { try await run(["course", "import", copy.path, "--bank", Self.bank]) }
        #expect(try await store.lesson("WK-DW19").revision == 2)
        try? FileManager.default.removeItem(at: directory)
    }
}
