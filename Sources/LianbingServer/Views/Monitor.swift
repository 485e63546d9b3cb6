import Foundation
import LianbingCore
import LianbingStore

/// Live monitoring of a published exam: how many candidates stand where, and the candidates themselves, filtered.
struct Monitor: Sendable {
    struct Count: Sendable {
        var label: String
        var value: Int
        var href: String
        var current: Bool
    }

    /// A county's exam lists a few hundred candidates; a province's, tens of thousands, which no page should
    /// carry at once. Past this, the filters narrow the table.
    static let rowLimit = 200

    var counts: [Count]
    var rows: [CandidateRow]
    var matching: Int
    var truncated: Bool
    var standings: [SelectOption]
    var query: String
    /// Refreshed by `manage.js` while the window is open.
    var live: Bool
    var refreshedAt: String

    init(_ progress: [CandidateProgress], exam: Exam, standing: String?, query: String?, now: Date) {
        let chosen = standing.flatMap(CandidateProgress.Standing.init(rawValue:))
        let standingsShown: [CandidateProgress.Standing] = [.notStarted, .inProgress, .submitted, .excused, .absent]
        counts = standingsShown.map { kind in
            Count(
                label: kind.label, value: progress.filter { $0.standing == kind }.count, href: "/exams/\(exam.id)?standing=\(kind.rawValue)",
                current: kind == chosen)
        }
        let needle = query?.trimmingCharacters(in: .whitespaces) ?? ""
        let matches = progress.filter { candidate in
            (chosen == nil || candidate.standing == chosen)
                && (needle.isEmpty || candidate.staffNumber.contains(needle) || candidate.name.contains(needle) || candidate.unitName.contains(needle))
        }
        rows = matches.prefix(Self.rowLimit).map { CandidateRow($0, exam: exam) }
        matching = matches.count
        truncated = matches.count > Self.rowLimit
        standings = standingsShown.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == chosen) }
        self.query = needle
        live = exam.phase == .open
        refreshedAt = now.chinaTime
    }

    /// Why results cannot be released yet, or `nil` when they can. The store decides; this says it before asking.
    static func releaseBlocker(_ exam: Exam, progress: [CandidateProgress], now: Date) -> String? {
        let lastClose = progress.compactMap(\.closesAt).reduce(exam.closesAt, max)
        if now < lastClose {
            return "考试尚未结束（最晚截止 \(lastClose.chinaTime)，含个人延长的时间），结束后才能发布成绩。"
        }
        let unmarked = progress.filter { $0.standing == .submitted && $0.pendingCount > 0 }.count
        if unmarked > 0 { return "还有 \(unmarked) 份试卷的简答题未阅完，阅卷完成后才能发布成绩。" }
        return nil
    }
}
