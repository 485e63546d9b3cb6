import Foundation

/// A certificate holder's name as the public verification page shows it (张*明): enough for the person holding the
/// paper to recognise it as theirs, not enough to look the holder up, as the personal-information rules ask of
/// pages anyone can open.
public enum HolderNameMask {
    /// The common two-character (复姓) surnames, kept whole so that 欧阳明 shows 欧阳* and not 欧*明, which would
    /// reveal the given name. Only these: a two-character name is never read as a compound surname.
    public static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木",
        "南宫", "独孤", "西门", "呼延", "澹台", "公冶", "太史", "申屠", "钟离", "闻人", "赫连", "万俟", "百里", "东郭", "南门", "羊舌",
        "微生", "梁丘", "左丘", "东门", "第五",
    ]

    /// The masked name, counted in characters as people see them (grapheme clusters), after trimming spaces:
    /// one character → `*`; two → the first and `*` (张*); longer → the surname and the last character with one `*`
    /// between however many are hidden (张*明, 欧阳*明), so the mask does not tell the name's length either; a
    /// compound surname with a one-character given name keeps only the surname (欧阳*). Empty stays empty.
    public static func mask(_ name: String) -> String {
        let characters = Array(name.trimmingCharacters(in: .whitespacesAndNewlines))
        switch characters.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(characters[0]) + "*"
        default:
            let surnameLength = compoundSurnames.contains(String(characters[0..<2])) ? 2 : 1
            let surname = String(characters[0..<surnameLength])
            // With a compound surname and one given character, showing the last would show the whole name.
            guard characters.count - surnameLength > 1 else { return surname + "*" }
            return surname + "*" + String(characters[characters.count - 1])
        }
    }
}
