/// The yes/no cells of import files.
///
/// The template says 是/否, but people type what their spreadsheet habits suggest; the common forms are
/// accepted and anything else is reported, because guessing a veteran flag wrongly is worse than asking.
enum CSVFlag {
    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "是", "y", "yes", "1", "true": true
        case "否", "n", "no", "0", "false": false
        default: nil
        }
    }

    static func text(_ value: Bool) -> String { value ? "是" : "否" }
}
