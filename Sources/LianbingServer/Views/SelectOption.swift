/// One `<option>` of a `<select>` on a page, with whether it is the chosen one.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
