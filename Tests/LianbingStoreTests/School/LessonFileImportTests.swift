import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

/// The images and PDFs beside a lesson are stored with its revision: new bytes make a new revision, the old one keeps
/// its files, and nothing the validator would refuse gets in through the store.
@Suite("Lesson files")
struct LessonFileImportTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
    static let otherPNG = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 4, 5, 6])
    static let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
    static let lesson = LessonImportTests.lesson("A", body: "## 讲解\n![图](图/1.png)\n## 情景\n[附件](附件.pdf)\n## 工作要求\n丙")

    @Test func filesAreStoredWithTheRevisionThatRefersToThem() async throws {
        let fixture = try await Fixture.make()
        let trainer = try await fixture.trainer()
        let files = ["A": [LessonFile(name: "图/1.png", data: Self.png), LessonFile(name: "附件.pdf", data: Self.pdf)]]
        #expect(try await fixture.db.importLessons([Self.lesson], files: files, by: trainer).added == 1)
        #expect(try await fixture.db.lessonFile("A", name: "图/1.png") == StoredLessonFile(name: "图/1.png", kind: .png, data: Self.png, revision: 1))
        #expect(try await fixture.db.lessonFile("A", name: "附件.pdf").kind == .pdf)
        #expect(try await fixture.db.importLessons([Self.lesson], files: files, by: trainer).unchanged == 1)

        // Only the image's bytes change: a new revision; the PDF's content is stored once for both.
        let changed = ["A": [LessonFile(name: "图/1.png", data: Self.otherPNG), LessonFile(name: "附件.pdf", data: Self.pdf)]]
        #expect(try await fixture.db.importLessons([Self.lesson], files: changed, dryRun: true, by: trainer).changed == 1)
        #expect(try await fixture.db.importLessons([Self.lesson], files: changed, by: trainer).changed == 1)
        #expect(try await fixture.db.lessonFile("A", name: "图/1.png").data == Self.otherPNG)
        #expect(try await fixture.db.lessonFile("A", name: "图/1.png", revision: 1).data == Self.png)
        #expect(try await fixture.db.count("lessonFileContent") == 3)
        // Dropping a file is a change too.
        #expect(try await fixture.db.importLessons([Self.lesson], by: trainer).changed == 1)
        await expectError(.notFound) { try await fixture.db.lessonFile("A", name: "图/1.png") }

        await expectError(.notFound) { try await fixture.db.lessonFile("A", name: "无.png", revision: 2) }
        await expectError(.notFound) { try await fixture.db.lessonFile("B", name: "图/1.png") }
        await expectError(.invalid) { try await fixture.db.lessonFile("A", name: "图/1.png", revision: 0) }
        // A lesson taken out of use shows none of its files.
        var retired = Self.lesson
        retired.status = .retired
        _ = try await fixture.db.importLessons([retired], files: files, by: trainer)
        await expectError(.notFound) { try await fixture.db.lessonFile("A", name: "图/1.png", revision: 2) }
    }

    @Test func badFilesAreRefusedByName() async throws {
        let fixture = try await Fixture.make()
        let trainer = try await fixture.trainer()
        func refusal(_ files: [String: [LessonFile]]) async -> String? {
            await expectError(.invalid) { try await fixture.db.importLessons([Self.lesson], files: files, by: trainer) }?.message
        }
        #expect(await refusal(["A": [LessonFile(name: "图/1.png", data: Self.pdf)]]) == "微课 A 的文件 图/1.png：内容不是扩展名所说的PNG 图片")
        let big = Self.pdf + Data(count: LessonFile.maxBytes)
        #expect(await refusal(["A": [LessonFile(name: "附件.pdf", data: big)]])?.contains("超过 10 MB") == true)
        #expect(await refusal(["A": [LessonFile(name: "../1.png", data: Self.png)]])?.contains("文件名无效") == true)
        #expect(await refusal(["A": [LessonFile(name: "图.svg", data: Data("<svg/>".utf8))]])?.contains("SVG") == true)
        #expect(await refusal(["A": [LessonFile(name: "1.png", data: Self.png), LessonFile(name: "1.png", data: Self.png)]])?.contains("重复") == true)
        #expect(await refusal(["B": [LessonFile(name: "1.png", data: Self.png)]])?.contains("B") == true)
        #expect(try await fixture.db.lessons().isEmpty)
    }
}
