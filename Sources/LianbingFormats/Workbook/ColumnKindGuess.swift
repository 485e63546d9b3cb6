import LianbingCore

/// Column kinds for a table that does not declare them (the training and recognition reports): a column is a number
/// when every cell is a plain decimal or empty or `—`, a date when every cell is a China-time date, text otherwise.
/// The first column (names, units) and any column whose heading names a code stay text, as do digits with a leading
/// zero or more than 15 of them: those are identifiers, and a number cell would lose them.
enum ColumnKindGuess {
    static let codeWords = ["工号", "编码", "编号", "证件", "身份证", "电话", "手机", "账号", "用户名"]

    static func kinds(_ table: ReportTable) -> [ReportTable.ColumnKind] {
        table.columns.indices.map { column in
            guard column > 0, !codeWords.contains(where: table.columns[column].contains) else { return .text }
            let cells = table.rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty && $0 != "—" }
            guard !cells.isEmpty else { return .text }
            if cells.allSatisfy(isPlainNumber) { return .number }
            if cells.allSatisfy({ ChinaTime.parse($0) != nil || CivilDate($0) != nil }) { return .date }
            return .text
        }
    }

    /// `12`, `-3`, `85.25`; not `0012`, `1e5` or a 16-digit code.
    static func isPlainNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        let whole = parts[0]
        return !(whole.count > 1 && whole.hasPrefix("0")) && digits.filter(\.isNumber).count <= 15
    }
}
