import Foundation
import LianbingCore
@testable import LianbingFormats
import Testing

@Suite("Blueprint text: reading and writing")
struct BlueprintTextTests {
    static let sample = """
        # 季度考核
        标题: 2026年第四季度集中考核
        用途: 集中考核            # 集中考核 | 自我测试
        总分: 100
        目标难度: 3.0 ± 0.4
        曝光上限: 40%             # 可省略

        [题型]
        单选 每题 2 分
        多选 每题3分

        [细目]
        # 知识点 | 题型 | 难度 | 题数
        体系建设 | 单选 | 1-3 | 20
        体系建设/结对共建 | 多选题 | 4–5 | 20
        法律法规 | 单选 | 4 | 10

        [互斥组]
        XDB-001 XDB-002
        XD04-001, XD04-002、XD04-003
        """

    static let expected = Blueprint(
        title: "2026年第四季度集中考核", purpose: .assessment,
        sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 2), BlueprintSection(kind: .multipleChoice, pointsPerQuestion: 3)],
        cells: [
            BlueprintCell(knowledgePoint: "体系建设", kind: .singleChoice, difficulty: 1...3, count: 20),
            BlueprintCell(knowledgePoint: "体系建设/结对共建", kind: .multipleChoice, difficulty: 4...5, count: 20),
            BlueprintCell(knowledgePoint: "法律法规", kind: .singleChoice, difficulty: 4...4, count: 10),
        ],
        totalPoints: 100, targetDifficulty: 3.0, difficultyTolerance: 0.4,
        enemyGroups: [["XDB-001", "XDB-002"], ["XD04-001", "XD04-002", "XD04-003"]], exposureCap: 0.4)

    @Test("Given the documented example, when read, then every value is taken as written")
    func readsTheExample() throws {
        #expect(try BlueprintText.read(Self.sample, file: "a.txt").get() == Self.expected)
    }

    @Test("Given a blueprint, when written and read back, then it is the same blueprint and the text is canonical")
    func roundTrip() throws {
        let text = BlueprintText.write(Self.expected)
        #expect(try BlueprintText.read(text, file: "w.txt").get() == Self.expected)
        #expect(BlueprintText.write(try BlueprintText.read(text, file: "w.txt").get()) == text)
        #expect(text.hasPrefix("标题: 2026年第四季度集中考核\n用途: 集中考核\n总分: 100\n目标难度: 3.0 ± 0.4\n曝光上限: 40%\n"))
        #expect(text.contains("\n[细目]\n# 知识点 | 题型 | 难度 | 题数\n体系建设 | 单选 | 1-3 | 20\n体系建设/结对共建 | 多选 | 4-5 | 20\n法律法规 | 单选 | 4 | 10\n"))
    }

    @Test("Given awkward values, when written and read back, then escapes, fractions and odd percentages survive")
    func awkwardRoundTrip() throws {
        let blueprint = Blueprint(
            title: "第#3期 | 考核 \\ 练习", purpose: .selfTest, sections: [BlueprintSection(kind: .fillBlank, pointsPerQuestion: 2.5)],
            cells: [BlueprintCell(knowledgePoint: "知识#点|甲", kind: .fillBlank, difficulty: 2...2, count: 4)], totalPoints: 10,
            targetDifficulty: 2.25, difficultyTolerance: 0.05, exposureCap: 0.07)
        let text = BlueprintText.write(blueprint)
        #expect(try BlueprintText.read(text, file: "w.txt").get() == blueprint)
        #expect(text.contains("标题: 第\\#3期 \\| 考核 \\\\ 练习\n"))
        #expect(text.contains("曝光上限: 7%\n"))
        #expect(!text.contains("互斥组"))
        for cap in [0.123, 1.0 / 3, 0.001, 1] {
            var capped = blueprint
            capped.exposureCap = cap
            #expect(try BlueprintText.read(BlueprintText.write(capped), file: "w.txt").get() == capped)
        }
    }

    @Test("Given full-width colons, a BOM, CRLF and +-, when read, then the file is read all the same")
    func leniency() throws {
        let text = "\u{FEFF}标题：甲\r\n用途：自我测试\r\n总分：2\r\n目标难度：3 +- 1\r\n[题型]\r\n判断 每题 1 分\r\n[细目]\r\n甲 | 判断题 | 1~5 | 2\r\n"
        let blueprint = try BlueprintText.read(text, file: "a.txt").get()
        #expect(blueprint.purpose == .selfTest)
        #expect(blueprint.targetDifficulty == 3 && blueprint.difficultyTolerance == 1)
        #expect(blueprint.cells == [BlueprintCell(knowledgePoint: "甲", kind: .trueFalse, difficulty: 1...5, count: 2)])
        #expect(blueprint.exposureCap == nil)
    }

    @Test("Given the shipped blueprints, when read, then they read without errors and write back canonically")
    func shippedBlueprints() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["季度集中考核.txt", "自测示例.txt"] {
            let data = try Data(contentsOf: root.appendingPathComponent("Blueprints").appendingPathComponent(name))
            let blueprint = try BlueprintText.read(data, file: name).get()
            #expect(try BlueprintText.read(BlueprintText.write(blueprint), file: name).get() == blueprint)
        }
    }
}
