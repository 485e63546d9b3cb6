import LianbingCore
import LianbingStore

/// An award from a final selection as a record page lists it (我的记录, a member of staff's page).
struct SelectionAwardRow: Sendable {
    var selectionId: Int64
    var award: String
    var title: String
    var unitName: String
    var awardedOn: String

    init(_ award: SelectionAward) {
        selectionId = award.selectionId
        self.award = award.award
        title = award.title
        unitName = award.unitName
        awardedOn = award.awardedOn.description
    }
}
