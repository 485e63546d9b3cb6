import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite struct LessonTextTests {
    static let good = """
        编号: WK-T1
        标题: 测试微课
        知识点: 队伍建设/学习培训形式; 队伍建设/常态化培训
        时长: 6
        层级: 县;镇
        出处: 粤退役军人发〔2023〕22号 二（五）19
        状态: 启用

        ## 讲解
        正文。
        ## 情景
        案例。
        ## 工作要求
        1. 要求。
        """

    static func read(_ text: String, in folder: URL? = nil) -> Result<(lesson: Lesson, files: [LessonFile]), ImportFailure> {
        let file = (folder ?? FileManager.default.temporaryDirectory).appendingPathComponent("lesson.md").path
        return LessonText.read(Data(text.utf8), file: file)
    }

    @Test func readsTheHeaderAndBody() throws {
        let lesson = try Self.read(Self.good).get().lesson
        #expect(lesson.id == "WK-T1" && lesson.title == "测试微课" && lesson.minutes == 6)
        #expect(lesson.knowledgePoints == ["队伍建设/学习培训形式", "队伍建设/常态化培训"])
        #expect(lesson.levels == [.county, .town] && lesson.posts.isEmpty && lesson.status == .active)
        #expect(lesson.body.hasPrefix("## 讲解\n正文。"))
    }

    @Test func namesTheLineOfEachProblem() {
        let broken = Self.good.replacingOccurrences(of: "时长: 6", with: "时长: 六").replacingOccurrences(of: "层级: 县;镇", with: "层级: 县;州")
            .replacingOccurrences(of: "状态: 启用", with: "颜色: 红")
        guard case .failure(let failure) = Self.read(broken) else { Issue.record("accepted"); return }
        #expect(failure.issues.map(\.line) == [4, 5, 7])
        #expect(failure.issues[0].reason.contains("时长") && failure.issues[1].reason.contains("州") && failure.issues[2].reason.contains("颜色"))

        guard case .failure(let sections) = Self.read(Self.good.replacingOccurrences(of: "## 情景\n", with: "")) else { Issue.record("accepted"); return }
        #expect(sections.issues.first?.reason.contains("三节") == true)
        guard case .failure(let missing) = Self.read(Self.good.replacingOccurrences(of: "出处: 粤退役军人发〔2023〕22号 二（五）19\n", with: "")) else {
            Issue.record("accepted")
            return
        }
        #expect(missing.issues.map(\.reason).contains("缺少“出处”"))
    }

    @Test func aMissingLocalFileOrARemoteImageFailsWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.png.write(to: folder.appendingPathComponent("在的.png"))
        let text = Self.good + "\n\n![在](在的.png)\n\n见 [附件](缺的.pdf)\n\n![远](https://example.com/a.png) [上级](../x.md)"
        guard case .failure(let failure) = Self.read(text, in: folder) else { Issue.record("accepted"); return }
        #expect(failure.issues.map(\.line) == [18, 20, 20])
        #expect(failure.issues[0].reason == "引用的文件不存在：缺的.pdf")
        #expect(failure.issues[1...].contains { $0.reason.contains("其他服务器") } && failure.issues[1...].contains { $0.reason.contains("所在文件夹") })
        #expect(failure.issues[0].file.hasSuffix("lesson.md"))
    }

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 24))
    static let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("图"), withIntermediateDirectories: true)
        return folder
    }

    @Test func theImagesAndPDFsBesideALessonAreReadWithIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.png.write(to: folder.appendingPathComponent("图/一.png"))
        try Self.pdf.write(to: folder.appendingPathComponent("附件.pdf"))
        // The same file three ways, a link to another site, a media link, an anchor: two files, read once each.
        let text = Self.good + "\n\n![一](图/一.png) ![又](./图/%E4%B8%80.png) [附件](附件.pdf) [图](图/../图/一.png)\n\n[网站](https://example.com) [视频](media:wk-t1_a.mp4) [上](#讲解)"
        let read = try Self.read(text, in: folder).get()
        #expect(read.files == [LessonFile(name: "图/一.png", data: Self.png), LessonFile(name: "附件.pdf", data: Self.pdf)])
    }

    @Test func badFilesAndMediaNamesAreRefusedWithTheirLines() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<html>".utf8).write(to: folder.appendingPathComponent("假的.png"))
        try Data("<svg onload=alert(1)/>".utf8).write(to: folder.appendingPathComponent("图.svg"))
        try Self.pdf.write(to: folder.appendingPathComponent("附件.pdf"))
        // Over the limit by one byte; sparse, so the test writes nothing much.
        let big = folder.appendingPathComponent("大.png")
        FileManager.default.createFile(atPath: big.path, contents: Self.png)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(LessonFile.maxBytes + 1))
        try handle.close()
        let text = Self.good + """


            ![假](假的.png)

            ![矢量](图.svg)

            ![文档](附件.pdf)

            ![大](大.png)

            [视频](media:../etc/passwd.mp4) [音频](media:讲解.mp3) [可以](media:ok.m4a)

            ![视频](media:ok.mp4)
            """
        guard case .failure(let failure) = Self.read(text, in: folder) else { Issue.record("accepted"); return }
        #expect(failure.issues.map(\.line) == [16, 18, 20, 22, 24, 24, 26])
        let reasons = failure.issues.map(\.reason)
        #expect(reasons[0] == "文件 假的.png：内容不是扩展名所说的PNG 图片")
        #expect(reasons[1].contains("SVG") && reasons[1].hasSuffix("：图.svg"))
        #expect(reasons[2] == "图片只能是 PNG、JPEG、GIF 或 WebP：附件.pdf")
        #expect(reasons[3].hasPrefix("文件 大.png：超过 10 MB"))
        #expect(reasons[4...5].allSatisfy { $0.hasPrefix(LessonMedia.rule) })
        #expect(reasons[6].contains("不能写成图片"))
    }
}
