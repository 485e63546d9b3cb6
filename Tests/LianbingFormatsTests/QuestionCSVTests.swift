import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("QuestionCSV")
struct QuestionCSVTests {
    private let shortHeader = "编号,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,评分要点,知识点,难度,出处,用途\r\n"
    private let fullHeader = "编号,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,评分要点,知识点,难度,出处,用途,原文,标签,状态\r\n"

    private func read(_ text: String, bom: Bool = false) -> Result<QuestionImport, ImportFailure> {
        QuestionCSV.read(utf8(text, bom: bom), file: "题目.csv")
    }

    private func questions(_ text: String) -> [Question] { read(text).value?.questions.map(\.question) ?? [] }

    private func reasons(_ text: String) -> [String] { read(text).value?.issues.map(\.reason) ?? read(text).issues.map(\.reason) }

    @Test("The header constants are the template's 18 columns and the 3 optional ones")
    func headers() {
        #expect(QuestionCSV.header.joined(separator: ",") + "\r\n" == shortHeader)
        #expect(QuestionCSV.fullHeader.joined(separator: ",") + "\r\n" == fullHeader)
    }

    @Test("Given the 18-column template, when read, then each question comes back with its line and the defaults")
    func shortTemplate() {
        let text =
            shortHeader
            + "XD19-001,单选,该站至少多长时间组织一次培训？,每季度,每半年,每年,每两年,,,,,B,第19项。,,队伍建设/学习培训形式,2,二（五）19,\r\n"
            + "\r\n"
            + "TF-1,判断,服务站应每半年培训一次。,,,,,,,,,对,,,队伍建设,1,二（五）19,考试\r\n"
        let read = read(text, bom: true).value
        #expect(read?.issues == [])
        #expect(read?.questions.map(\.line) == [2, 4])
        #expect(
            read?.questions.first?.question
                == Question(
                    id: "XD19-001", kind: .singleChoice, stem: "该站至少多长时间组织一次培训？", options: ["每季度", "每半年", "每年", "每两年"],
                    answer: .choices([1]), explanation: "第19项。", knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 2,
                    source: "二（五）19", quote: "", tags: [], status: .active, usage: .both))
        #expect(read?.questions.last?.question.answer == .trueFalse(true))
        #expect(read?.questions.last?.question.usage == .exam)
    }

    @Test("Given every column of the 21-column layout, when read, then 原文, 标签 and 状态 are kept")
    func fullLayout() {
        let text =
            fullHeader
            + "Q1,多选,哪些？,甲,乙,丙,丁,,,,,\"A, C\",,,知识/点;另一个\\;点,3,出处,练习,原文句子,情景题;a\\;b,停用\r\n"
        let question = questions(text).first
        #expect(question?.answer == .choices([0, 2]))
        #expect(question?.knowledgePoints == ["知识/点", "另一个;点"])
        #expect(question?.quote == "原文句子")
        #expect(question?.tags == ["情景题", "a;b"])
        #expect(question?.status == .retired)
        #expect(question?.usage == .practice)
    }

    @Test("Given 填空 and 简答 rows, when read, then blanks, variants, escapes and scoring points are split as in the bank format")
    func blanksAndPoints() {
        let text =
            shortHeader
            + "F1,填空,比例不少于____，且____。,,,,,,,,,三分之一/1\\/3|提升 / 提高 ,,,人员/配备\\/编制,2,出处,\r\n"
            + "S1,简答,有哪些要求？,,,,,,,,,\"统一教材；分层培训。\n第二段。\",,\"统一教材;分层培训\n专家库\\;三级\",队伍建设,4,出处,考试\r\n"
        let read = questions(text)
        #expect(read.first?.answer == .blanks([["三分之一", "1/3"], ["提升", "提高"]]))
        // `\/` in a knowledge point is a literal slash, which the model keeps as the full-width ／ (as BankText does).
        #expect(read.first?.knowledgePoints == ["人员/配备／编制"])
        #expect(read.last?.answer == .shortAnswer(reference: "统一教材；分层培训。\n第二段。", points: ["统一教材", "分层培训", "专家库;三级"]))
    }

    @Test("Given the questions of every type, when written and read back, then they are exactly the same")
    func roundTrip() {
        let data = QuestionCSV.write(QuestionSamples.all)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix(fullHeader))
        let read = QuestionCSV.read(data, file: "导出.csv").value
        #expect(read?.issues == [])
        #expect(read?.questions.map(\.question) == QuestionSamples.all)
        #expect(read?.questions.map(\.line).prefix(2) == [2, 3])
    }

    @Test("The template is the header and two real examples from the seed, and reads back without issues")
    func template() throws {
        let data = QuestionCSV.template()
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix(fullHeader))
        #expect(text.contains("三分之一/1\\/3"))
        let read = try #require(QuestionCSV.read(data, file: "题目模板.csv").value)
        #expect(read.issues == [])
        #expect(read.questions.map(\.question.kind) == [.singleChoice, .fillBlank])
        #expect(read.questions.map(\.question.id) == ["XD19-001", "XD17-004"])
        // The 原文 of the 填空 example is item 17 of the seed, verbatim.
        let seed = try String(contentsOf: seedURL, encoding: .utf8)
        #expect(seed.contains(read.questions[1].question.quote))
        #expect(seed.contains("每半年至少组织一次工作人员业务培训"))
    }

    private var seedURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_6fe6509ac139b0be.txt")
    }

    @Test("Given a file saved as GB18030 by Excel, when read, then the questions come back intact")
    func gb18030() throws {
        let text =
            shortHeader + "XD17-004,填空,比例原则上不少于____。,,,,,,,,,三分之一/1\\/3,行动计划第17项。,,队伍建设/人员配备,2,粤退役军人发〔2023〕22号 二（五）17,通用\r\n"
        let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        #expect(String(bytes: data, encoding: .utf8) == nil, "the fixture must really be GB18030, not UTF-8")
        let question = QuestionCSV.read(data, file: "题目.csv").value?.questions.first?.question
        #expect(question?.source == "粤退役军人发〔2023〕22号 二（五）17")
        #expect(question?.answer == .blanks([["三分之一", "1/3"]]))
    }

    @Test("Given three bad rows among good ones, when read, then all three lines are reported and the good rows kept")
    func threeBadRows() {
        let text =
            shortHeader
            + "A1,单选,题？,甲,乙,丙,,,,,,B,,,点,2,出处,\r\n"
            + "A2,单选,题？,甲,乙,丙,,,,,,B,,,点,九,出处,\r\n"
            + "A3,单选,题？,甲,乙,丙,,,,,,C,,,点,2,出处,\r\n"
            + "A4,问答,题？,,,,,,,,,答,,,点,2,出处,\r\n"
            + "A5,单选,题？,甲,乙,丙,,,,,,AB,,,点,2,出处,\r\n"
        let read = read(text).value
        #expect(read?.questions.map(\.question.id) == ["A1", "A3"])
        #expect(Set(read?.issues.map(\.line) ?? []) == [3, 5, 6])
        #expect(read?.issues.allSatisfy { $0.file == "题目.csv" } == true)
        #expect(read?.issues.first?.reason == "难度“九”无效：应为 1–5 的整数")
    }

    @Test(
        "Given rows with problems, when read, then each problem gets its own Chinese reason",
        arguments: [
            ("X1,单选,题,甲,,丙,,,,,,A,,,点,2,出处,", "选项B为空，但后面的选项有内容：选项应从 A 起连续填写"),
            ("X1,判断,题,甲,,,,,,,,正确,,,点,2,出处,", "判断题不应填写选项"),
            ("X1,判断,题,,,,,,,,,也许,,,点,2,出处,", "答案“也许”无效：判断题应为 正确 或 错误"),
            ("X1,单选,题,甲,乙,,,,,,,D,,,点,2,出处,", "答案 D 没有对应的选项"),
            ("X1,多选,题,甲,乙,丙,,,,,,A,,,点,2,出处,", "多选题至少要有两个正确答案，实际有 1 个"),
            ("X1,单选,题,甲,乙,,,,,,,B,,要点,点,2,出处,", "只有简答题可以填写评分要点"),
            ("X1,填空,两空____和____,,,,,,,,,甲,,,点,2,出处,", "题干中有 2 处空（____，至少四个下划线），答案有 1 个空"),
            ("X1,简答,题,,,,,,,,,,,要点,点,2,出处,", "答案为空：简答题的“答案”列填写参考答案"),
            ("X 1,单选,题,甲,乙,,,,,,,B,,,点,2,出处,", "编号“X 1”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符"),
            ("X1,单选,,甲,乙,,,,,,,B,,,点,2,出处,", "题干为空"),
            ("X1,单选,题,甲,乙,,,,,,,B,,,,2,出处,", "缺少知识点"),
            ("X1,单选,题,甲,乙,,,,,,,B,,,点,6,出处,", "难度应为 1–5 的整数，实际为 6"),
            ("X1,单选,题,甲,乙,,,,,,,B,,,点,2,,", "出处为空"),
            ("X1,单选,题,甲,乙,,,,,,,B,,,点,2,出处,全部", "用途“全部”无效：应为 考试、练习、通用 之一，或留空（通用）"),
            (
                "X1,单选,题,甲,乙,,,,,,,B,,,点,2,出处",
                "应有 18 列（编号,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,评分要点,知识点,难度,出处,用途），实际有 17 列"
            ),
            ("X1,单选,题,甲,乙,,,,,,,B,,,\"点\n二\",2,出处,", "“知识点”不能包含换行"),
        ])
    func rowProblems(row: String, reason: String) {
        let issues = read(shortHeader + row + "\r\n").value?.issues
        #expect(issues?.map(\.reason).contains(reason) == true, "\(issues ?? [])")
        #expect(issues?.allSatisfy { $0.line == 2 } == true)
    }

    @Test("Given a full-width difficulty and an empty 用途, when read, then they mean 3 and 通用")
    func lenientCells() {
        let question = questions(shortHeader + " X1 ,单选题,题,甲,乙,,,,,,,b,,,点,３,出处, \r\n").first
        #expect(question?.difficulty == 3)
        #expect(question?.usage == .both)
        #expect(question?.id == "X1")
        #expect(question?.answer == .choices([1]))
    }

    @Test("Given the same 编号 twice, when read, then the second is refused with the line of the first")
    func duplicateID() {
        let row = "X1,判断,题,,,,,,,,,正确,,,点,2,出处,\r\n"
        let read = read(shortHeader + row + row).value
        #expect(read?.questions.count == 1)
        #expect(read?.issues == [ImportIssue(file: "题目.csv", line: 3, reason: "编号 X1 重复（第 2 行已出现）")])
    }

    @Test("Given a header with only 原文 added, when read, then the missing optional columns are named")
    func partialOptionalHeader() {
        let header = QuestionCSV.header.joined(separator: ",") + ",原文\r\n"
        let issues = read(header + "X1\r\n").issues
        #expect(issues.map(\.line) == [1])
        #expect(issues.first?.reason.hasPrefix("表头缺少列：标签、状态") == true)
    }

    @Test("Given a header with a misspelt column, when read, then the file is refused on line 1")
    func wrongHeader() {
        let issues = read(shortHeader.replacingOccurrences(of: "解析", with: "说明") + "X1\r\n").issues
        #expect(issues.first?.line == 1)
        #expect(issues.first?.reason.contains("表头缺少列：解析") == true)
    }

    @Test(
        "Given junk, when read, then the file is refused with one clear reason",
        arguments: [
            (Data(), "文件是空的"),
            (Fixture.pngHeader, "这是 PNG 图片，不是 CSV 文件"),
            (Fixture.zipHeader, "文件不是有效的 Excel 工作簿（.xlsx）：请另存为 .xlsx（在 Excel 或 WPS 中“文件 → 另存为 → Excel 工作簿”）后重新导入"),
            (Data([0x41, 0x00, 0x42]), "文件包含 NUL 字节（第 1 行附近），不是文本格式的 CSV 文件"),
        ])
    func junk(data: Data, reason: String) {
        #expect(QuestionCSV.read(data, file: "a.csv").issues.map(\.reason) == [reason])
    }

    @Test("Given only a header, when read, then the file is refused")
    func headerOnly() {
        #expect(read(shortHeader).issues.map(\.reason) == ["文件只有表头，没有数据行"])
    }

    @Test("Given a 10 MB cell, when read, then it is refused quickly")
    func hugeCell() {
        let text = shortHeader + "X1,单选," + String(repeating: "题", count: 4 * 1024 * 1024) + ",甲,乙,,,,,,,B,,,点,2,出处,\r\n"
        let clock = ContinuousClock()
        var issues: [ImportIssue] = []
        let elapsed = clock.measure { issues = read(text).issues }
        #expect(issues.first?.reason.hasPrefix("字段过长") == true)
        #expect(elapsed < hugeInputTimeLimit)
    }
}
