import LianbingCore

/// Turns a collected block into a `Question`, or into the problems that stop it.
///
/// Only what the file says about one question is checked here, and only what the format needs to build the
/// model: that values are of the right kind and consistent with each other (answer letters exist, blanks
/// match the stem). Rules about good questions (enough options, a single correct choice, duplicates across
/// files) belong to `BankValidator`, which also sees questions from other sources.
struct BankTextQuestionBuilder {
    private var block: BankTextBlock

    init(_ block: BankTextBlock) { self.block = block }

    /// The question, if the block has no problem at all, and every problem found.
    mutating func build() -> (question: Question?, problems: [(line: Int, reason: String)]) {
        // Lines of stray text with no key at all have been reported; listing every missing key as well
        // would bury that one message.
        guard block.hasContent else { return (nil, block.problems) }
        let id = requiredText(.id)
        if let id, !Question.isValidID(id), let line = block.fields[.id]?.line {
            block.fail(line, "题号“\(BankTextIssues.excerpt(id))”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符")
        }

        var kind: QuestionKind?
        if let label = requiredText(.kind), let line = block.fields[.kind]?.line {
            // The canonical labels first, byte for byte; the model's parser (which also knows 单选题, single …)
            // trims with Foundation and was a tenth of the reading time.
            kind = QuestionKind.allCases.first { $0.label.utf8.elementsEqual(label.utf8) } ?? QuestionKind(label: label)
            if kind == nil { block.fail(line, "题型“\(BankTextIssues.excerpt(label))”无效：应为 单选、多选、判断、填空 或 简答") }
        }

        var knowledgePoints: [String] = []
        if let field = required(.knowledgePoints) {
            knowledgePoints = list(field, escapedSlash: "／").compactMap(BankTextCanonicalForm.knowledgePoint)
            if knowledgePoints.isEmpty { block.fail(field.line, "“知识点”为空") }
        }

        var difficulty = 0
        if let text = requiredText(.difficulty), let line = block.fields[.difficulty]?.line {
            if let value = Int(text), (1...5).contains(value) {
                difficulty = value
            } else {
                block.fail(line, "难度“\(BankTextIssues.excerpt(text))”无效：应为 1 到 5 的整数（1 最容易）")
            }
        }

        var usage = QuestionUsage.both
        if let field = optional(.usage), !field.isEmpty {
            if let value = QuestionUsage.allCases.first(where: { $0.label == field.text }) ?? QuestionUsage(label: field.text) {
                usage = value
            } else {
                block.fail(field.line, "用途“\(BankTextIssues.excerpt(field.text))”无效：应为 考试、练习 或 通用")
            }
        }

        var status = QuestionStatus.active
        if let field = optional(.status), !field.isEmpty {
            if let value = QuestionStatus.allCases.first(where: { $0.label == field.text }) ?? QuestionStatus(label: field.text) {
                status = value
            } else {
                block.fail(field.line, "状态“\(BankTextIssues.excerpt(field.text))”无效：应为 草稿、启用 或 停用")
            }
        }

        let tags = optional(.tags).map { list($0) } ?? []
        let source = requiredText(.source) ?? ""
        let quote = optional(.quote)?.text ?? ""
        let stem = requiredText(.stem) ?? ""
        let explanation = optional(.explanation)?.text ?? ""

        var options: [String] = []
        var answer: Answer?
        if let kind {
            options = self.options(for: kind)
            answer = self.answer(for: kind, options: options, stem: stem, draft: status == .draft)
        }

        guard block.problems.isEmpty, let id, let kind, let answer else { return (nil, block.problems) }
        let question = Question(
            id: id, kind: kind, stem: stem, options: options, answer: answer, explanation: explanation,
            knowledgePoints: knowledgePoints, difficulty: difficulty, source: source, quote: quote, tags: tags,
            status: status, usage: usage)
        return (question, [])
    }

    // MARK: Options and answers, by type

    private mutating func options(for kind: QuestionKind) -> [String] {
        let written = block.options
        guard kind.hasOptions else {
            if let first = written.first {
                block.fail(first.field.line, "\(kind.label)题不应有选项（选项只用于单选和多选）")
            }
            return []
        }
        if written.isEmpty {
            block.fail(block.startLine, "\(kind.label)题缺少选项：每个选项一行，如“A. …”")
            return []
        }
        for (position, option) in written.enumerated() where option.index != position {
            let letters = Question.letters.prefix(written.count).map(String.init).joined(separator: "、")
            block.fail(
                option.field.line,
                "选项应依次为 \(letters)：这里是 \(BankTextBlock.letter(option.index))，应为 \(BankTextBlock.letter(position))")
            break
        }
        for option in written where option.field.isEmpty && !isOverflowed(option.field) {
            block.fail(option.field.line, "选项 \(BankTextBlock.letter(option.index)) 没有内容")
        }
        return written.sorted { $0.index < $1.index }.map(\.field.text)
    }

    /// A draft may lack what marking needs (`BankValidator.gradingProblems`): a 填空 blank without answers, a 简答
    /// without reference answer or scoring points, as the foreign readers import them; so the live bank, drafts and
    /// all, is written to files and read back unchanged.
    private mutating func answer(for kind: QuestionKind, options: [String], stem: String, draft: Bool) -> Answer? {
        if kind != .shortAnswer {
            for key in [BankTextKey.reference, .scoringPoints] {
                if let field = block.fields[key] { block.fail(field.line, "只有简答题使用“\(key.label)”；\(kind.label)题的答案写在“答案”中") }
            }
        }
        switch kind {
        case .singleChoice, .multipleChoice:
            guard let text = requiredText(.answer), let line = block.fields[.answer]?.line else { return nil }
            guard let indexes = Answer.indexes(fromLetters: text) else {
                block.fail(line, "答案“\(BankTextIssues.excerpt(text))”无效：应为选项字母，如 B 或 ABD，每个字母只写一次")
                return nil
            }
            if !options.isEmpty, let missing = indexes.first(where: { $0 >= options.count }) {
                let last = BankTextBlock.letter(options.count - 1)
                block.fail(line, "答案中的选项 \(BankTextBlock.letter(missing)) 不存在：本题只有 A–\(last)")
                return nil
            }
            return .choices(indexes)

        case .trueFalse:
            guard let text = requiredText(.answer), let line = block.fields[.answer]?.line else { return nil }
            switch text {
            case "正确", "对": return .trueFalse(true)
            case "错误", "错": return .trueFalse(false)
            default:
                block.fail(line, "判断题答案“\(BankTextIssues.excerpt(text))”无效：应为 正确 或 错误")
                return nil
            }

        case .fillBlank:
            guard let field = required(.answer), !isOverflowed(field) else { return nil }
            if field.isEmpty && !draft {
                block.fail(field.line, "“答案”为空")
                return nil
            }
            let blanks = draft ? self.draftBlanks(field, stem: stem) : self.blanks(field)
            let expected = BankValidator.blankCount(in: stem)
            if !stem.isEmpty, blanks.count != expected {
                block.fail(
                    field.line,
                    "答案有 \(blanks.count) 个空（用 | 分隔），题干中有 \(expected) 处空（____，至少四个下划线）：两者应一致")
                return nil
            }
            return .blanks(blanks)

        case .shortAnswer:
            if let field = block.fields[.answer] {
                block.fail(field.line, "简答题不用“答案”：参考答案写在“参考答案”中，评分要点写在“评分要点”中")
            }
            let reference = draft ? (optional(.reference)?.text ?? "") : requiredText(.reference)
            var points: [String] = []
            if let field = draft ? optional(.scoringPoints) : required(.scoringPoints), !isOverflowed(field) {
                points = list(field)
                if points.isEmpty && !draft { block.fail(field.line, "“评分要点”为空") }
            }
            guard let reference else { return nil }
            return .shortAnswer(reference: reference, points: points)
        }
    }

    /// A draft's blanks: as `blanks(_:)`, an empty variant meaning none yet (the writer's `a||c` for a middle blank
    /// without answers), an empty field one blank per marker in the stem.
    private func draftBlanks(_ field: BankTextBlock.Field, stem: String) -> [[String]] {
        if field.isEmpty { return Array(repeating: [], count: max(1, BankValidator.blankCount(in: stem))) }
        return blanks(field).map { $0.filter { !$0.isEmpty } }
    }

    /// 填空 answers: blanks separated by `|` or by line breaks, variants of a blank by `/`.
    private func blanks(_ field: BankTextBlock.Field) -> [[String]] {
        var blanks: [[String]] = []
        for line in field.lines where !line.isEmpty {
            var blank: [String] = []
            let (pieces, separators) = BankTextEscaping.split(line, at: ["|", "/"])
            for (position, piece) in pieces.enumerated() {
                blank.append(BankTextWhitespace.trim(piece))
                if position == separators.count || separators[position] == "|" {
                    blanks.append(blank)
                    blank = []
                }
            }
        }
        return blanks
    }

    // MARK: Field access

    /// Entries separated by `;` or line breaks, unescaped and trimmed, without empty ones.
    private func list(_ field: BankTextBlock.Field, escapedSlash: Unicode.Scalar = "/") -> [String] {
        field.lines.flatMap { line in
            BankTextEscaping.split(line, at: [";"], escapedSlash: escapedSlash).pieces.map(BankTextWhitespace.trim)
        }
        .filter { !$0.isEmpty }
    }

    private func optional(_ key: BankTextKey) -> BankTextBlock.Field? {
        guard let field = block.fields[key], !isOverflowed(field) else { return nil }
        return field
    }

    /// The field, or nil after reporting it missing (once: a block that did not open with 题号 has said so).
    private mutating func required(_ key: BankTextKey) -> BankTextBlock.Field? {
        guard let field = block.fields[key] else {
            if !(key == .id && block.reportedMissingID) { block.fail(block.startLine, "缺少“\(key.label)”") }
            return nil
        }
        return isOverflowed(field) ? nil : field
    }

    /// The field's text, or nil after reporting it missing or empty.
    private mutating func requiredText(_ key: BankTextKey) -> String? {
        guard let field = required(key) else { return nil }
        let text = field.text
        if text.isEmpty {
            block.fail(field.line, "“\(key.label)”为空")
            return nil
        }
        return text
    }

    private func isOverflowed(_ field: BankTextBlock.Field) -> Bool { block.overflowedFieldLines.contains(field.line) }
}
