import Foundation
import LianbingCore
import LianbingStore

/// How exams read on the command line: China time, Chinese labels.
enum ExamText {
    /// `2026-11-25 09:00 至 2026-11-25 11:00`.
    static func window(_ exam: Exam) -> String { "\(ChinaTime.format(exam.opensAt)) 至 \(ChinaTime.format(exam.closesAt))" }

    /// One line of `exam list`.
    static func row(_ exam: Exam) -> String {
        [String(exam.id), exam.title, "\(exam.unitName)（\(exam.unitCode)）", window(exam), exam.phase.label, candidates(exam)]
            .joined(separator: "\t")
    }

    /// Every setting of an exam, for `exam show` and after `exam create`.
    static func detail(_ exam: Exam) -> [String] {
        let yesNo = { (value: Bool) in value ? "是" : "否" }
        var lines = [
            "考试 \(exam.id)：\(exam.title)",
            "状态：\(exam.status.label)（\(exam.phase.label)）",
            "单位：\(exam.unitName)（\(exam.unitCode)）及下级；岗位：\(exam.posts.isEmpty ? "全部" : exam.posts.joined(separator: "、"))",
            "考试窗口：\(window(exam))（北京时间）",
            "答题时长：\(Int(exam.duration / 60)) 分钟",
            "总分 \(AppDatabase.points(exam.blueprint.totalPoints)) 分，合格分 \(AppDatabase.points(exam.passMark)) 分；计入证书：\(yesNo(exam.certifies))",
            "考生查看：\(exam.review.content.label)，\(exam.review.timing.label)",
            "多选题评分：\(multipleChoice(exam.multipleChoice))",
            "成绩复核申请期限：成绩发布后 \(exam.reviewRequestDays) 天",
            "组卷规则：\(exam.blueprint.title)（版本 \(exam.blueprintVersion)），每份 \(exam.blueprint.questionCount) 题，\(exam.blueprint.cells.count) 个细目",
            "题库版本：\(exam.bankRevision.map(String.init) ?? "发布时确定")",
            "随机种子：\(exam.seed)",
            "考生：\(candidates(exam))",
            "创建：\(exam.createdBy)，\(ChinaTime.format(exam.createdAt))",
        ]
        if !exam.instructions.isEmpty { lines.append("考生须知：\(exam.instructions)") }
        if let published = exam.publishedAt { lines.append("发布：\(ChinaTime.format(published))") }
        if let released = exam.releasedAt { lines.append("成绩发布：\(ChinaTime.format(released))") }
        return lines
    }

    /// The list is frozen at publication; a draft has none yet.
    static func candidates(_ exam: Exam) -> String { exam.status == .draft ? "发布时确定" : "\(exam.candidateCount) 人" }

    static func multipleChoice(_ policy: MultipleChoicePolicy) -> String {
        switch policy {
        case .allOrNothing: "全部选对才得分"
        case .partial(let share): "全部选对得满分，少选得 \(AppDatabase.points(share * 100))% 分值，错选不得分"
        }
    }

    /// `35分12秒`.
    static func timeUsed(_ seconds: Int) -> String { "\(seconds / 60)分\(seconds % 60)秒" }
}
