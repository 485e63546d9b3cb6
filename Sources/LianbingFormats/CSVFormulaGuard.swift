/// Keeps exported cells from running as spreadsheet formulas (CSV injection).
///
/// Excel and WPS treat a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so a
/// name such as `=HYPERLINK(…)` typed into a roster or a question would run on the machine of whoever opens an
/// export. Such a cell is written with one leading `'`, which spreadsheets show as text. The reader removes exactly
/// one `'` from a cell that, after its leading `'`s, starts that way, so export followed by import gives every
/// field back unchanged, even one that really starts with `'=`.
enum CSVFormulaGuard {
    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    private static let mark: Unicode.Scalar = "'"

    static func guarded(_ field: String) -> String {
        startsLikeFormula(afterMarks: field) ? "'" + field : field
    }

    static func unguarded(_ field: String) -> String {
        guard field.unicodeScalars.first == mark, startsLikeFormula(afterMarks: field) else { return field }
        return String(field.unicodeScalars.dropFirst())
    }

    private static func startsLikeFormula(afterMarks field: String) -> Bool {
        guard let first = field.unicodeScalars.drop(while: { $0 == mark }).first else { return false }
        return triggers.contains(first)
    }
}
