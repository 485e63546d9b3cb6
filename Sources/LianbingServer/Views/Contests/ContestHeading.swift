import Foundation
import LianbingCore
import LianbingStore

/// A contest as the contest pages' lists and headings show it.
struct ContestHeading: Sendable {
    var id: Int64
    var title: String
    var unitName: String
    var formatLabel: String
    var heldOn: String
    var status: String
    var statusLabel: String
    var isTeam: Bool

    init(_ contest: Contest) {
        id = contest.id
        title = contest.title
        unitName = contest.unitName
        formatLabel = contest.format.label
        heldOn = contest.heldOn.description
        status = contest.status.rawValue
        statusLabel = contest.status.label
        isTeam = contest.format == .team
    }

    /// The settings, for the contest page.
    static func facts(_ contest: Contest) -> [Fact] {
        [
            Fact(label: "举办单位", value: contest.unitName),
            Fact(label: "比赛形式", value: contest.format.label),
            Fact(label: "比赛日期", value: contest.heldOn.description),
            Fact(label: "基础分", value: "每队 \(contest.basePoints) 分"),
            Fact(label: "参赛队", value: "\(contest.teams.count) \(contest.format == .team ? "队" : "人")"),
            Fact(label: "同分比较", value: contest.tieBreakers.isEmpty ? "不比较，直接加赛" : contest.tieBreakers.map(\.label).joined(separator: " → ")),
            Fact(label: "创建人", value: "\(contest.createdBy)（\(contest.createdAt.chinaTime)）"),
        ]
    }

    /// The ranking rule in words, printed under the results: the configured tie-breakers in order, then the playoff.
    static func rankingRule(_ tieBreakers: [TieBreaker]) -> String {
        let circled = ["①", "②", "③", "④", "⑤"]
        let steps = tieBreakers.enumerated().map { "\($0.offset < circled.count ? circled[$0.offset] : "\($0.offset + 1).") \($0.element.label)" }
        let order = steps.isEmpty ? "" : "依次比较：" + steps.joined(separator: "；") + "；仍相同的，"
        return "名次按总分从高到低排列。总分相同时，\(order)加赛得分高者在前；全部相同的，名次并列。"
    }
}
