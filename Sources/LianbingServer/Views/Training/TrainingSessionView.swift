import Foundation
import LianbingCore
import LianbingStore

/// A training session as lists, headings and the sign-in sheet show it.
struct TrainingSessionView: Sendable {
    var id: Int64
    var title: String
    var unitName: String
    var kindLabel: String
    var business: String
    var status: String
    var statusLabel: String
    /// `2026-03-05 09:00 至 12:00`, or across days `… 至 2026-03-06 17:00`.
    var when: String
    var hours: String
    /// `nil` when none was given: templates treat an empty string as present.
    var place: String?
    var trainers: String
    var invited: Int
    var attended: Int
    var isManaged: Bool

    init(_ session: TrainingSession) {
        id = session.id
        title = session.title
        unitName = session.unitName
        kindLabel = session.kind.label
        business = session.isBusiness ? "业务培训" : "非业务培训"
        status = session.status.rawValue
        statusLabel = session.status.label
        when = Self.span(session.startsAt, session.endsAt)
        hours = AppDatabase.points(session.hours)
        place = session.place.isEmpty ? nil : session.place
        trainers = session.trainers.map(\.name).joined(separator: "、")
        invited = session.invited
        attended = session.attended
        isManaged = session.isManaged
    }

    static func span(_ start: Date, _ end: Date) -> String {
        let from = ChinaTime.format(start), to = ChinaTime.format(end)
        return from.prefix(10) == to.prefix(10) ? "\(from) 至 \(to.dropFirst(11))" : "\(from) 至 \(to)"
    }

    /// Every setting, for the detail page.
    static func facts(_ session: TrainingSession) -> [Fact] {
        var facts = [
            Fact(label: "主办单位", value: session.unitName),
            Fact(label: "类型", value: "\(session.kind.label)（\(session.isBusiness ? "计为业务培训" : "不计为业务培训")）"),
            Fact(label: "时间", value: span(session.startsAt, session.endsAt)),
            Fact(label: "学时", value: AppDatabase.points(session.hours)),
            Fact(label: "培训对象", value: session.audienceUnitName + (session.audiencePosts.isEmpty ? "（全部岗位）" : "：" + session.audiencePosts.joined(separator: "、"))),
            Fact(label: "容量", value: session.capacity.map { "\($0) 人" } ?? "不限"),
            Fact(label: "受邀 / 出席", value: "\(session.invited) 人 / \(session.attended) 人"),
        ]
        if !session.place.isEmpty { facts.append(Fact(label: "地点", value: session.place)) }
        if !session.trainers.isEmpty { facts.append(Fact(label: "授课人", value: session.trainers.map(\.name).joined(separator: "、"))) }
        if !session.topics.isEmpty { facts.append(Fact(label: "培训专题", value: session.topics.joined(separator: "、"))) }
        facts.append(Fact(label: "创建人", value: session.createdBy))
        if let published = session.publishedAt { facts.append(Fact(label: "发布时间", value: published.chinaTime)) }
        if let closed = session.closedAt { facts.append(Fact(label: "结束时间", value: closed.chinaTime)) }
        return facts
    }
}
