import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Questions shared by the round-trip tests of `QuestionCSV`, `GIFT` and `MoodleXML` (the file name follows the
/// team's file-ownership pattern; it holds fixtures and one sanity test of them).
enum QuestionSamples {
    /// One of every type, with every optional field used and the separators and special characters of all three
    /// formats in the text.
    static let all: [Question] = [
        Question(
            id: "XD19-001", kind: .singleChoice,
            stem: "某镇退役军人服务站辖区退役军人较多、任务较重。按照行动计划，该站至少多长时间组织一次工作人员业务培训？",
            options: ["每季度", "每半年", "每年", "每两年"], answer: .choices([1]),
            explanation: "行动计划第19项要求此类服务中心（站）“每半年至少组织一次工作人员业务培训”。",
            knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）19",
            quote: "辖区退役军人较多、任务较重的退役军人服务中心（站），可采取举办专题培训班、以会代训、组织观摩、实践教学等方式，每半年至少组织一次工作人员业务培训。",
            tags: ["情景题"]),
        Question(
            id: "XD20-002", kind: .multipleChoice, stem: "行动计划提出的考核模式包括哪些？{注意：多选} a=b ~c #d :e \\f",
            options: ["集中考核", "自我测试", "“练兵比武”大赛", "笔试 & <面试>", "E", "F", "G", "H：最后一个"], answer: .choices([0, 1, 7]),
            explanation: "第一行\n第二行：考核", knowledgePoints: ["队伍建设/考核激励", "题库建设"], difficulty: 5,
            source: "粤退役军人发〔2023〕22号 二（五）20", tags: ["重点", "a;b|c/d"], status: .draft, usage: .exam),
        Question(
            id: "TF_01", kind: .trueFalse, stem: "县级以上退役军人服务中心应建立法律工作站。", answer: .trueFalse(true),
            knowledgePoints: ["服务保障/法律援助"], difficulty: 1, source: "粤退役军人发〔2023〕22号 二（四）14", usage: .practice),
        Question(
            id: "TF-02", kind: .trueFalse, stem: "服务站每年至少组织一次业务培训即可。", answer: .trueFalse(false),
            explanation: "应为每半年。", knowledgePoints: ["队伍建设"], difficulty: 3, source: "同上", status: .retired),
        Question(
            id: "XD17-004", kind: .fillBlank, stem: "服务中心（站）工作人员中，退役军人和其他优抚对象比例原则上不少于____。",
            answer: .blanks([["三分之一", "1/3"]]), explanation: "行动计划第17项。", knowledgePoints: ["队伍建设/人员配备"],
            difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）17"),
        Question(
            id: "XD17-005", kind: .fillBlank, stem: "提升____、____等专业人才比例；比例{至少}____。",
            answer: .blanks([["法律"], ["信息化", "信息|化"], ["三分之一", "1/3", "C#"]]), knowledgePoints: ["队伍建设/人员配备"],
            difficulty: 4, source: "粤退役军人发〔2023〕22号 二（五）17", quote: "提升法律、信息化等专业人才比例。"),
        Question(
            id: "XD18-010", kind: .shortAnswer, stem: "行动计划对建立常态化培训机制提出了哪些要求？",
            answer: .shortAnswer(
                reference: "组织编撰教材，统一培训内容与标准；分层分类开展常态化、制度化培训。",
                points: ["统一教材、内容与标准", "分层分类常态化制度化培训", "省市县三级专家库; 含分号"]),
            explanation: "行动计划第18项。", knowledgePoints: ["队伍建设/常态化培训"], difficulty: 4,
            source: "粤退役军人发〔2023〕22号 二（五）18", usage: .exam),
        Question(
            id: "XD18-011", kind: .shortAnswer, stem: "简述“十有”干部队伍。", answer: .shortAnswer(reference: "有政治站位……", points: []),
            knowledgePoints: ["队伍建设／能力提升"], difficulty: 3, source: "粤退役军人发〔2023〕22号 二（五）"),
    ]

    /// Text no foreign format holds as written: padding, a carriage return, a control character, a Unicode line
    /// separator, an option that looks like a GIFT weight, a blank variant that looks like a matching pair. GIFT and
    /// Moodle XML must still give these back exactly (their writers carry the difference).
    static let awkward: [Question] = [
        Question(
            id: "ODD-1", kind: .singleChoice, stem: "  前后有空格\r\n并且有回车  ", options: ["%50%像分值", " 带空格 ", "控制\u{1}字符"],
            answer: .choices([2]), explanation: "行\u{2028}分隔符", knowledgePoints: ["a/b"], difficulty: 3, source: "测试"),
        Question(
            id: "ODD-2", kind: .fillBlank, stem: "______长下划线", answer: .blanks([["a->b", "=x", "%100%y"]]),
            knowledgePoints: ["top/x"], difficulty: 3, source: "测试"),
        Question(
            id: "ODD-3", kind: .trueFalse, stem: "[html]看起来像格式标记", answer: .trueFalse(true), knowledgePoints: ["x"],
            difficulty: 3, source: "测试", tags: ["  padded  "]),
        Question(
            id: "ODD-4", kind: .shortAnswer, stem: "::像名称::", answer: .shortAnswer(reference: "评分要点：\n不是标题", points: ["x"]),
            knowledgePoints: ["x"], difficulty: 3, source: "测试"),
    ]
}

@Suite("Question samples")
struct QuestionSamplesTests {
    @Test("The shared samples are valid questions, so round trips test real content")
    func samplesAreValid() {
        for question in QuestionSamples.all + QuestionSamples.awkward {
            #expect(QuestionChecks.problems(question) == [], "\(question.id)")
        }
    }
}
