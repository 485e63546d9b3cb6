import Foundation
import LianbingCore

/// One row of the question template, to and from a `Question`.
enum QuestionCSVRow {
    /// Column positions in `QuestionCSV.fullHeader`.
    enum Column {
        static let id = 0, kind = 1, stem = 2, firstOption = 3, answer = 11, explanation = 12, points = 13
        static let knowledgePoints = 14, difficulty = 15, source = 16, usage = 17, quote = 18, tags = 19, status = 20
    }

    /// The question in `cells` (trimmed, 18 or 21 of them), or `nil` with `reasons` saying why.
    static func question(_ cells: [String], reasons: inout [String]) -> Question? {
        // Values the bank keeps on one line; a line break in them is a pasting accident. Free text (题干, 选项,
        // 解析, 原文, and the reference answer of a 简答) may span lines.
        var singleLine = [Column.id, Column.kind, Column.knowledgePoints, Column.difficulty, Column.source, Column.usage]
        if cells.count > Column.quote { singleLine += [Column.tags, Column.status] }
        if QuestionKind(label: cells[Column.kind]) != .shortAnswer { singleLine.append(Column.answer) }
        for column in singleLine where cells[column].contains(where: \.isNewline) {
            reasons.append("“\(QuestionCSV.fullHeader[column])”不能包含换行")
        }
        if !reasons.isEmpty { return nil }

        var skipped: Set<QuestionChecks.Part> = []
        let kind = QuestionKind(label: cells[Column.kind])
        if kind == nil {
            reasons.append(
                cells[Column.kind].isEmpty ? "题型为空：应为 单选、多选、判断、填空、简答 之一" : "题型“\(cells[Column.kind])”无效：应为 单选、多选、判断、填空、简答 之一")
            skipped.insert(.key)
        }
        let options = parseOptions(cells, kind: kind, reasons: &reasons)
        var answer: Answer?
        if let kind { answer = parseAnswer(cells, kind: kind, reasons: &reasons) }
        if answer == nil || options == nil { skipped.insert(.key) }
        if kind != .shortAnswer, !cells[Column.points].isEmpty { reasons.append("只有简答题可以填写评分要点") }

        let difficulty = Int(asciiDigits(cells[Column.difficulty]))
        if difficulty == nil {
            reasons.append(cells[Column.difficulty].isEmpty ? "难度为空：应为 1–5" : "难度“\(cells[Column.difficulty])”无效：应为 1–5 的整数")
            skipped.insert(.difficulty)
        }
        let usage = cells[Column.usage].isEmpty ? .both : QuestionUsage(label: cells[Column.usage])
        if usage == nil { reasons.append("用途“\(cells[Column.usage])”无效：应为 考试、练习、通用 之一，或留空（通用）") }
        var status: QuestionStatus? = .active
        if cells.count > Column.status, !cells[Column.status].isEmpty {
            status = QuestionStatus(label: cells[Column.status])
            if status == nil { reasons.append("状态“\(cells[Column.status])”无效：应为 草稿、启用、停用 之一，或留空（启用）") }
        }

        let question = Question(
            id: cells[Column.id], kind: kind ?? .shortAnswer, stem: cells[Column.stem], options: options ?? [],
            answer: answer ?? .shortAnswer(reference: "", points: []), explanation: cells[Column.explanation],
            knowledgePoints: knowledgePointList(cells[Column.knowledgePoints]), difficulty: difficulty ?? 0,
            source: cells[Column.source],
            quote: cells.count > Column.quote ? cells[Column.quote] : "",
            tags: cells.count > Column.tags ? list(cells[Column.tags], at: [";"]) : [],
            status: status ?? .active, usage: usage ?? .both)
        reasons += QuestionChecks.problems(question, skipping: skipped)
        return reasons.isEmpty ? question : nil
    }

    /// The 21 cells of `question`.
    static func cells(_ question: Question) -> [String] {
        var options = Array(question.options.prefix(Question.letters.count))
        options += Array(repeating: "", count: Question.letters.count - options.count)
        var answer = ""
        var points = ""
        switch question.answer {
        case .choices(let indexes): answer = Answer.letters(indexes)
        case .trueFalse(let value): answer = value ? "正确" : "错误"
        case .blanks(let blanks):
            answer = blanks.map { $0.map { BankTextEscaping.escape($0, ["|", "/"]) }.joined(separator: "/") }.joined(
                separator: "|")
        case .shortAnswer(let reference, let list):
            answer = reference
            points = list.map { BankTextEscaping.escape($0, [";"]) }.joined(separator: ";")
        }
        return [question.id, question.kind.label, question.stem] + options + [
            answer, question.explanation, points,
            question.knowledgePoints.map { BankTextEscaping.escape($0, [";"]) }.joined(separator: ";"),
            String(question.difficulty), question.source, question.usage.label, question.quote,
            question.tags.map { BankTextEscaping.escape($0, [";"]) }.joined(separator: ";"), question.status.label,
        ]
    }

    /// Options A… up to the last filled one; `nil` when one in the middle is empty or the type takes none.
    private static func parseOptions(_ cells: [String], kind: QuestionKind?, reasons: inout [String]) -> [String]? {
        let all = Array(cells[Column.firstOption..<(Column.firstOption + Question.letters.count)])
        guard let last = all.lastIndex(where: { !$0.isEmpty }) else { return [] }
        if let kind, !kind.hasOptions {
            reasons.append("\(kind.label)题不应填写选项")
            return nil
        }
        let gaps = (0..<last).filter { all[$0].isEmpty }
        if !gaps.isEmpty {
            reasons.append("选项\(gaps.map(QuestionChecks.letter).joined(separator: "、"))为空，但后面的选项有内容：选项应从 A 起连续填写")
            return nil
        }
        return Array(all[...last])
    }

    private static func parseAnswer(_ cells: [String], kind: QuestionKind, reasons: inout [String]) -> Answer? {
        let text = cells[Column.answer]
        if text.isEmpty {
            reasons.append(kind == .shortAnswer ? "答案为空：简答题的“答案”列填写参考答案" : "答案为空")
            return nil
        }
        switch kind {
        case .singleChoice, .multipleChoice:
            guard let indexes = Answer.indexes(fromLetters: text) else {
                reasons.append("答案“\(text)”无效：应为选项字母，如 B 或 ABD")
                return nil
            }
            return .choices(indexes)
        case .trueFalse:
            guard let value = trueFalse(text) else {
                reasons.append("答案“\(text)”无效：判断题应为 正确 或 错误")
                return nil
            }
            return .trueFalse(value)
        case .fillBlank:
            // One pass splits at both separators; `|` starts the next blank, `/` the next variant of this one.
            let (pieces, separators) = BankTextEscaping.split(text[...], at: ["|", "/"])
            var blanks: [[String]] = [[trim(pieces[0])]]
            for (piece, separator) in zip(pieces.dropFirst(), separators) {
                if separator == "|" { blanks.append([]) }
                blanks[blanks.count - 1].append(trim(piece))
            }
            return .blanks(blanks)
        case .shortAnswer:
            return .shortAnswer(reference: text, points: list(cells[Column.points], at: [";", "\n"]))
        }
    }

    private static func trueFalse(_ text: String) -> Bool? {
        switch text.uppercased() {
        case "正确", "对", "√", "✓", "是", "T", "TRUE": true
        case "错误", "错", "×", "✗", "否", "F", "FALSE": false
        default: nil
        }
    }

    /// Entries of a `;`-separated column, trimmed, empty ones dropped (a trailing `;` is harmless).
    private static func list(_ text: String, at separators: Set<Unicode.Scalar>) -> [String] {
        BankTextEscaping.split(text[...], at: separators).pieces.map(trim).filter { !$0.isEmpty }
    }

    /// Knowledge points with each level trimmed. `\/` becomes `／`, as in the bank format: the model keeps `/` for levels.
    private static func knowledgePointList(_ text: String) -> [String] {
        BankTextEscaping.split(text[...], at: [";"], escapedSlash: "／").pieces.map(trim).filter { !$0.isEmpty }.map {
            $0.split(separator: "/", omittingEmptySubsequences: false).map(trim).joined(separator: "/")
        }
    }

    /// `３` typed with a full-width input method reads as 3.
    private static func asciiDigits(_ text: String) -> String {
        String(
            text.unicodeScalars.map { ("０"..."９").contains($0) ? Character(Unicode.Scalar($0.value - 0xFEE0)!) : Character($0) })
    }

    /// Spreadsheet cells often carry stray spaces (including the full-width U+3000) that users cannot see.
    static func trim<S: StringProtocol>(_ text: S) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
