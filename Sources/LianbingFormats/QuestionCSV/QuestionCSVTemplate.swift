import LianbingCore

/// The two worked examples of the downloadable template, taken from the seed document (粤退役军人发〔2023〕22号,
/// items 19 and 17), so authors see real text in every column rather than placeholders they must guess at.
enum QuestionCSVTemplate {
    static let examples: [Question] = [
        Question(
            id: "XD19-001", kind: .singleChoice,
            stem: "某镇退役军人服务站辖区退役军人较多、任务较重。按照行动计划，该站至少多长时间组织一次工作人员业务培训？",
            options: ["每季度", "每半年", "每年", "每两年"], answer: .choices([1]),
            explanation: "行动计划第19项要求此类服务中心（站）“每半年至少组织一次工作人员业务培训”。",
            knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）19",
            quote: "辖区退役军人较多、任务较重的退役军人服务中心（站），可采取举办专题培训班、以会代训、组织观摩、实践教学等方式，每半年至少组织一次工作人员业务培训。",
            tags: ["情景题"]),
        Question(
            id: "XD17-004", kind: .fillBlank, stem: "服务中心（站）工作人员中，退役军人和其他优抚对象比例原则上不少于____。",
            answer: .blanks([["三分之一", "1/3"]]), explanation: "行动计划第17项。", knowledgePoints: ["队伍建设/人员配备"],
            difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）17",
            quote: "提升录用退役军人比例(退役军人和其他优抚对象比例原则上不少于三分之一)，提升法律、信息化等专业人才比例。"),
    ]
}
