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

    static func read(_ text: String, in folder: URL? = nil) -> Result<Lesson, ImportFailure> {
        let file = (folder ?? FileManager.default.temporaryDirectory).appendingPathComponent("lesson.md").path
        return LessonText.read(Data(text.utf8), file: file)
    }

    @Test func readsTheHeaderAndBody() throws {
        let lesson = try Self.read(Self.good).get()
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
        try Data("PNG".utf8).write(to: folder.appendingPathComponent("在的.png"))
        let text = Self.good + "\n\n![在](在的.png)\n\n见 [附件](缺的.pdf)\n\n![远](https://example.com/a.png) [上级](../x.md)"
        guard case .failure(let failure) = Self.read(text, in: folder) else { Issue.record("accepted"); return }
        #expect(failure.issues.map(\.line) == [18, 20, 20])
        #expect(failure.issues[0].reason == "引用的文件不存在：缺的.pdf")
        #expect(failure.issues[1...].contains { $0.reason.contains("其他服务器") } && failure.issues[1...].contains { $0.reason.contains("所在文件夹") })
        #expect(failure.issues[0].file.hasSuffix("lesson.md"))
    }
}
