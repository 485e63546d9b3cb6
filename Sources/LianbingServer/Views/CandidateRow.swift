import Foundation
import LianbingStore

/// One candidate as the monitor and the candidate page show them.
struct CandidateRow: Sendable {
    var unitName: String
    var staffNumber: String
    var name: String
    var standing: String
    var standingLabel: String
    var answered: String
    var lastSeen: String
    var hidden: String
    /// When this candidate's time runs out: the attempt's deadline once started, else their window's close.
    var deadline: String
    /// Extra time and an individual late window, when given.
    var adjustments: String?
    var excusedReason: String?

    init(_ progress: CandidateProgress, examCloses: Date) {
        unitName = progress.unitName
        staffNumber = progress.staffNumber
        name = progress.name
        standing = progress.standing.rawValue
        standingLabel = progress.standing.label
        answered = progress.attemptId == nil ? "—" : "\(progress.answered)/\(progress.questions)"
        lastSeen = progress.lastSeenAt?.chinaTime ?? "—"
        hidden = progress.hiddenCount == 0 ? "—" : "\(progress.hiddenCount) 次，\(Int(progress.hiddenSeconds.rounded())) 秒"
        deadline = (progress.deadline ?? progress.closesAt ?? examCloses).chinaTime
        let notes = [
            progress.extraMinutes > 0 ? "延长 \(progress.extraMinutes) 分钟" : nil,
            progress.closesAt.map { "个人截止 \($0.chinaTime)" },
        ].compactMap { $0 }
        adjustments = notes.isEmpty ? nil : notes.joined(separator: "，")
        excusedReason = progress.excusedReason
    }
}
