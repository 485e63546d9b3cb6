import Foundation
import LianbingCore
import LianbingStore

/// One label–value line of a settings or statistics summary.
struct Fact: Sendable {
    var label: String
    var value: String
}

/// An exam as lists and headings show it.
struct ExamHeading: Sendable {
    var id: Int64
    var title: String
    var unitName: String
    var window: String
    var phase: String
    var phaseLabel: String
    var candidateCount: Int
    var keysShown: Bool

    init(_ exam: Exam) {
        id = exam.id
        title = exam.title
        unitName = exam.unitName
        window = ExamSummary.window(exam)
        phase = exam.phase.rawValue
        phaseLabel = exam.phase.label
        candidateCount = exam.candidateCount
        keysShown = exam.keysShown
    }
}

/// Every setting of an exam, in the order a trainer checks them before publishing.
enum ExamSummary {
    static func facts(_ exam: Exam) -> [Fact] {
        let blueprint = exam.blueprint
        var facts = [
            Fact(label: "状态", value: exam.phase.label),
            Fact(label: "考生范围", value: "\(exam.unitName)（\(exam.unitCode)）及下级；岗位：\(exam.posts.isEmpty ? "全部" : exam.posts.joined(separator: "、"))"),
            Fact(label: "考试窗口", value: window(exam)),
            Fact(label: "答题时长", value: "\(Int(exam.duration / 60)) 分钟"),
            Fact(
                label: "试卷",
                value: "每份 \(blueprint.questionCount) 题，总分 \(AppDatabase.points(blueprint.totalPoints)) 分；组卷规则“\(blueprint.title)”，\(exam.blueprintSavedAt.chinaTime) 保存"),
            Fact(label: "合格分数", value: "\(AppDatabase.points(exam.passMark)) 分"),
            Fact(label: "计入持证上岗", value: exam.certifies ? "是" : "否"),
            Fact(label: "多选题评分", value: multipleChoice(exam.multipleChoice)),
            Fact(label: "考生查看", value: "\(exam.review.content.label)，\(exam.review.timing.label)"),
            Fact(label: "成绩复核", value: "成绩发布后 \(exam.reviewRequestDays) 天内可申请"),
            Fact(label: "题库版本", value: exam.bankRevision.map { "第 \($0) 版" } ?? "发布时确定"),
            Fact(label: "考生人数", value: exam.status == .draft ? "发布时确定" : "\(exam.candidateCount) 人"),
            Fact(label: "创建", value: "\(exam.createdBy)，\(exam.createdAt.chinaTime)"),
        ]
        if !exam.instructions.isEmpty { facts.append(Fact(label: "考生须知", value: exam.instructions)) }
        if let published = exam.publishedAt { facts.append(Fact(label: "发布", value: published.chinaTime)) }
        if let revealed = exam.revealedOnPapers {
            let withheld = exam.withheldCount > 0 ? "；按组卷规则已排除 \(exam.withheldCount) 道" : ""
            facts.append(Fact(label: "已公开答案的试题", value: "试卷用到 \(revealed) 道此前考试已向考生公开答案的试题\(withheld)"))
        }
        if let released = exam.releasedAt { facts.append(Fact(label: "成绩发布", value: released.chinaTime)) }
        return facts
    }

    /// An exam ended early shows the close it was planned with as well as when it was ended.
    static func window(_ exam: Exam) -> String {
        let window = "\(exam.opensAt.chinaTime) 至 \(exam.closesAt.chinaTime)"
        guard let planned = exam.plannedClosesAt else { return window }
        return window + "（原定 \(planned.chinaTime) 截止，已提前结束）"
    }

    static func multipleChoice(_ policy: MultipleChoicePolicy) -> String {
        switch policy {
        case .allOrNothing: "全部选对才得分"
        case .partial(let share): "少选得分：选对部分且无错选得 \(AppDatabase.points(share * 100))% 分值，错选不得分"
        }
    }
}
