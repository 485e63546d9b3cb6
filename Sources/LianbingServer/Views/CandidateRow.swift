import Foundation
import LianbingStore

/// One candidate as the monitor and the candidate page show them.
struct CandidateRow: Sendable {
    var unitName: String
    /// `广州市 › 天河区 › 沙河街道`: a town's name alone repeats across counties.
    var unitTrail: String
    var staffNumber: String
    var name: String
    var standing: String
    var standingLabel: String
    var answered: String
    var lastSeen: String
    var hidden: String
    /// When this candidate's time runs out: the attempt's deadline once started (said when the window, not the time
    /// allowed, ends it); before that, the time they will have, extra included, and their window's close.
    var deadline: String
    /// Extra time and an individual late window, when given.
    var adjustments: String?
    var excusedReason: String?

    init(_ progress: CandidateProgress, exam: Exam) {
        unitName = progress.unitName
        unitTrail = progress.unitTrail
        staffNumber = progress.staffNumber
        name = progress.name
        standing = progress.standing.rawValue
        standingLabel = progress.standing.label
        answered = progress.attemptId == nil ? "—" : "\(progress.answered)/\(progress.questions)"
        lastSeen = progress.lastSeenAt?.chinaTime ?? "—"
        hidden = progress.hiddenCount == 0 ? "—" : "\(progress.hiddenCount) 次，\(Int(progress.hiddenSeconds.rounded())) 秒"
        deadline = Self.deadline(progress, exam: exam)
        let notes = [
            progress.extraMinutes > 0 ? "延长 \(progress.extraMinutes) 分钟" : nil,
            progress.closesAt.map { "个人截止 \($0.chinaTime)" },
        ].compactMap { $0 }
        adjustments = notes.isEmpty ? nil : notes.joined(separator: "，")
        excusedReason = progress.excusedReason
    }

    static func deadline(_ progress: CandidateProgress, exam: Exam) -> String {
        let allowed = exam.duration + TimeInterval(progress.extraMinutes * 60)
        let closes = progress.closesAt ?? exam.closesAt
        guard let deadline = progress.deadline, let started = progress.startedAt else {
            guard progress.standing == .notStarted else { return closes.chinaTime }
            return "开始后 \(Int(allowed / 60)) 分钟，最晚 \(closes.chinaTime)"
        }
        // The window, not the time allowed, ends this attempt: more minutes change nothing, a later window does.
        let capped = progress.standing == .inProgress && deadline >= closes && started.addingTimeInterval(allowed) > closes
        return deadline.chinaTime + (capped ? "（已到考试截止时间，再延长须设个人截止时间）" : "")
    }
}
