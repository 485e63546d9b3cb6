import LianbingCore

/// The lines of one question as written, before any value is interpreted.
///
/// Collecting first and interpreting at the end of the block lets keys come in any order (题型 after the
/// options, say) and lets every problem of the block be reported in one pass, each at its own line.
struct BankTextBlock {
    /// A key's value: what followed the colon, then each continuation line, all trimmed.
    struct Field {
        var line: Int
        var lines: [Substring]

        /// Free text: the lines joined with line breaks (an empty value line, as in `参考答案:` followed by
        /// indented lines, contributes nothing).
        var text: String {
            if lines.count == 1 { return String(lines[0]) }
            var text = ""
            for line in lines where !line.isEmpty {
                if !text.isEmpty { text += "\n" }
                text += line
            }
            return text
        }
        var isEmpty: Bool { lines.allSatisfy(\.isEmpty) }
    }

    struct Option {
        var index: Int
        var field: Field
    }

    /// Where a continuation line goes.
    private enum Target {
        case key(BankTextKey)
        case option(Int)
        /// The value of a line already reported (unknown key, duplicate, unrecognised): its continuation
        /// lines belong to it and are not reported again.
        case ignored
    }

    /// The values by key, in an array indexed by the key.
    struct Fields {
        private var storage = [Field?](repeating: nil, count: BankTextKey.allCases.count)
        private(set) var isEmpty = true

        subscript(key: BankTextKey) -> Field? {
            get { storage[key.rawValue] }
            set {
                storage[key.rawValue] = newValue
                if newValue != nil { isEmpty = false }
            }
        }

        /// Appends in place: going through the subscript would copy the lines on every continuation line.
        mutating func append(_ line: Substring, to key: BankTextKey) { storage[key.rawValue]?.lines.append(line) }
    }

    let startLine: Int
    private(set) var fields = Fields()
    private(set) var options: [Option] = []
    /// Problems found while collecting, as (line, reason).
    private(set) var problems: [(line: Int, reason: String)] = []
    /// Set when the block did not open with 题号; the missing 题号 is then not reported a second time.
    private(set) var reportedMissingID = false
    /// Lines of the keys and options whose value was too long; their (partial) value is not checked again.
    private(set) var overflowedFieldLines: Set<Int> = []
    private var target: Target = .ignored
    private var targetLine = 0
    private var targetBytes = 0
    private var targetOverflowed = false

    var hasID: Bool { fields[.id] != nil }

    init(startLine: Int) { self.startLine = startLine }

    /// Problems past `BankText.maxIssuesPerFile` in this block, counted but not kept.
    private(set) var droppedProblems = 0

    /// Whether the block has any key or option line; a block of stray text only has nothing to be missing.
    var hasContent: Bool { !fields.isEmpty || !options.isEmpty }

    /// Records a problem. The reason is only worded if it will be kept: past the cap, a file of millions of
    /// bad lines must cost no more than counting them.
    mutating func fail(_ line: Int, _ reason: @autoclosure () -> String) {
        if problems.count < BankText.maxIssuesPerFile {
            problems.append((line, reason()))
        } else {
            droppedProblems += 1
        }
    }

    mutating func reportNotStartingWithID(_ line: Int) {
        reportedMissingID = true
        fail(line, "每道题应以“题号”开头，这一行之前缺少“题号: …”（或与上一题之间多了空行）")
    }

    mutating func add(_ key: BankTextKey, value: Substring, line: Int) {
        if let earlier = fields[key] {
            fail(line, "同一题中“\(key.label)”重复出现（第 \(earlier.line) 行已有）")
            target = .ignored
            return
        }
        fields[key] = Field(line: line, lines: [])
        target = .key(key)
        startValue(value, line: line)
    }

    mutating func addOption(_ index: Int, text: Substring, line: Int) {
        let letter = BankTextBlock.letter(index)
        if index >= Question.letters.count {
            fail(line, "选项 \(letter) 超出范围：最多 \(Question.letters.count) 个选项（A–H）")
            target = .ignored
        } else if let earlier = options.first(where: { $0.index == index }) {
            fail(line, "同一题中选项 \(letter) 重复出现（第 \(earlier.field.line) 行已有）")
            target = .ignored
        } else {
            options.append(Option(index: index, field: Field(line: line, lines: [])))
            target = .option(options.count - 1)
            startValue(text, line: line)
        }
    }

    mutating func addUnknownKey(_ name: Substring, line: Int) {
        let known = BankTextKey.allCases.map(\.label).joined(separator: "、")
        fail(line, "未知的键“\(BankTextIssues.excerpt(name))”：可用的键有 \(known)，以及选项 A. … H.")
        target = .ignored
    }

    mutating func addUnrecognised(_ line: Int, text: Substring) {
        fail(
            line,
            "无法识别这一行“\(BankTextIssues.excerpt(text))”：应为“键: 值”、选项“A. …”、以两个空格开头的续行或以 # 开头的注释")
        target = .ignored
    }

    mutating func addContinuation(_ text: Substring, line: Int) {
        append(text, line: line)
    }

    private mutating func startValue(_ value: Substring, line: Int) {
        targetLine = line
        targetBytes = 0
        targetOverflowed = false
        append(value, line: line)
    }

    /// Appends one line to the value being read, unless the value has grown past the limit: then the problem
    /// is reported once, at the line that crossed it, and the rest of the value is skipped.
    private mutating func append(_ text: Substring, line: Int) {
        if case .ignored = target { return }
        if targetOverflowed { return }
        targetBytes += text.utf8.count + 1
        if targetBytes > BankText.maxValueBytes {
            targetOverflowed = true
            overflowedFieldLines.insert(targetLine)
            fail(line, "内容过长：一个值超过 \(BankText.maxValueBytes / 1024) KB，文件可能有误")
            return
        }
        switch target {
        case .key(let key): fields.append(text, to: key)
        case .option(let position): options[position].field.lines.append(text)
        case .ignored: break
        }
    }

    static func letter(_ index: Int) -> String {
        guard let scalar = Unicode.Scalar(UInt32(65 + max(0, min(index, 25)))) else { return "?" }
        return String(Character(scalar))
    }
}

/// Helpers for wording problems.
enum BankTextIssues {
    /// The start of `text`, on one line, for quoting in a message: a message must stay readable even when the
    /// offending line is 10 MB long.
    static func excerpt(_ text: some StringProtocol, limit: Int = 24) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result += "…"
                break
            }
            result.append(character.isNewline ? " " : character)
            count += 1
        }
        return result
    }
}
