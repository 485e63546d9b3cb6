/// The lexical rules shared by the reader and the writer: comments, escapes, the keys and the section names.
enum BlueprintTextSyntax {
    enum Key: String, CaseIterable {
        case title = "标题"
        case purpose = "用途"
        case totalPoints = "总分"
        case targetDifficulty = "目标难度"
        case exposureCap = "曝光上限"
        case separatesSameQuote = "同一原文互斥"
        case excludesRevealed = "排除已公开答案的试题"
    }

    enum Part: String, CaseIterable {
        case sections = "题型"
        case cells = "细目"
        case enemyGroups = "互斥组"
    }

    /// The line without its comment (an unescaped `#` to the end of the line), trimmed, escapes still in place.
    static func content(_ line: Substring) -> Substring {
        var escaped = false
        var end = line.endIndex
        for index in line.indices {
            let character = line[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "#" {
                end = index
                break
            }
        }
        return trim(line[..<end])
    }

    /// Splits at every unescaped `separator`.
    static func split(_ text: Substring, at separator: Character) -> [Substring] {
        var fields: [Substring] = []
        var start = text.startIndex
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == separator {
                fields.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        fields.append(text[start...])
        return fields
    }

    /// `\#`, `\|` and `\\` to the characters they stand for; any other backslash is kept as written.
    static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                if !"#|\\".contains(character) { result.append("\\") }
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// The inverse of `unescape`, for free text written into the file. A line break cannot be written and
    /// becomes a space.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "#", "|": result += "\\" + String(character)
            case "\n", "\r", "\r\n": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }

    static func trim(_ text: Substring) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start].isWhitespace { start = text.index(after: start) }
        while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return text[start..<end]
    }
}
