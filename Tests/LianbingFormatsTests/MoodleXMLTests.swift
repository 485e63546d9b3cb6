import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Reading Moodle XML exported by Moodle itself or written by other tools.
@Suite("Moodle XML reading")
struct MoodleXMLTests {
    private func read(_ text: String, file: String = "moodle.xml") -> Result<QuestionImport, ImportFailure> {
        MoodleXML.read(Data(text.utf8), file: file)
    }

    /// Shaped like Moodle 4's own export: HTML text, CDATA, feedback everywhere, a course category path.
    private let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
        <!-- question: 0  -->
          <question type="category">
            <category>
              <text>$course$/top/Default for 培训课程/队伍建设</text>
            </category>
            <info format="moodle_auto_format"><text></text></info>
          </question>

        <!-- question: 101  -->
          <question type="multichoice">
            <name>
              <text>XD19-001</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p dir="ltr">该站至少<b>多长时间</b>组织一次业务培训？</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text><![CDATA[<p>行动计划第19项&nbsp;要求 &lt;每半年&gt;。</p>]]></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <single>true</single>
            <answer fraction="0" format="html"><text><![CDATA[<p>每季度</p>]]></text><feedback format="html"><text>太频繁</text></feedback></answer>
            <answer fraction="100" format="html"><text><![CDATA[<p>每半年</p>]]></text><feedback format="html"><text></text></feedback></answer>
            <answer fraction="0" format="html"><text>每年</text></answer>
            <tags><tag><text>情景题</text></tag></tags>
          </question>

          <question type="multichoice">
            <name><text>考核 模式</text></name>
            <questiontext format="plain_text"><text>考核模式包括哪些？</text></questiontext>
            <single>false</single>
            <answer fraction="50"><text>集中考核</text></answer>
            <answer fraction="50"><text>自我测试</text></answer>
            <answer fraction="-100"><text>年终述职</text></answer>
          </question>

          <question type="truefalse">
            <name><text>TF1</text></name>
            <questiontext format="moodle_auto_format"><text>服务站应配备心理服务人员。</text></questiontext>
            <answer fraction="0" format="moodle_auto_format"><text>true</text></answer>
            <answer fraction="100" format="moodle_auto_format"><text>false</text></answer>
          </question>

          <question type="category">
            <category><text>$course$/top/Default for 培训课程/队伍建设/人员配备</text></category>
          </question>

          <question type="shortanswer">
            <name><text>FILL1</text></name>
            <questiontext format="html"><text>&lt;p&gt;退役军人和其他优抚对象比例原则上不少于&lt;/p&gt;</text></questiontext>
            <usecase>0</usecase>
            <answer fraction="100" format="moodle_auto_format"><text>三分之一</text></answer>
            <answer fraction="100" format="moodle_auto_format"><text> 1/3 </text></answer>
            <answer fraction="50" format="moodle_auto_format"><text>三成</text></answer>
          </question>

          <question type="essay">
            <name><text>ESSAY1</text></name>
            <questiontext format="html"><text><![CDATA[<p>简述常态化培训机制。</p>]]></text></questiontext>
            <graderinfo format="html"><text><![CDATA[<p>参考答案：</p><p>统一教材；分层培训。</p><p>评分要点：</p><p>统一教材</p><p>分层培训</p>]]></text></graderinfo>
          </question>

          <question type="cloze">
            <name><text>CLOZE1</text></name>
            <questiontext format="html"><text><![CDATA[<p>提升{1:SHORTANSWER:=法律#对~%50%律师}、{2:SA:=信息化~%100%信息技术}等人才比例。</p>]]></text></questiontext>
          </question>
        </quiz>
        """

    @Test("Given Moodle's own export, when read, then each type becomes the bank's with its key, text stripped of HTML")
    func types() throws {
        let read = try #require(read(sample).value)
        #expect(read.issues == [])
        #expect(read.unsupported == [])
        let questions = read.questions.map(\.question)
        #expect(questions.count == 6)

        let single = questions[0]
        #expect(single.id == "XD19-001")
        #expect(single.kind == .singleChoice)
        #expect(single.stem == "该站至少多长时间组织一次业务培训？")
        #expect(single.options == ["每季度", "每半年", "每年"])
        #expect(single.answer == .choices([1]))
        #expect(single.explanation == "行动计划第19项 要求 <每半年>。")
        #expect(single.knowledgePoints == ["队伍建设"])
        #expect(single.tags == ["情景题"])
        #expect(single.source == "Moodle XML 导入：moodle.xml")
        #expect(single.difficulty == 3)
        #expect(single.usage == .both)
        #expect(single.status == .active)

        #expect(questions[1].kind == .multipleChoice)
        #expect(questions[1].answer == .choices([0, 1]))
        #expect(questions[1].id.hasPrefix("Q-"))
        #expect(questions[1].tags == ["原题名:考核 模式"])

        #expect(questions[2].answer == .trueFalse(false))

        #expect(questions[3].kind == .fillBlank)
        #expect(questions[3].stem == "退役军人和其他优抚对象比例原则上不少于____")
        #expect(questions[3].answer == .blanks([["三分之一", "1/3"]]))
        #expect(questions[3].knowledgePoints == ["队伍建设/人员配备"])

        #expect(questions[4].answer == .shortAnswer(reference: "统一教材；分层培训。", points: ["统一教材", "分层培训"]))

        #expect(questions[5].kind == .fillBlank)
        #expect(questions[5].stem == "提升____、____等人才比例。")
        #expect(questions[5].answer == .blanks([["法律"], ["信息化", "信息技术"]]))
    }

    @Test("Given a question's lines, when read, then each question is located at its <question> line")
    func lines() {
        #expect(read(sample).value?.questions.map(\.line) == [12, 30, 39, 50, 59, 65])
    }

    @Test("Given an essay without headings, when read, then the whole grader information is the reference answer")
    func plainGraderInfo() {
        #expect(MoodleXMLQuestionReader.graderInfo(" 要点一\n要点二 ") == .shortAnswer(reference: "要点一\n要点二", points: []))
    }

    @Test("Given types the product lacks, when read, then each is listed by name, type and line")
    func unsupported() throws {
        let types = [
            "matching", "numerical", "calculated", "calculatedsimple", "calculatedmulti", "ddwtos", "gapselect", "description",
            "random", "randomsamatch", "ordering",
        ]
        var text = "<quiz>\n"
        for type in types {
            text +=
                "<question type=\"\(type)\"><name><text>\(type)题</text></name><questiontext format=\"html\"><text>x</text></questiontext></question>\n"
        }
        text +=
            #"<question type="cloze"><name><text>混合</text></name><questiontext><text>选{1:MULTICHOICE:=甲~乙}填{1:SA:=丙}</text></questiontext></question>"#
            + "\n"
        text +=
            #"<question type="truefalse"><name><text>OK</text></name><questiontext><text>好</text></questiontext><answer fraction="100"><text>true</text></answer></question>"#
            + "\n</quiz>"
        let read = try #require(read(text, file: "混合.xml").value)
        #expect(read.questions.map(\.question.id) == ["OK"])
        #expect(read.issues == [])
        var expected = types.enumerated().map {
            UnsupportedQuestion(file: "混合.xml", line: $0.offset + 2, name: "\($0.element)题", type: $0.element)
        }
        expected.append(UnsupportedQuestion(file: "混合.xml", line: types.count + 2, name: "混合", type: "cloze（含 MULTICHOICE 空）"))
        #expect(read.unsupported == expected)
    }

    @Test(
        "Given a question with a problem, when read, then it is reported at the <question> line naming the element",
        arguments: [
            (
                #"<question type="multichoice"><name><text>A</text></name><questiontext><text>题</text></questiontext>"# + "\n"
                    + #"<answer fraction="abc"><text>甲</text></answer></question>"#,
                #"第 4 行 <answer fraction="abc">：fraction 应为数字，如 100 或 0"#
            ),
            (
                #"<question type="truefalse"><name><text>A</text></name><questiontext><text>题</text></questiontext><answer fraction="0"><text>true</text></answer></question>"#,
                #"判断题没有 fraction="100" 的 <answer>"#
            ),
            (
                #"<question type="truefalse"><name><text>A</text></name><questiontext><text>题</text></questiontext><answer fraction="100"><text>yes</text></answer></question>"#,
                #"判断题 fraction="100" 的 <answer> 应为 true 或 false，实际为“yes”"#
            ),
            (#"<question><name><text>A</text></name></question>"#, "<question> 缺少 type 属性"),
            (
                #"<question type="multichoice"><name><text>A</text></name><questiontext><text>题</text></questiontext><answer fraction="0"><text>甲</text></answer><answer fraction="0"><text>乙</text></answer></question>"#,
                "单选题应有且只有一个正确答案，实际有 0 个"
            ),
            (
                // Marked active by its tag, so not made a draft: partial credit only leaves the blank without a key.
                #"<question type="shortanswer"><name><text>A</text></name><questiontext><text>题</text></questiontext><answer fraction="50"><text>甲</text></answer><tags><tag><text>lianbing-status:active</text></tag></tags></question>"#,
                "第 1 个空的答案为空"
            ),
            (
                #"<question type="cloze"><name><text>A</text></name><questiontext><text>没有空</text></questiontext></question>"#,
                "cloze 题的 <questiontext> 中没有 {1:SHORTANSWER:=…} 这样的空"
            ),
            (
                #"<question type="essay"><name><text>A</text></name><questiontext><text>题</text></questiontext><tags><tag><text>lianbing-difficulty:难</text></tag></tags></question>"#,
                "第 3 行标签 lianbing-difficulty:难：难度应为 1–5 的整数"
            ),
        ])
    func problems(question: String, reason: String) throws {
        let text =
            "<quiz>\n<question type=\"essay\"><name><text>OK</text></name><questiontext><text>好</text></questiontext></question>\n"
            + question + "\n</quiz>"
        let read = try #require(read(text).value)
        #expect(read.questions.map(\.question.id) == ["OK"])
        #expect(read.issues.map(\.reason) == [reason])
        #expect(read.issues.map(\.line) == [3])
    }

    @Test(
        "Given XML with a syntax error, when read, then the file is refused naming the line",
        arguments: [
            ("<quiz>\n<question type=\"essay\">\n<name><text>A</name>\n</question>\n</quiz>", 3, "结束标签与开始标签不匹配"),
            ("<quiz>\n<question type=\"essay\">\n<name><text>A</text></name>\n", 3, "文件不完整"),
            ("<quiz>\n<question type=\"essay\">\n<name><text>A & B</text></name>\n</question>\n</quiz>", 3, "&amp;"),
            ("<quiz>\n<question type=essay>\n</question>\n</quiz>", 2, "属性"),
        ])
    func syntaxError(text: String, line: Int, fragment: String) {
        let issues = read(text).issues
        #expect(issues.count == 1)
        #expect(issues.first?.line == line)
        #expect(issues.first?.reason.hasPrefix("XML 语法错误：") == true)
        #expect(issues.first?.reason.contains(fragment) == true, "\(issues)")
    }

    @Test("Given a truncated export, when read at every length, then reading never crashes and always says why")
    func truncated() {
        let data = MoodleXML.write(QuestionSamples.all)
        for length in stride(from: 0, to: data.count, by: 97) {
            let result = MoodleXML.read(data.prefix(length), file: "t.xml")
            if case .failure(let failure) = result { #expect(!failure.issues.isEmpty) }
        }
    }

    @Test(
        "Given junk, when read, then the file is refused with one clear reason",
        arguments: [
            (Data(), "文件是空的"),
            (Data("  \n".utf8), "文件是空的"),
            (Fixture.pngHeader, "文件不是 XML：Moodle XML 文件应以 <?xml 或 <quiz> 开头"),
            (Fixture.zipHeader, "文件不是 XML：Moodle XML 文件应以 <?xml 或 <quiz> 开头"),
            (Data("::A:: 题 {T}".utf8), "文件不是 XML：Moodle XML 文件应以 <?xml 或 <quiz> 开头"),
            (Data("<html><body>x</body></html>".utf8), "根元素应为 <quiz>，实际为 <html>：这不是 Moodle XML 题目文件"),
            (
                Data("<quiz>\n<question type=\"category\"><category><text>a</text></category></question>\n</quiz>".utf8),
                "文件中没有题目（<quiz> 中没有 type 不是 category 的 <question>）"
            ),
            (Data([0x3C, 0x71, 0xFF, 0x3E]), "文件不是 UTF-8 编码：Moodle XML 文件应为 UTF-8，请另存为 UTF-8 后重新上传"),
        ])
    func junk(data: Data, reason: String) {
        #expect(MoodleXML.read(data, file: "a.xml").issues.map(\.reason) == [reason])
    }

    @Test(
        "Given what Moodle never writes, when read, then it is refused with its line before the XML parser sees it",
        arguments: [
            ("<?xml version=\"1.0\"?>\n<quiz>\n<?x?>\n</quiz>", 3, "文件包含处理指令 <?…?>：Moodle XML 不使用，出于安全原因拒绝"),
            ("<?xml-stylesheet?><quiz></quiz>", 1, "文件包含处理指令 <?…?>：Moodle XML 不使用，出于安全原因拒绝"),
            (
                "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY a \"aaaa\">]>\n<quiz>&a;</quiz>", 2,
                "文件包含 <!DOCTYPE> 或实体声明：Moodle XML 不使用，出于安全原因拒绝"
            ),
            ("<quiz>\n<question>\u{1}</question></quiz>", 2, "文件包含 XML 不允许的控制字符（第 2 行），不是有效的 Moodle XML 文件"),
            ("<quiz>\n<!-- 注释\n<?x?>", 2, "第 2 行开始的注释 <!-- 没有结束（文件不完整？）"),
            ("<quiz>\n<text><![CDATA[x", 2, "第 2 行开始的 <![CDATA[ 没有结束（文件不完整？）"),
        ])
    func preflight(text: String, line: Int, reason: String) {
        #expect(read(text).issues == [ImportIssue(file: "moodle.xml", line: line, reason: reason)])
    }

    @Test("Given <? and <!DOCTYPE inside CDATA and comments, when read, then they are text")
    func preflightSkipsText() {
        let text =
            #"<quiz><!-- <?x?> <!DOCTYPE --><question type="essay"><name><text>A</text></name><questiontext format="plain_text"><text><![CDATA[<?php <!DOCTYPE ?>]]></text></questiontext></question></quiz>"#
        #expect(read(text).value?.questions.first?.question.stem == "<?php <!DOCTYPE ?>")
    }

    @Test("Given random bytes and random XML fragments, when read, then reading never crashes")
    func fuzz() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            let bytes = Data([0x3C] + (0..<4096).map { _ in UInt8.random(in: 0...0xFF, using: &generator) })
            #expect(!MoodleXML.read(bytes, file: "r.xml").issues.isEmpty)
        }
        // Fragments that reach libxml2's recovery paths; these found the FoundationXML traps `MoodleXMLPreflight` guards.
        let tokens = [
            "<", ">", "</", "/>", "quiz", "question", " type=\"", "\"", "'", "&", "&amp;", "&#0;", "&#x110000;", "<![CDATA[",
            "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<?x?>", "?>", "中", "\n", "=", "<!DOCTYPE a>", "x:y",
            " xmlns:a=\"u\"", "text", "\u{0}", "\u{1}", "\u{FFFE}", "<quiz>", "</quiz>", "<question type=\"multichoice\">",
            "<answer fraction=\"100\">", "<text>", "</text>", "\u{2028}", "<!ELEMENT a ANY>", "<a:b>", "</a:b>", "<p:a>",
        ]
        for _ in 0..<2_000 {
            var text = "<"
            for _ in 0..<Int.random(in: 1...60, using: &generator) { text += tokens.randomElement(using: &generator)! }
            _ = MoodleXML.read(Data(text.utf8), file: "r.xml")
        }
        // Small edits of a real export: mostly syntax errors, some still readable.
        let base = Array(String(decoding: MoodleXML.write(QuestionSamples.all), as: UTF8.self))
        let alphabet = Array("<>/&\"'=!?[]-x :;#\n中")
        for _ in 0..<300 {
            var characters = base
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0..<characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters[position] = alphabet.randomElement(using: &generator)!
                case 1: characters.remove(at: position)
                default: characters.insert(alphabet.randomElement(using: &generator)!, at: position)
                }
            }
            _ = MoodleXML.read(Data(String(characters).utf8), file: "m.xml")
        }
    }

    /// Inputs built inside the test, so a failure message does not print megabytes.
    enum HugeInput: String, CaseIterable, Sendable {
        case longText, longHTML, longCloze, manyOpenTags

        var text: String {
            let wrap = { (type: String, format: String, body: String) in
                "<quiz><question type=\"\(type)\"><name><text>A</text></name><questiontext format=\"\(format)\"><text>\(body)</text></questiontext><answer fraction=\"100\"><text>x</text></answer></question></quiz>"
            }
            return switch self {
            case .longText: wrap("shortanswer", "plain_text", String(repeating: "题", count: 3_400_000))
            case .longHTML: wrap("shortanswer", "html", String(repeating: "&lt;b", count: 1_500_000))
            case .longCloze: wrap("cloze", "plain_text", String(repeating: "{1:SA:=", count: 1_400_000))
            case .manyOpenTags: "<quiz>" + String(repeating: "<a>", count: 3_000_000)
            }
        }
    }

    /// One test for all, in turn: parses take turns on a lock (`MoodleXMLTree`), and parallel cases would time each
    /// other's waits.
    @Test("Given 10 MB inputs, when read, then reading finishes quickly, reading or refusing")
    func huge() {
        let clock = ContinuousClock()
        for input in HugeInput.allCases {
            let text = input.text
            var result: Result<QuestionImport, ImportFailure>?
            let elapsed = clock.measure { result = read(text) }
            #expect(elapsed < hugeInputTimeLimit, "\(input)")
            #expect(result != nil)
        }
        #expect(read(HugeInput.manyOpenTags.text).issues.map(\.reason) == ["元素嵌套超过 64 层：这不是 Moodle XML 题目文件"])
    }

    @Test("HTML becomes plain text: tags dropped, entities decoded, block ends become line breaks")
    func html() {
        #expect(
            MoodleHTML.plainText("<p>第一段<br/>第二行</p>\n<div>第&#20108;段 &amp; &#x4E09; &unknown; a&b</div><img src=\"x.png\">")
                == "第一段\n第二行\n第二段 & 三 &unknown; a&b\n[图片]")
        #expect(MoodleHTML.plainText("  a   b \n c ") == "a b c")
        #expect(MoodleHTML.plainText("1 < 2 <b>粗</b> <unclosed") == "1 < 2 粗 <unclosed")
    }
}
