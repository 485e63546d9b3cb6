import Foundation
import LianbingCore
import LianbingStore

/// A selection as headings and lists show it.
struct SelectionHeading: Sendable {
    var id: Int64
    var title: String
    var award: String
    var unitName: String
    var status: String
    var statusLabel: String
    /// 公示截止: the notice period's last day, once published.
    var noticeEndsOn: String?
    var manageable: Bool

    init(_ selection: Selection) {
        id = selection.id
        title = selection.title
        award = selection.rules.award
        unitName = selection.unitName
        status = selection.status.rawValue
        statusLabel = selection.status.label
        noticeEndsOn = selection.noticeEndsOn?.description
        manageable = selection.manageable
    }

    init(_ summary: SelectionSummary) {
        id = summary.id
        title = summary.title
        award = summary.award
        unitName = summary.unitName
        status = summary.status.rawValue
        statusLabel = summary.status.label
        noticeEndsOn = summary.noticeEndsOn?.description
        manageable = summary.manageable
    }
}

/// One place on the list (公示名单 or 获奖名单), numbered.
struct SelectionNomineeRow: Sendable {
    var serial: Int
    var number: String
    var name: String
    var unitName: String
    var composite: String
    var rank: String
    var added: Bool

    static func rows(_ selection: Selection) -> [SelectionNomineeRow] {
        selection.nominees.enumerated().map { index, nominee in
            SelectionNomineeRow(
                serial: index + 1, number: nominee.number, name: nominee.name, unitName: nominee.unitName,
                composite: nominee.composite.map(SelectionText.number) ?? "—", rank: nominee.rank.map(String.init) ?? "—", added: nominee.added)
        }
    }
}
