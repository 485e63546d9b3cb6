/// Keeps exported cells from running as spreadsheet formulas (CSV injection).
///
/// Excel and WPS treat a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (the
/// OWASP list), and with a Chinese or Japanese input method also the full-width `＝`, `＋`, `－`, `＠`, which they turn
/// into their ASCII forms. A name such as `=HYPERLINK(…)` typed into a roster or a question would then run on the
/// machine of whoever opens an export. Such a cell is written with one leading `'`, which spreadsheets show as text.
///
/// A line feed is guarded too, though it starts no formula: `CSVReader` gives back every line break in a quoted cell
/// as a line feed, so a guarded carriage return comes back as `'` + line feed, and only if the reader removes the
/// guard before that as well does the `'` never stay behind.
///
/// The reader removes exactly one `'` from a cell that, after its leading `'`s, starts with one of these, so export
/// followed by import gives every field back unchanged (up to that line-break rule), even one that really starts
/// with `'=`. A negative number such as `-3` is guarded like any cell starting with `-` and comes back as `-3`.
enum CSVFormulaGuard {
    private static let triggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\n",
        "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]
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
