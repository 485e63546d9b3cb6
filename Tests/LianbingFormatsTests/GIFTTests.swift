import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Reading GIFT written elsewhere (Moodle, other tools, by hand).
@Suite("GIFT reading")
struct GIFTTests {
    private func read(_ text: String, file: String = "题库.gift") -> Result<QuestionImport, ImportFailure> {
        GIFT.read(Data(text.utf8), file: file)
    }

    private func questions(_ text: String, file: String = "题库.gift") -> [Question] {
        read(text, file: file).value?.questions.map(\.question) ?? []
    }

    private let sample = """
        // 练兵题目示例：Moodle 文档里的各种写法
        $CATEGORY: $course$/top/队伍建设/学习培训形式

        ::XD19-001:: [html]该站至少多长时间组织一次业务培训？ {
            ~每季度 #太频繁
            =每半年 #正确
            ~每年
            ####行动计划第19项。
        }

        // 多选：权重
        ::XD20-001:: 考核模式包括哪些？ {
            ~%50%集中考核
            ~%50%自我测试
            ~%-100%年终述职
        }

        ::XD20-002:: 哪些属于“十有”？ {=有政治站位 =有人民情怀 ~有高学历}

        ::TF1:: 服务站应配备心理服务人员。{T}

        ::TF2:: 服务站不需要法律服务。{FALSE#错误的想法#对####见第14项。}

        ::FILL1:: 比例原则上不少于{=三分之一 =1/3}。

        $CATEGORY: $course$/top

        ::ESSAY1:: 简述常态化培训机制的要求。{####见第18项。}

        ::ESC1:: 转义：\\~ \\= \\# \\{ \\} \\: 还有\\n换行 {TRUE}
        """

    @Test("Given Moodle's GIFT forms, when read, then each becomes the matching type with its key")
    func types() throws {
        let read = try #require(read(sample).value)
        #expect(read.issues == [])
        #expect(read.unsupported == [])
        let byID = Dictionary(uniqueKeysWithValues: read.questions.map { ($0.question.id, $0.question) })

        let single = try #require(byID["XD19-001"])
        #expect(single.kind == .singleChoice)
        #expect(single.stem == "该站至少多长时间组织一次业务培训？")
        #expect(single.options == ["每季度", "每半年", "每年"])
        #expect(single.answer == .choices([1]))
        #expect(single.explanation == "行动计划第19项。")
        #expect(single.knowledgePoints == ["队伍建设/学习培训形式"])

        #expect(byID["XD20-001"]?.kind == .multipleChoice)
        #expect(byID["XD20-001"]?.answer == .choices([0, 1]))
        #expect(byID["XD20-002"]?.kind == .multipleChoice)
        #expect(byID["XD20-002"]?.answer == .choices([0, 1]))

        #expect(byID["TF1"]?.answer == .trueFalse(true))
        #expect(byID["TF2"]?.answer == .trueFalse(false))
        #expect(byID["TF2"]?.explanation == "见第14项。")

        #expect(byID["FILL1"]?.kind == .fillBlank)
        #expect(byID["FILL1"]?.stem == "比例原则上不少于____。")
        #expect(byID["FILL1"]?.answer == .blanks([["三分之一", "1/3"]]))

        #expect(byID["ESSAY1"]?.kind == .shortAnswer)
        #expect(byID["ESSAY1"]?.answer == .shortAnswer(reference: "", points: []))
        #expect(byID["ESSAY1"]?.explanation == "见第18项。")
        // `$course$/top` alone is the root: no knowledge point, so the default.
        #expect(byID["ESSAY1"]?.knowledgePoints == ["未分类"])

        #expect(byID["ESC1"]?.stem == "转义：~ = # { } : 还有\n换行")
    }

    @Test("Given GIFT without our comment, when read, then GIFT's missing fields get the documented defaults")
    func defaults() {
        let question = questions("::Q1:: 问题？ {T}", file: "外来.gift").first
        #expect(question?.difficulty == 3)
        #expect(question?.usage == .both)
        #expect(question?.status == .active)
        #expect(question?.source == "GIFT 导入：外来.gift")
        #expect(question?.knowledgePoints == ["未分类"])
        #expect(question?.tags == [])
        #expect(question?.quote == "")
    }

    @Test("Given a name that is not a valid id, when read twice, then the id is the same hash and the name is kept as a tag")
    func hashedIDs() throws {
        let text = "::第1题 培训:: 问题？ {T}\n\n没有名称的题目 {F}"
        let first = questions(text)
        #expect(first.count == 2)
        let named = try #require(first.first)
        #expect(named.id.hasPrefix("Q-") && Question.isValidID(named.id))
        #expect(named.tags == ["原题名:第1题 培训"])
        #expect(first.last?.id.hasPrefix("Q-") == true)
        #expect(first.last?.tags == [])
        #expect(questions(text).map(\.id) == first.map(\.id))
        // A different name gives a different id.
        #expect(questions("::第2题 培训:: 问题？ {T}").first?.id != named.id)
    }

    @Test("Given text after the answer block, when read, then the block becomes a gap (Moodle's missing word)")
    func missingWord() {
        #expect(questions("::M1:: 退役军人服务中心{=每半年 ~每年}至少组织一次培训。").first?.stem == "退役军人服务中心____至少组织一次培训。")
    }

    @Test("Given types the product lacks, when read, then each is listed by name, type and line")
    func unsupported() throws {
        let text = """
            ::M1:: 配对题 {
                =甲 -> 一
                =乙 -> 二
            }

            ::N1:: 数值题 {#3.14:0.01}

            这一段只是说明文字，没有答案。

            ::C1:: 两个空：{=甲} 和 {=乙}

            ::OK:: 正常题 {T}
            """
        let read = try #require(read(text, file: "混合.gift").value)
        #expect(read.questions.map(\.question.id) == ["OK"])
        #expect(read.issues == [])
        #expect(
            read.unsupported == [
                UnsupportedQuestion(file: "混合.gift", line: 1, name: "M1", type: "matching"),
                UnsupportedQuestion(file: "混合.gift", line: 6, name: "N1", type: "numerical"),
                UnsupportedQuestion(file: "混合.gift", line: 8, name: "这一段只是说明文字，没有答案。", type: "description"),
                UnsupportedQuestion(file: "混合.gift", line: 10, name: "C1", type: "cloze"),
            ])
        #expect(read.unsupported.first?.description == "混合.gift:1: 不支持的题型 matching：M1")
    }

    @Test(
        "Given broken questions, when read, then each is reported at its first line and the rest still read",
        arguments: [
            ("::A:: 问题 {=甲 ~乙", "答案块的 { 没有对应的 }"),
            ("::A:: 问题 {~甲 ~乙}", "选择题没有正确答案：正确选项以 = 开头，或带正分值如 ~%50%"),
            ("::A:: 问题 {~%50%甲 ~%30%乙 ~丙}", "多选题正确选项的分值之和应为 100%，实际为 80%"),
            ("::A:: 问题 {~%abc%甲 =乙}", "答案“%abc%甲 ”的分值无效：应写成 %50% 这样的百分数"),
            ("::A 问题 {T}", "题目名称缺少结尾的 ::"),
            ("::A:: 问题 {甲 乙}", "无法识别答案块“甲 乙”：答案应以 = 或 ~ 开头，判断题写 T 或 F"),
            ("::A:: 问题 {=甲 {=乙}}", "答案块中有未转义的 {：答案中的 { 应写成 \\{"),
            ("::A:: 两空____和 {=乙}", "题干中有 2 处空（____，至少四个下划线），答案有 1 个空"),
        ])
    func problems(text: String, reason: String) throws {
        let read = try #require(read("::OK:: 好题 {T}\n\n// 注释\n" + text).value)
        #expect(read.questions.map(\.question.id) == ["OK"])
        #expect(read.issues.map(\.line) == [4])
        #expect(read.issues.map(\.reason) == [reason])
    }

    @Test("Given the same name twice with different content, when read, then both are kept under ids hashed from their content")
    func duplicateNames() throws {
        let read = try #require(read("::A:: 一 {T}\n\n::A:: 二 {F}").value)
        #expect(read.issues.isEmpty)
        let ids = read.questions.map(\.question.id)
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { $0.hasPrefix("A-") && $0.count == 10 })
    }

    @Test("Given a damaged lianbing comment, when read, then it is reported at its line and the question read without it")
    func damagedComment() {
        let read = read("// lianbing: {\"difficulty\":\n::A:: 一 {T}").value
        #expect(read?.questions.first?.question.difficulty == 3)
        #expect(read?.issues.map(\.line) == [1])
    }

    @Test("Given CRLF line ends and a BOM, when read, then lines are counted the same")
    func crlf() {
        let text = "// 注释\r\n\r\n::A:: 一 {T}\r\n\r\n::B:: 二\r\n{F}\r\n"
        let read = GIFT.read(utf8(text, bom: true), file: "a.gift").value
        #expect(read?.questions.map(\.line) == [3, 5])
        #expect(read?.questions.last?.question.stem == "二")
    }

    @Test("Given a GB18030 GIFT file, when read, then it is decoded")
    func gb18030() throws {
        let data = try #require("::A:: 退役军人服务站 {T}".data(using: String.Encoding(rawValue: 0x8000_0632)))
        #expect(GIFT.read(data, file: "a.gift").value?.questions.first?.question.stem == "退役军人服务站")
    }

    @Test(
        "Given junk, when read, then the file is refused with one clear reason",
        arguments: [
            (Data(), "文件是空的"),
            (Data(" \n\n".utf8), "文件是空的"),
            (Fixture.pngHeader, "文件包含控制字符（第 2 行附近），不是文本格式的 GIFT 文件"),
            (Data([0xFF, 0xFE, 0x41, 0x00]), "文件是 UTF-16 编码，请另存为 UTF-8 后重新上传"),
            (Data([0xC3, 0x28, 0xFF, 0xFF, 0xFF]), "无法识别文件编码：既不是 UTF-8 也不是 GB18030。请另存为 UTF-8 后重新上传"),
            (Data("编号,题型,题干\nX1,单选,问题\n".utf8), "文件中没有 GIFT 题目（GIFT 题目的答案写在 { } 中），可能不是 GIFT 文件"),
            (Data("// 只有注释\n$CATEGORY: a/b\n".utf8), "文件中没有 GIFT 题目（GIFT 题目的答案写在 { } 中），可能不是 GIFT 文件"),
        ])
    func junk(data: Data, reason: String) {
        #expect(GIFT.read(data, file: "a.gift").issues.map(\.reason) == [reason])
        #expect(GIFT.read(data, file: "a.gift").issues.map(\.line) == [0])
    }

    @Test("Given random bytes, when read, then reading fails or reports, and never crashes")
    func randomBytes() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<50 {
            let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0x20...0xFF, using: &generator) })
            _ = GIFT.read(bytes, file: "r.gift")
            let text = String((0..<4096).map { _ in "{}~=#:\\\n %ab".randomElement(using: &generator)! })
            _ = GIFT.read(Data(text.utf8), file: "r.gift")
        }
    }

    /// Inputs built inside the test, so a failure message does not print megabytes.
    enum HugeInput: String, CaseIterable, Sendable {
        case longStem, openBraces, colons, manyOptions, longComment

        var text: String {
            switch self {
            case .longStem: "::A:: " + String(repeating: "题", count: 3_500_000) + " {T}"
            case .openBraces: String(repeating: "{", count: 10_000_000)
            case .colons: String(repeating: ":", count: 10_000_000) + "{T}"
            case .manyOptions: "::A:: 题 {" + String(repeating: "~甲 ", count: 1_000_000) + "=乙}"
            case .longComment: "// lianbing: " + String(repeating: "[", count: 10_000_000) + "\n::A:: 题 {T}"
            }
        }
    }

    @Test("Given a 10 MB question, when read, then reading finishes quickly", arguments: HugeInput.allCases)
    func huge(input: HugeInput) {
        let text = input.text
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = read(text) }
        #expect(elapsed < hugeInputTimeLimit)
    }

    @Test("Given many questions, when read, then the time grows in proportion to the file")
    func manyQuestions() throws {
        let clock = ContinuousClock()
        let small = String(repeating: "::A:: 题 {T}\n\n", count: 10_000)
        let large = String(repeating: "::A:: 题 {T}\n\n", count: 80_000)
        var read: QuestionImport?
        let smallTime = clock.measure { _ = self.read(small) }
        let largeTime = clock.measure { read = self.read(large).value }
        #expect(read?.questions.count == 1 && read?.notes.count == 79_999, "every identical repeat is noted")
        #expect(largeTime < hugeInputTimeLimit)
        // Eight times the input; a quadratic reader would take 64 times as long.
        #expect(largeTime < smallTime * 24, "\(smallTime) → \(largeTime)")
    }
}

/// A small deterministic generator (SplitMix64), so fuzz-style tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
