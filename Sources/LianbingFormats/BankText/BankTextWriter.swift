import LianbingCore

/// Writes questions in the one canonical layout, so that a file written by the tool, edited by hand and
/// written again shows only the edits in a diff.
///
/// - A one-line value follows its key: `题干: …`. A value of several lines goes on indented lines below the key,
///   as the README writes `参考答案`; `评分要点` always goes below, one point per line.
/// - `用途: 通用`, `状态: 启用` and empty optional keys (标签, 原文, 解析) are left out.
/// - The writer expects a canonical question (`BankText.canonical`); `BankText.write` makes sure of that.
struct BankTextWriter {
    private(set) var text = ""
    private static let indent = "  "

    mutating func newline() { text += "\n" }

    mutating func write(_ question: Question) {
        value(.id, question.id)
        value(.kind, question.kind.label)
        value(.knowledgePoints, question.knowledgePoints.map { BankTextEscaping.escape($0, [";"]) }.joined(separator: ";"))
        value(.difficulty, String(question.difficulty))
        if question.usage != .both { value(.usage, question.usage.label) }
        if question.status != .active { value(.status, question.status.label) }
        if !question.tags.isEmpty { value(.tags, question.tags.map { BankTextEscaping.escape($0, [";"]) }.joined(separator: ";")) }
        value(.source, question.source)
        if !question.quote.isEmpty { value(.quote, question.quote) }
        value(.stem, question.stem)
        for (index, option) in question.options.enumerated() {
            value("\(BankTextBlock.letter(index)).", option)
        }
        switch question.answer {
        case .choices(let indexes):
            value(.answer, Answer.letters(indexes))
        case .trueFalse(let isTrue):
            value(.answer, isTrue ? "正确" : "错误")
        case .blanks(let blanks):
            value(
                .answer,
                blanks.map { $0.map { BankTextEscaping.escape($0, ["|", "/"]) }.joined(separator: "/") }.joined(separator: "|"))
        case .shortAnswer(let reference, let points):
            value(.reference, reference)
            text += BankTextKey.scoringPoints.label + ":\n"
            for point in points { text += Self.indent + BankTextEscaping.escape(point, [";"]) + "\n" }
        }
        if !question.explanation.isEmpty { value(.explanation, question.explanation) }
    }

    private mutating func value(_ key: BankTextKey, _ value: String) { self.value(key.label + ":", value) }

    /// `label` then the value: on the same line if it is one line, otherwise each line indented below.
    private mutating func value(_ label: String, _ value: String) {
        if value.isEmpty {
            text += label + "\n"
        } else if !value.utf8.contains(0x0A) {
            text += label + " " + value + "\n"
        } else {
            text += label + "\n"
            for line in value.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                text += Self.indent
                text += Substring(line)
                text += "\n"
            }
        }
    }
}
