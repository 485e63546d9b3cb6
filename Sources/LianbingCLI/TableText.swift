import LianbingCore

/// Tables for a terminal: every column as wide as its widest cell, counted in terminal columns, so Chinese text
/// (two columns a character) lines up with digits and Latin letters (one column). Columns whose cells are all
/// numbers (or `—`) are right-aligned. Written once for every report and list of the command line.
enum TableText {
    /// The title (when not empty), the header, a rule under it, then one line per row, without trailing blanks. Short
    /// rows are padded with empty cells, so a ragged table still lines up.
    static func render(title: String = "", columns: [String], rows: [[String]]) -> [String] {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        func padded(_ row: [String]) -> [String] { row + Array(repeating: "", count: count - row.count) }
        let header = padded(columns)
        let body = rows.map(padded)
        let widths = (0..<count).map { column in ([header[column]] + body.map { $0[column] }).map(displayWidth).max() ?? 0 }
        let numeric = (0..<count).map { column in !body.isEmpty && body.allSatisfy { isNumeric($0[column]) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let gap = String(repeating: " ", count: widths[column] - displayWidth(cell))
                let isLast = column == count - 1
                parts.append(numeric[column] ? gap + cell : (isLast ? cell : cell + gap))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines: [String] = []
        if !title.isEmpty { lines.append(title) }
        lines.append(line(header))
        lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, count - 1)))
        lines += body.map(line)
        return lines
    }

    /// A report's table; with `limit`, only its first rows and a line saying how many more there are.
    static func render(_ table: ReportTable, limit: Int? = nil) -> [String] {
        guard let limit, table.rows.count > limit else { return render(title: table.title, columns: table.columns, rows: table.rows) }
        return render(title: table.title, columns: table.columns, rows: Array(table.rows.prefix(limit)))
            + ["……另有 \(table.rows.count - limit) 行未显示"]
    }

    /// Terminal columns `text` takes: East Asian wide and fullwidth characters (汉字, 全角标点, most emoji) take two,
    /// combining marks and other zero-width characters none, everything else one.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            width += scalarWidth(scalar)
        }
        return width
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// A count, a decimal or a percentage (or `—`, a missing one): right-aligned. A long run of digits, or one with a
    /// leading zero, is a code (单位编码, 工号), not a quantity: left-aligned like text.
    private static func isNumeric(_ cell: String) -> Bool {
        if cell == "—" || cell.isEmpty { return true }
        if cell.allSatisfy({ $0.isASCII && $0.isNumber }), cell.count > 9 || (cell.count > 1 && cell.hasPrefix("0")) { return false }
        var text = Substring(cell)
        if text.hasSuffix("%") { text = text.dropLast() }
        if text.hasPrefix("-") { text = text.dropFirst() }
        return !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && text.first != "."
    }
}
