import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Writing GIFT, and reading our own GIFT back.
@Suite("GIFT writing")
struct GIFTRoundTripTests {
    private func text(_ questions: [Question]) -> String { String(decoding: GIFT.write(questions), as: UTF8.self) }

    @Test("Given questions of every type, when written and read back, then they are exactly the same")
    func roundTrip() throws {
        let read = try #require(GIFT.read(GIFT.write(QuestionSamples.all), file: "导出.gift").value)
        #expect(read.issues == [])
        #expect(read.unsupported == [])
        #expect(read.questions.map(\.question) == QuestionSamples.all)
    }

    @Test("Given text GIFT cannot hold as written, when written and read back, then the comment carries it exactly")
    func awkwardRoundTrip() throws {
        let read = try #require(GIFT.read(GIFT.write(QuestionSamples.awkward), file: "导出.gift").value)
        #expect(read.issues == [])
        #expect(read.questions.map(\.question) == QuestionSamples.awkward)
    }

    @Test(
        "Given each question alone, when written and read back, then it is the same",
        arguments: QuestionSamples.all + QuestionSamples.awkward)
    func single(question: Question) {
        #expect(GIFT.read(GIFT.write([question]), file: "a.gift").value?.questions.map(\.question) == [question])
    }

    @Test("Given questions, when written, then the text is Moodle's GIFT with categories, names, escapes and weights")
    func shape() {
        let text = text(QuestionSamples.all)
        #expect(text.contains("$CATEGORY: $course$/top/队伍建设/学习培训形式\n\n// lianbing: "))
        #expect(text.contains("::XD19-001:: 某镇退役军人服务站"))
        #expect(text.contains("\t=每半年\n"))
        #expect(text.contains("\t~%33.33333%集中考核\n"))
        #expect(text.contains("\t~%-100%“练兵比武”大赛\n"))
        #expect(text.contains("\\{注意：多选\\} a\\=b \\~c \\#d \\:e \\\\f {"))
        #expect(text.contains("\t####第一行\\n第二行：考核\n"))
        #expect(text.contains("::TF_01:: 县级以上退役军人服务中心应建立法律工作站。 {TRUE}"))
        #expect(text.contains("不少于{=三分之一 =1/3####行动计划第17项。}。"))
        // The first blank takes the answer block; GIFT has only one, so the others stay `____`.
        #expect(text.contains("::XD17-005:: 提升{=法律}、____等专业人才比例；比例\\{至少\\}____。"))
        #expect(text.contains("::XD18-010:: 行动计划对建立常态化培训机制提出了哪些要求？ {####行动计划第18项。}"))
        // A literal slash in a knowledge point level is Moodle's `//`.
        #expect(text.contains("$CATEGORY: $course$/top/队伍建设//能力提升"))
    }

    @Test("Given a question, when written, then its comment holds only what GIFT cannot")
    func commentContents() throws {
        let line = try #require(text([QuestionSamples.all[2]]).split(separator: "\n").first { $0.hasPrefix("// lianbing:") })
        #expect(line == #"// lianbing: {"difficulty":1,"source":"粤退役军人发〔2023〕22号 二（四）14","status":"active","usage":"practice"}"#)
    }

    @Test("Given our GIFT with its comments removed, when read, then the questions come back with the foreign defaults")
    func withoutComments() throws {
        let stripped = text(QuestionSamples.all).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("//") }.joined(separator: "\n")
        let read = try #require(GIFT.read(Data(stripped.utf8), file: "moodle.gift").value)
        // Only the 填空 with three blanks needs its comment: GIFT itself holds one blank per question.
        #expect(read.issues.map(\.reason) == ["题干中有 3 处空（____，至少四个下划线），答案有 1 个空"])
        #expect(read.questions.count == QuestionSamples.all.count - 1)
        let first = try #require(read.questions.first?.question)
        #expect(first.id == "XD19-001")
        #expect(first.answer == .choices([1]))
        #expect(first.source == "GIFT 导入：moodle.gift")
        #expect(first.difficulty == 3)
        // The 多选 keeps its key from the weights alone.
        #expect(read.questions[1].question.answer == .choices([0, 1, 7]))
    }

    @Test("The weights of n keys are Moodle's 100/n")
    func weights() {
        #expect((2...8).map(GIFTWriter.weight(of:)) == ["50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5"])
    }
}
