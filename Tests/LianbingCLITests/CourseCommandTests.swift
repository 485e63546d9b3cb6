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

    /// A lesson with an image and a PDF beside it, in a folder of its own: both are imported with it; bytes that are not
    /// what the extension says, or a file over the limit, are named by `validate` and stop the import.
    @Test func theFilesBesideALessonAreImportedWithItAndBadOnesStopTheImport() async throws {
        let org = directory.appendingPathComponent("org.csv")
        try Data("编码,名称,层级,上级编码\n44,广东省,省,\n".utf8).write(to: org)
        try await run(["init", "--org", org.path, "--admin", "root"])
        let folder = directory.appendingPathComponent("课件")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shipped = try String(contentsOfFile: Self.courseware + "/行动计划/19-网校微课与学习日.md", encoding: .utf8)
        let lesson = shipped.replacingOccurrences(of: "## 情景", with: "![流程图](流程图.png)\n\n[通知原文](通知.pdf) [讲解视频](media:wk-dw19.mp4)\n\n## 情景")
        try lesson.write(to: folder.appendingPathComponent("19.md"), atomically: true, encoding: .utf8)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let pdf = Data("%PDF-1.7\n%%EOF\n".utf8)
        try png.write(to: folder.appendingPathComponent("流程图.png"))
        try pdf.write(to: folder.appendingPathComponent("通知.pdf"))

        try await Lianbing.execute(["course", "validate", folder.path, "--bank", Self.bank])
        try await run(["course", "import", folder.path, "--bank", Self.bank])
        let store = try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4))
        #expect(try await store.lessonFile("WK-DW19", name: "流程图.png").data == png)
        #expect(try await store.lessonFile("WK-DW19", name: "通知.pdf").kind == .pdf)

        // A text file named .png, then a PDF one byte over the limit: each named with the lesson's file and line.
        try Data("不是图片".utf8).write(to: folder.appendingPathComponent("流程图.png"))
        let line = lesson.components(separatedBy: "\n").firstIndex { $0.hasPrefix("![流程图]") }! + 1
        let bad = try CourseCommand.check(folder.path, bank: Self.bank).issues
        #expect(bad.map(\.description) == [ImportIssue(file: folder.path + "/19.md", line: line, reason: "文件 流程图.png：内容不是扩展名所说的PNG 图片").description])
        await #expect(throws: ExitCode.self) { try await run(["course", "import", folder.path, "--bank", Self.bank]) }
        try png.write(to: folder.appendingPathComponent("流程图.png"))
        try (pdf + Data(count: LessonFile.maxBytes)).write(to: folder.appendingPathComponent("通知.pdf"))
        let big = try CourseCommand.check(folder.path, bank: Self.bank).issues
        #expect(big.count == 1 && big[0].line == line + 2 && big[0].reason.hasPrefix("文件 通知.pdf：超过 10 MB"))
        await #expect(throws: ExitCode.self) { try await Lianbing.execute(["course", "validate", folder.path, "--bank", Self.bank]) }
        #expect(try await store.lesson("WK-DW19").revision == 1)
        try? FileManager.default.removeItem(at: directory)
    }
}
