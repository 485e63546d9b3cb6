import Foundation
import LianbingCore
import LianbingStore

/// A 待办 as the home page lists it: what to do as a link to where it is done, a line of detail, and for an open
/// exam the button that starts it. Overdue lines say so; lines for today stand out by style only.
struct TodoRow: Sendable {
    var kind: String
    var text: String
    var href: String
    var detail: String?
    /// `overdue`, `now` or `soon`: how the line is marked.
    var urgency: String
    var isOverdue: Bool
    var start: Start?

    struct Start: Sendable {
        var examId: Int64
        var label: String
        var confirm: String?
    }

    init(_ item: TodoItem) {
        kind = item.kind.rawValue
        href = item.link
        isOverdue = item.urgency == .overdue
        urgency = switch item.urgency {
        case .overdue: "overdue"
        case .now: "now"
        case .soon: "soon"
        }
        let title = item.title ?? ""
        let count = item.count ?? 0
        let at = item.at?.chinaTime ?? ""
        let day = item.day?.description ?? ""
        switch item.kind {
        case .openExam:
            text = "考试：\(title)"
            detail = item.resumes ? "作答中，\(at) 前交卷" : "进行中，\(at) 截止"
            start = item.examId.map { id in
                item.resumes
                    ? Start(examId: id, label: "继续作答", confirm: nil)
                    : Start(examId: id, label: "开始考试", confirm: "开始后计时，最长 \(item.minutes ?? 0) 分钟，中途不能暂停。现在开始吗？")
            }
        case .upcomingExam:
            text = "考试：\(title)"
            detail = "\(at) 开始"
        case .newResult:
            text = "成绩已发布：\(title)"
            detail = "\(at) 发布，查看成绩和答卷"
        case .dueReview:
            text = "今日复习 \(count) 题"
            detail = "答错过的题按遗忘规律到期复习"
        case .requiredLesson:
            text = "必修微课：\(title)"
            detail = (isOverdue ? "应于 \(day) 前完成" : "\(day) 前完成") + (item.minutes.map { " · \($0) 分钟" } ?? "")
        case .trainingSession:
            text = "培训：\(title)"
            detail = "\(at) 开始"
        case .trainingDue:
            text = "本周期业务培训尚未完成"
            detail = "\(day) 前参加"
        case .runningExam:
            if let live = item.live {
                text = "考试进行中：\(title)"
                detail = "考生 \(live.candidates) 人，已开始 \(live.started) 人，已交卷 \(live.submitted) 人 · \(at) 截止"
            } else {
                text = "另有 \(count) 场考试进行中"
                detail = nil
            }
        case .marking:
            text = "阅卷：\(count) 道简答题待评分"
            detail = "最早一份 \(at) 交卷"
        case .scoreReview:
            text = "成绩复核：\(count) 份申请待答复"
            detail = "最早一份 \(at) 提交"
        case .flaggedQuestions:
            text = item.title == nil ? "另有 \(count) 道题区分度为负" : "试题分析：\(title)"
            detail = item.title == nil ? nil : "\(count) 道题区分度为负，请复核答案和题干"
        case .neverLoggedIn:
            text = "\(count) 个账号从未登录"
            detail = "请提醒本人登录；忘记初始密码的，可重置后重新发放"
        }
    }
}
