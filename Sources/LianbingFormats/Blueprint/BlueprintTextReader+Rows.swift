import LianbingCore

extension BlueprintTextReader {
    /// `键: 值` at the top of the file.
    mutating func readKey(_ content: Substring, line: Int) {
        guard let (name, value) = Self.keyValue(content) else {
            report(line, "无法识别的行：文件开头的设置要写成“键: 值”，题型、细目和互斥组要写在 [题型]、[细目]、[互斥组] 之下")
            return
        }
        guard let key = Key(rawValue: String(name)) else {
            report(line, "未知的键“\(name)”：可用的键有 \(Key.allCases.map(\.rawValue).joined(separator: "、"))")
            return
        }
        if let earlier = keyLines[key] {
            report(line, "“\(key.rawValue)”重复：第 \(earlier) 行已经写过")
            return
        }
        keyLines[key] = line
        switch key {
        case .title:
            let text = BlueprintTextSyntax.unescape(value)
            if text.isEmpty { report(line, "标题不能为空") } else { title = text }
        case .purpose:
            if let found = PaperPurpose.allCases.first(where: { $0.label == value || $0.rawValue == value }) {
                purpose = found
            } else {
                report(line, "用途“\(value)”无效：只能是 \(PaperPurpose.allCases.map(\.label).joined(separator: " 或 "))")
            }
        case .totalPoints:
            if let points = BlueprintTextValues.number(value), points > 0 {
                totalPoints = points
            } else {
                report(line, "总分“\(value)”无效：要写一个大于 0 的数，如 100")
            }
        case .targetDifficulty:
            guard let parsed = BlueprintTextValues.target(value) else {
                report(line, "目标难度“\(value)”无效：要写成“目标值 ± 允许偏差”，如“3.0 ± 0.4”")
                return
            }
            var valid = true
            if !(1...5).contains(parsed.target) {
                report(line, "目标难度 \(value) 无效：目标值必须在 1–5 之间")
                valid = false
            }
            if parsed.tolerance < 0 {
                report(line, "目标难度 \(value) 无效：允许偏差不能为负数")
                valid = false
            }
            if valid { target = parsed }
        case .separatesSameQuote:
            if let yes = BlueprintTextValues.yesNo(value) { separatesSameQuote = yes } else { report(line, Self.yesNoProblem(key, value)) }
        case .excludesRevealed:
            if let yes = BlueprintTextValues.yesNo(value) { excludesRevealed = yes } else { report(line, Self.yesNoProblem(key, value)) }
        case .exposureCap:
            if let cap = BlueprintTextValues.percent(value), cap > 0, cap <= 1 {
                exposureCap = cap
            } else {
                report(line, "曝光上限“\(value)”无效：要写成大于 0%、不超过 100% 的百分数，如 40%")
            }
        }
    }

    static func yesNoProblem(_ key: Key, _ value: Substring) -> String { "“\(key.rawValue)”的值“\(value)”无效：只能写“是”或“否”" }

    /// `单选 每题 2 分` under [题型].
    mutating func readSection(_ content: Substring, line: Int) {
        guard let (kindText, pointsText) = BlueprintTextValues.section(content) else {
            report(line, misplacedKey(content) ?? "题型行要写成“题型 每题 分值 分”，如“单选 每题 2 分”")
            return
        }
        let kind = QuestionKind(label: String(kindText))
        let points = BlueprintTextValues.number(pointsText)
        if kind == nil { report(line, unknownKind(kindText)) }
        if points.map({ $0 <= 0 }) ?? true { report(line, "每题分值“\(pointsText)”无效：要写一个大于 0 的数") }
        guard let kind, let points, points > 0 else { return }
        if let earlier = sectionLines[kind] {
            report(line, "题型“\(kind.label)”重复：第 \(earlier) 行已经列出")
            return
        }
        sectionLines[kind] = line
        sections.append(BlueprintSection(kind: kind, pointsPerQuestion: points))
    }

    /// `知识点 | 题型 | 难度 | 题数` under [细目]. Every field is checked, so one line can carry several messages.
    mutating func readCell(_ content: Substring, line: Int) {
        let fields = BlueprintTextSyntax.split(content, at: "|").map { BlueprintTextSyntax.trim($0) }
        guard fields.count == 4 else {
            report(line, misplacedKey(content) ?? "细目要写成“知识点 | 题型 | 难度 | 题数”四栏，这一行有 \(fields.count) 栏")
            return
        }
        let point = BlueprintTextSyntax.unescape(fields[0])
        let kind = QuestionKind(label: String(fields[1]))
        let band = BlueprintTextValues.band(fields[2])
        let count = Int(fields[3]).flatMap { InputBounds.questionsPerPaper.contains($0) ? $0 : nil }
        if point.isEmpty {
            report(line, "知识点不能为空")
        } else if point.split(separator: "/", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            report(line, "知识点“\(point)”有空的层级：层级之间用一个“/”分隔，首尾不加“/”")
        }
        if kind == nil { report(line, unknownKind(fields[1])) }
        if band == nil { report(line, "难度“\(fields[2])”无效：要写 1–5 之间的一个数或范围，如“3”或“2-4”") }
        if count == nil {
            report(line, "题数“\(fields[3])”无效：要写 1 到 \(InputBounds.questionsPerPaper.upperBound) 之间的整数")
        }
        guard let kind, let band, let count, !point.isEmpty else { return }
        let cell = BlueprintCell(knowledgePoint: point, kind: kind, difficulty: band, count: count)
        var key = cell
        key.count = 0
        if let earlier = cellLines[key] {
            report(line, "与第 \(earlier) 行的细目重复（知识点、题型和难度都相同）：请合并为一行")
            return
        }
        cellLines[key] = line
        cells.append(cell)
    }

    /// Question ids separated by spaces (or commas) under [互斥组].
    mutating func readEnemyGroup(_ content: Substring, line: Int) {
        let ids = content.split { $0.isWhitespace || ",，、".contains($0) }.map(String.init)
        var group: [String] = []
        var valid = true
        for id in ids {
            if !Question.isValidID(id) {
                report(line, "题号“\(id)”无效：题号由字母、数字、“-”和“_”组成")
                valid = false
            } else if let earlier = groupLineOfID[id] {
                report(line, earlier == line ? "题号 \(id) 在这一组中重复" : "题号 \(id) 已在第 \(earlier) 行的互斥组中：同一道题只能在一个互斥组里，请合并这两组")
                valid = false
            } else {
                groupLineOfID[id] = line
                group.append(id)
            }
        }
        if ids.count < 2 {
            report(line, "互斥组至少要列出两道题")
            valid = false
        }
        if valid { enemyGroups.append(group) }
    }

    /// `题号: …` and the like inside a part: a key written after the parts began.
    private func misplacedKey(_ content: Substring) -> String? {
        guard let (name, _) = Self.keyValue(content), let key = Key(rawValue: String(name)) else { return nil }
        return "“\(key.rawValue)”要写在文件开头，第一个 [ ] 部分之前"
    }

    private func unknownKind(_ text: Substring) -> String {
        "未知的题型“\(text)”：只能是 \(QuestionKind.allCases.map(\.label).joined(separator: "、"))"
    }

    /// Splits `键: 值` (or `键：值`) at the first colon; `nil` without one or with an empty key.
    static func keyValue(_ content: Substring) -> (Substring, Substring)? {
        guard let colon = content.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let name = BlueprintTextSyntax.trim(content[..<colon])
        guard !name.isEmpty else { return nil }
        return (name, BlueprintTextSyntax.trim(content[content.index(after: colon)...]))
    }
}
