import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Files in the shape Moodle's own exporters write them (issue 18): GIFT saved as `.txt`, essays without grader
/// information, several questions under one name, Moodle's automatic categories, `[html]` text.
@Suite("Moodle exports")
struct MoodleImportTests {
    /// As Moodle's GIFT export writes a course bank: the `// question:` comments, the category switch, `[html]` text
    /// with GIFT escapes, essays with an empty block and two questions sharing a name.
    static let giftExport = """
        // question: 0  name: Switch category to $course$/top/Default for 退役军人服务培训/政策法规
        $CATEGORY: $course$/top/Default for 退役军人服务培训/政策法规


        // question: 101  name: 保障法施行日期
        ::保障法施行日期::[html]<p dir\\="ltr" style\\="text-align\\: left;">《退役军人保障法》自何时起施行？</p>{
        \t=<p dir\\="ltr">2021年1月1日</p>
        \t~<p>2020年11月11日</p>
        \t~2022年1月1日
        }


        // question: 102  name: 简述服务站职责
        ::简述服务站职责::[html]<p dir\\="ltr">简述退役军人服务站的主要职责。</p>{}


        // question: 103  name: 判断题
        ::判断题::[html]<p>服务站应当设立在村（社区）。</p>{TRUE}


        // question: 104  name: 判断题
        ::判断题::[html]<p>服务中心可以不配备专职工作人员。</p>{FALSE}


        // question: 105  name: 判断题
        ::判断题::[html]<p>服务站应当设立在村（社区）。</p>{TRUE}

        """

    /// The same kinds of question in Moodle XML.
    static let xmlExport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
        <!-- question: 0  -->
          <question type="category">
            <category><text>$module$/top/默认 第一次测验/档案管理</text></category>
            <info format="html"><text></text></info>
          </question>
        <!-- question: 201  -->
          <question type="essay">
            <name><text>档案移交</text></name>
            <questiontext format="html"><text><![CDATA[<p dir="ltr" style="text-align: left;">退役军人档案移交有哪些要求？</p>]]></text></questiontext>
            <generalfeedback format="html"><text></text></generalfeedback>
            <defaultgrade>10.0000000</defaultgrade>
            <penalty>0.0000000</penalty>
            <hidden>0</hidden>
            <responseformat>editor</responseformat>
            <responserequired>1</responserequired>
            <responsefieldlines>15</responsefieldlines>
            <attachments>0</attachments>
            <graderinfo format="html"><text></text></graderinfo>
            <responsetemplate format="html"><text></text></responsetemplate>
          </question>
        <!-- question: 202  -->
          <question type="truefalse">
            <name><text>档案移交</text></name>
            <questiontext format="html"><text><![CDATA[<p>档案应在报到后30日内移交。</p>]]></text></questiontext>
            <answer fraction="100" format="moodle_auto_format"><text>true</text></answer>
            <answer fraction="0" format="moodle_auto_format"><text>false</text></answer>
          </question>
        </quiz>
        """

    @Test("Given GIFT or Moodle XML saved as .txt or without extension, when detected, then the content decides")
    func detection() throws {
        let gift = try #require(QuestionFormat.detect(Data(Self.giftExport.utf8), fileExtension: "txt"))
        #expect(gift.format == .gift && gift.detection == .byContent)
        let xml = try #require(QuestionFormat.detect(Data(Self.xmlExport.utf8), fileExtension: "txt"))
        #expect(xml.format == .moodleXML && xml.detection == .byContent)
        #expect(QuestionFormat.detect(Data(Self.xmlExport.utf8), fileExtension: "")?.format == .moodleXML)
        // A bank file stays a bank file, even one whose text has braces and GIFT-looking lines.
        let bank = "# 注释\n题号: A-1\n题型: 判断\n知识点: 队伍建设\n出处: 测试\n题干: 大括号{}不影响\n答案: 对\n"
        #expect(QuestionFormat.detect(Data(bank.utf8), fileExtension: "txt")?.format == .bank)
        // The extension still decides where only one format uses it, and unreadable text is the bank's to report.
        #expect(QuestionFormat.detect(Data(Self.giftExport.utf8), fileExtension: "xml")! == (.moodleXML, .byExtension))
        #expect(QuestionFormat.detect(Data("随便写的文字".utf8), fileExtension: "txt")?.format == .bank)
        #expect(QuestionFormat.detect(Data("随便写的文字".utf8), fileExtension: "md") == nil)
    }

    @Test("Given Moodle's GIFT export, when read, then html is plain, the essay is a draft and duplicates are settled")
    func giftExportReads() throws {
        let read = try #require(GIFT.read(Data(Self.giftExport.utf8), file: "moodle.txt").value)
        #expect(read.issues.isEmpty, "\(read.issues)")
        let questions = read.questions.map(\.question)
        #expect(questions.count == 4)
        #expect(questions.allSatisfy { $0.knowledgePoints == ["政策法规"] })

        let choice = questions[0]
        #expect(choice.stem == "《退役军人保障法》自何时起施行？")
        #expect(choice.options == ["2021年1月1日", "2020年11月11日", "2022年1月1日"])
        #expect(choice.status == .active)

        let essay = questions[1]
        #expect(essay.kind == .shortAnswer && essay.stem == "简述退役军人服务站的主要职责。")
        #expect(essay.status == .draft)

        // Two different questions named 判断题: distinct ids from their content; the third is the first again.
        #expect(questions[2].id != questions[3].id)
        #expect(questions[2].id.hasPrefix(ForeignQuestion.identity(name: "判断题", text: "").id + "-"))
        #expect(read.notes.count == 2)
        let duplicate = try #require(read.notes.first { $0.reason.contains("只导入一次") })
        #expect(duplicate.line == 26 && duplicate.reason.hasPrefix("题目“判断题”与第 18 行"))
        let draft = try #require(read.notes.first { $0.line == 14 })
        #expect(draft.reason == "简答“简述服务站职责”参考答案为空、缺少评分要点，已作为草稿导入：补全并改为启用后才能组卷")
    }

    @Test("Given the questions sharing a name in another order, when read again, then they keep their ids")
    func idsIgnoreOrder() throws {
        let first = "::判断题:: 甲 {T}\n\n::判断题:: 乙 {F}\n"
        let swapped = "::判断题:: 乙 {F}\n\n::判断题:: 甲 {T}\n"
        func ids(_ text: String) -> [String: String] {
            let questions = GIFT.read(Data(text.utf8), file: "a.txt").value?.questions.map(\.question) ?? []
            return Dictionary(uniqueKeysWithValues: questions.map { ($0.stem, $0.id) })
        }
        #expect(ids(first).count == 2)
        #expect(ids(first) == ids(swapped))
    }

    @Test("Given Moodle XML with an essay lacking grader information and a shared name, when read, then both import")
    func xmlExportReads() throws {
        let read = try #require(MoodleXML.read(Data(Self.xmlExport.utf8), file: "moodle.xml").value)
        #expect(read.issues.isEmpty, "\(read.issues)")
        let questions = read.questions.map(\.question)
        #expect(questions.count == 2)
        #expect(Set(questions.map(\.id)).count == 2)
        #expect(questions[0].status == .draft && questions[0].stem == "退役军人档案移交有哪些要求？")
        #expect(questions[1].status == .active)
        #expect(questions.allSatisfy { $0.knowledgePoints == ["档案管理"] })
        #expect(read.notes.map(\.reason) == ["简答“档案移交”参考答案为空、缺少评分要点，已作为草稿导入：补全并改为启用后才能组卷"])
    }

    @Test("Given a draft without grading, when validated, then it passes; made active, it is refused")
    func draftPassesValidation() throws {
        let read = try #require(MoodleXML.read(Data(Self.xmlExport.utf8), file: "moodle.xml").value)
        #expect(BankValidator.validate(read.questions).errors.isEmpty)
        var active = read.questions[0]
        active.question.status = .active
        #expect(BankValidator.validate([active]).errors.map(\.reason).contains { $0.contains("参考答案为空") })
    }

    /// Moodle lets a short answer give only partial credit (`fraction="50"`, GIFT `=%50%`): the bank marks a blank right
    /// or wrong, so such a question has no key and comes in as a draft for a trainer to complete.
    static let partialShortAnswerXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="shortanswer">
            <name><text>服务站简称</text></name>
            <questiontext format="html"><text><![CDATA[<p>退役军人服务站的简称是什么？</p>]]></text></questiontext>
            <answer fraction="50" format="moodle_auto_format"><text>服务站</text></answer>
          </question>
        </quiz>
        """

    @Test("Given a short answer with partial credit only, when read from Moodle XML or GIFT, then it is a draft with a note")
    func partialShortAnswerIsDraft() throws {
        let xml = try #require(MoodleXML.read(Data(Self.partialShortAnswerXML.utf8), file: "moodle.xml").value)
        let gift = try #require(GIFT.read(Data("::服务站简称::退役军人服务站的简称是什么？{=%50%服务站}\n".utf8), file: "a.gift").value)
        for read in [xml, gift] {
            #expect(read.issues.isEmpty, "\(read.issues)")
            let question = try #require(read.questions.first?.question)
            #expect(question.kind == .fillBlank && question.status == .draft)
            #expect(question.answer == .blanks([[]]))
            #expect(read.notes.map(\.reason) == ["填空“服务站简称”第 1 个空没有满分答案，已作为草稿导入：补全并改为启用后才能组卷"])
            #expect(BankValidator.validate(read.questions).errors.isEmpty)
            var active = read.questions[0]
            active.question.status = .active
            #expect(BankValidator.validate([active]).errors.map(\.reason).contains { $0.contains("第 1 个空有空白的答案") })
        }
    }

    @Test(
        "Given Moodle category paths, when read, then contexts, top and the automatic default category are dropped",
        arguments: [
            ("$course$/top/Default for 退役军人服务培训/政策法规", "政策法规"),
            ("$system$/top/Default for System/通用", "通用"),
            ("$module$/top/默认 第一次测验", nil),
            ("$course$/top/Par défaut pour Formation/Droit", "Droit"),
            ("$course$/top/Standard für Kurs/Recht", "Recht"),
            ("$course$/top/培训课程的預設/法规", "法规"),
            ("$course$/Default for 旧版课程/法规", "法规"),
            ("$course$/top/队伍建设/默认 设置", "队伍建设/默认 设置"),
            ("$course$/top/默认", "默认"),
        ] as [(String, String?)])
    func categories(path: String, knowledgePoint: String?) {
        #expect(ForeignCategory.knowledgePoint(fromPath: path) == knowledgePoint)
    }
}
