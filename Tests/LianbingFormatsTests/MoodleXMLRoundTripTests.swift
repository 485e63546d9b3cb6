import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Writing Moodle XML, and reading our own Moodle XML back.
@Suite("Moodle XML writing")
struct MoodleXMLRoundTripTests {
    private func text(_ questions: [Question]) -> String { String(decoding: MoodleXML.write(questions), as: UTF8.self) }

    @Test("Given questions of every type, when written and read back, then they are exactly the same")
    func roundTrip() throws {
        let read = try #require(MoodleXML.read(MoodleXML.write(QuestionSamples.all), file: "导出.xml").value)
        #expect(read.issues == [])
        #expect(read.unsupported == [])
        #expect(read.questions.map(\.question) == QuestionSamples.all)
    }

    @Test("Given text XML cannot hold as written, when written and read back, then the exact tag carries it")
    func awkwardRoundTrip() throws {
        let read = try #require(MoodleXML.read(MoodleXML.write(QuestionSamples.awkward), file: "导出.xml").value)
        #expect(read.issues == [])
        #expect(read.questions.map(\.question) == QuestionSamples.awkward)
    }

    @Test(
        "Given each question alone, when written and read back, then it is the same",
        arguments: QuestionSamples.all + QuestionSamples.awkward)
    func single(question: Question) {
        #expect(MoodleXML.read(MoodleXML.write([question]), file: "a.xml").value?.questions.map(\.question) == [question])
    }

    @Test("Given questions, when written, then the file is well-formed UTF-8 XML")
    func wellFormed() {
        let data = MoodleXML.write(QuestionSamples.all + QuestionSamples.awkward)
        #expect(String(validating: data, as: UTF8.self) != nil)
        // Through MoodleXMLTree, whose lock keeps this parse from racing the other tests' parses.
        if case .failure(let error) = MoodleXMLTree.parse(data) { Issue.record("not well-formed: line \(error.line): \(error.reason)") }
    }

    @Test("Given questions, when written, then the XML has Moodle's types, fractions, categories and lianbing tags")
    func shape() {
        let text = text(QuestionSamples.all)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(text.contains("<category><text>$course$/top/队伍建设/学习培训形式</text></category>"))
        #expect(text.contains("<question type=\"multichoice\">\n    <name><text>XD19-001</text></name>"))
        #expect(
            text.contains(
                "<questiontext format=\"plain_text\"><text>行动计划提出的考核模式包括哪些？{注意：多选} a=b ~c #d :e \\f</text></questiontext>"))
        #expect(text.contains("<single>true</single>"))
        #expect(text.contains("<single>false</single>"))
        #expect(text.contains("<answer fraction=\"100\" format=\"plain_text\"><text>每半年</text>"))
        #expect(text.contains("<answer fraction=\"33.33333\" format=\"plain_text\"><text>集中考核</text>"))
        #expect(text.contains("<answer fraction=\"-100\" format=\"plain_text\"><text>笔试 &amp; &lt;面试&gt;</text>"))
        #expect(text.contains("<question type=\"truefalse\">"))
        #expect(text.contains("<question type=\"shortanswer\">"))
        // Several blanks: a cloze, one short-answer gap per blank, `/` and `|` escaped as Moodle wants.
        #expect(text.contains("<question type=\"cloze\">"))
        #expect(
            text.contains("提升{1:SHORTANSWER:=法律}、{1:SHORTANSWER:=信息化~=信息|化}等专业人才比例；比例{至少}{1:SHORTANSWER:=三分之一~=1\\/3~=C\\#}。"))
        #expect(text.contains("<question type=\"essay\">"))
        #expect(text.contains("<graderinfo format=\"plain_text\"><text>参考答案：\n组织编撰教材"))
        #expect(text.contains("<tag><text>lianbing-source:粤退役军人发〔2023〕22号 二（五）19</text></tag>"))
        #expect(text.contains("<tag><text>lianbing-difficulty:5</text></tag>"))
        #expect(text.contains("<tag><text>lianbing-usage:exam</text></tag>"))
        #expect(text.contains("<tag><text>lianbing-status:draft</text></tag>"))
        #expect(text.contains("<tag><text>lianbing-knowledge:题库建设</text></tag>"))
        #expect(text.contains("<tag><text>lianbing-quote:提升法律、信息化等专业人才比例。</text></tag>"))
        #expect(text.contains("<tag><text>情景题</text></tag>"))
        #expect(text.contains("<hidden>1</hidden>"))
        // Everything in the samples fits Moodle's own fields and the readable tags.
        #expect(!text.contains("lianbing-exact"))
    }

    @Test("Given text XML cannot hold, when written, then only that question carries an exact tag")
    func exactTagOnlyWhenNeeded() {
        let text = text(QuestionSamples.all + QuestionSamples.awkward)
        // ODD-1 has a control character XML cannot hold; ODD-4's reference answer contains the 评分要点： heading.
        // The carriage return of ODD-1 needs none: it is written `&#13;`.
        #expect(text.components(separatedBy: "lianbing-exact:").count - 1 == 2)
        #expect(text.contains("&#13;"))
    }

    @Test("Given our XML with the lianbing tags removed, when read, then the questions come back with the foreign defaults")
    func withoutTags() throws {
        let stripped = text(QuestionSamples.all).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("<tag><text>lianbing-") }.joined(separator: "\n")
        let read = try #require(MoodleXML.read(Data(stripped.utf8), file: "moodle.xml").value)
        #expect(read.issues == [])
        let questions = read.questions.map(\.question)
        #expect(questions.map(\.id) == QuestionSamples.all.map(\.id))
        #expect(questions.map(\.answer) == QuestionSamples.all.map(\.answer))
        #expect(questions.allSatisfy { $0.source == "Moodle XML 导入：moodle.xml" && $0.difficulty == 3 })
    }
}
