/// Compares a header row with the one a format expects and names every difference.
enum CSVHeader {
    /// Reasons in Chinese, empty when `actual` (already trimmed) is exactly `expected`.
    static func problems(_ actual: [String], expected: [String]) -> [String] {
        if actual == expected { return [] }
        let wanted = "表头应为：\(expected.joined(separator: ","))"
        // One cell holding the whole header means another separator: European Excel uses `;`, "Unicode 文本" uses tabs.
        if actual.count == 1, actual[0].contains(where: { $0 == ";" || $0 == "\t" || $0 == "；" }) {
            return ["表头只有一列，文件可能不是用英文逗号分隔的。\(wanted)"]
        }
        var reasons: [String] = []
        let missing = expected.filter { !actual.contains($0) }
        if !missing.isEmpty { reasons.append("表头缺少列：\(missing.joined(separator: "、"))") }
        let unknown = actual.filter { !$0.isEmpty && !expected.contains($0) }
        if !unknown.isEmpty { reasons.append("表头有未知列：\(unknown.joined(separator: "、"))") }
        var seen = Set<String>()
        let repeated = actual.filter { !$0.isEmpty && expected.contains($0) && !seen.insert($0).inserted }
        if !repeated.isEmpty { reasons.append("表头有重复列：\(repeated.joined(separator: "、"))") }
        let blanks = actual.indices.filter { actual[$0].isEmpty }.map { "第 \($0 + 1) 列" }
        if !blanks.isEmpty { reasons.append("表头有空列：\(blanks.joined(separator: "、"))") }
        if reasons.isEmpty { reasons.append("表头列的顺序不对") }
        return reasons.map { "\($0)。\(wanted)" }
    }
}
