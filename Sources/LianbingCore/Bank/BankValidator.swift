/// What checking a whole bank found: errors stop an import, warnings are for the authors to look at.
public struct BankReport: Sendable, Equatable {
    public var errors: [ImportIssue]
    public var warnings: [ImportIssue]

    public init(errors: [ImportIssue] = [], warnings: [ImportIssue] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    public var hasErrors: Bool { !errors.isEmpty }
}

/// The rules a bank must satisfy before it is imported, over all its files at once.
///
/// The file readers check what one file says about one question; this checks what makes a question usable
/// on a paper (enough options, one key for 单选, a source) and what only shows across files (a 题号 used twice,
/// near-duplicate stems, a knowledge point nobody else uses). It works on the model, so questions from any
/// format get the same rules. Issues point at the question's file and first line and start with its 题号.
public enum BankValidator {
    /// Stems of the same type at least this similar (Jaccard of character 3-grams) are reported as likely
    /// duplicates.
    public static let nearDuplicateThreshold = 0.8
    /// A blank in a 填空 stem is a run of at least this many underscores.
    public static let minimumBlankUnderscores = 4
    /// At most this many near-duplicates are named for one question, the most similar first.
    public static let maxNearDuplicatesPerQuestion = 5
    public static let minimumSingleChoiceOptions = 3
    public static let minimumMultipleChoiceOptions = 4

    /// Checks `questions`; issues come sorted by file, line and reason, so the same bank always gives the same
    /// report.
    public static func validate(_ questions: [LocatedQuestion], nearDuplicateThreshold: Double = nearDuplicateThreshold) -> BankReport {
        // Work in file order so that "first" and "later" mean what the author sees.
        let questions = questions.sorted { ($0.file, $0.line, $0.question.id) < ($1.file, $1.line, $1.question.id) }
        var report = BankReport()
        for located in questions {
            report.errors += problems(of: located.question).map { located.issue("\(name(located)) \($0)") }
        }
        report.errors += duplicateIDs(questions)
        report.warnings += nearDuplicates(questions, threshold: nearDuplicateThreshold)
        report.warnings += loneKnowledgePoints(questions)
        report.errors.sort()
        report.warnings.sort()
        return report
    }

    /// The number of blanks in a 填空 stem: runs of `minimumBlankUnderscores` or more `_`.
    public static func blankCount(in stem: String) -> Int {
        var count = 0
        var run = 0
        for byte in stem.utf8 {
            if byte == UInt8(ascii: "_") {
                run += 1
                if run == minimumBlankUnderscores { count += 1 }
            } else {
                run = 0
            }
        }
        return count
    }

    // MARK: One question

    /// What is wrong with `question` on its own, as reasons without the 题号.
    static func problems(of question: Question) -> [String] {
        var problems: [String] = []
        if !Question.isValidID(question.id) {
            problems.append("题号无效：只能使用英文字母、数字、- 和 _，最多 32 个字符")
        }
        if isBlank(question.source) { problems.append("缺少出处：每道题都要写明出处（文件章节或法律条款）") }
        if isBlank(question.stem) { problems.append("题干为空") }
        if !(1...5).contains(question.difficulty) { problems.append("难度 \(question.difficulty) 超出范围：应为 1 到 5") }

        let points = question.knowledgePoints.filter { !isBlank($0) }
        if points.isEmpty { problems.append("缺少知识点") }
        for point in points where point.split(separator: "/", omittingEmptySubsequences: false).contains(where: { isBlank($0) }) {
            problems.append("知识点“\(point)”有空的层级（如 a//b 或以 / 开头、结尾）")
        }

        if question.kind.hasOptions {
            problems += choiceProblems(question)
        } else if !question.options.isEmpty {
            problems.append("\(question.kind.label)题不应有选项")
        }

        switch (question.kind, question.answer) {
        case (.singleChoice, .choices), (.multipleChoice, .choices), (.trueFalse, .trueFalse):
            break
        case (.fillBlank, .blanks(let blanks)):
            problems += blankProblems(blanks, stem: question.stem, draft: question.status == .draft)
        case (.shortAnswer, .shortAnswer):
            // A draft may lack them (a foreign essay without grader information, which its reader notes): it never
            // reaches a paper, and becomes active only through an import or an edit that checks them again.
            if question.status != .draft { problems += gradingProblems(of: question) }
        default:
            problems.append("答案的形式与题型“\(question.kind.label)”不符")
        }
        return problems
    }

    /// What a question lacks for marking, which only a draft may lack: a 简答's reference answer and scoring points,
    /// a 填空's full-mark answer to a blank (a foreign short answer with partial-credit answers only).
    public static func gradingProblems(of question: Question) -> [String] {
        switch question.answer {
        case .shortAnswer(let reference, let points):
            var problems: [String] = []
            if isBlank(reference) { problems.append("参考答案为空") }
            if !points.contains(where: { !isBlank($0) }) { problems.append("缺少评分要点") }
            return problems
        case .blanks(let blanks):
            return blanks.indices.filter { blanks[$0].isEmpty }.map { "第 \($0 + 1) 个空没有满分答案" }
        default:
            return []
        }
    }

    private static func choiceProblems(_ question: Question) -> [String] {
        var problems: [String] = []
        let options = question.options
        let minimum = question.kind == .singleChoice ? minimumSingleChoiceOptions : minimumMultipleChoiceOptions
        if options.count < minimum {
            problems.append("\(question.kind.label)题至少要有 \(minimum) 个选项，现有 \(options.count) 个")
        } else if options.count > Question.letters.count {
            problems.append("选项过多：最多 \(Question.letters.count) 个（A–H），现有 \(options.count) 个")
        }
        var firstWithKey: [String: Int] = [:]
        for (index, option) in options.enumerated() {
            if isBlank(option) {
                problems.append("选项 \(letter(index)) 没有内容")
                continue
            }
            let key = optionKey(option)
            if let first = firstWithKey[key] {
                problems.append("选项 \(letter(index)) 与选项 \(letter(first)) 相同")
            } else {
                firstWithKey[key] = index
            }
        }

        guard case .choices(let indexes) = question.answer else { return problems }
        let missing = indexes.filter { !options.indices.contains($0) }
        if !missing.isEmpty {
            problems.append("答案指向不存在的选项 \(missing.map(letter).joined(separator: "、"))：本题有 \(options.count) 个选项")
        }
        let chosen = Set(indexes)
        if chosen.count != indexes.count { problems.append("答案中有重复的选项") }
        if question.kind == .singleChoice, chosen.count != 1 {
            problems.append("单选题应恰有 1 个正确答案，现有 \(chosen.count) 个")
        }
        if question.kind == .multipleChoice {
            if chosen.count < 2 {
                problems.append("多选题至少要有 2 个正确答案，现有 \(chosen.count) 个")
            } else if !options.isEmpty, chosen.count >= options.count, missing.isEmpty {
                problems.append("多选题不能所有选项都正确：至少要有一个错误选项")
            }
        }
        return problems
    }

    private static func blankProblems(_ blanks: [[String]], stem: String, draft: Bool) -> [String] {
        var problems: [String] = []
        let inStem = blankCount(in: stem)
        if blanks.isEmpty { problems.append("填空题没有答案") }
        if inStem == 0 {
            problems.append("填空题题干中没有空：每个空写作 ____（至少四个下划线）")
        } else if !blanks.isEmpty, blanks.count != inStem {
            problems.append("答案有 \(blanks.count) 个空，题干中有 \(inStem) 处空：两者应一致")
        }
        for (position, variants) in blanks.enumerated() where (variants.isEmpty && !draft) || variants.contains(where: isBlank) {
            problems.append("第 \(position + 1) 个空有空白的答案（检查多余的 / 或 |）")
        }
        return problems
    }

    // MARK: Across the bank

    /// Every later use of a 题号, naming the first.
    private static func duplicateIDs(_ questions: [LocatedQuestion]) -> [ImportIssue] {
        var first: [String: LocatedQuestion] = [:]
        var issues: [ImportIssue] = []
        for located in questions where !located.question.id.isEmpty {
            if let earlier = first[located.question.id] {
                issues.append(located.issue("题号 \(located.question.id) 重复：\(place(earlier))已使用这个题号"))
            } else {
                first[located.question.id] = located
            }
        }
        return issues
    }

    /// Stems of the same type that are nearly the same, reported at the later question.
    private static func nearDuplicates(_ questions: [LocatedQuestion], threshold: Double) -> [ImportIssue] {
        let index = NearDuplicateIndex(threshold: threshold)
        var issues: [ImportIssue] = []
        for kind in QuestionKind.allCases {
            let ofKind = questions.indices.filter { questions[$0].question.kind == kind }
            // Pairs come grouped by the later question; keep its most similar few, so that a degenerate bank
            // (hundreds of near-identical stems) gives a readable report rather than one line per pair.
            var kept: [NearDuplicateIndex.Pair] = []
            var group: [NearDuplicateIndex.Pair] = []
            func flush() {
                kept += group.sorted { ($1.similarity, $0.earlier) < ($0.similarity, $1.earlier) }.prefix(maxNearDuplicatesPerQuestion)
                group.removeAll(keepingCapacity: true)
            }
            for pair in index.pairs(ofKind.map { questions[$0].question.stem }) {
                if let last = group.last, last.later != pair.later { flush() }
                group.append(pair)
            }
            flush()
            for pair in kept {
                let earlier = questions[ofKind[pair.earlier]]
                let later = questions[ofKind[pair.later]]
                let percent = Int((pair.similarity * 100).rounded(.down))
                issues.append(
                    later.issue(
                        "\(name(later)) 题干与 \(earlier.question.id)（\(place(earlier))）"
                            + (pair.similarity >= 1 ? "相同" : "高度相似（\(percent)%）") + "，可能重复"))
            }
        }
        return issues
    }

    /// Knowledge points that only one question uses: usually a typo of a point that others use.
    private static func loneKnowledgePoints(_ questions: [LocatedQuestion]) -> [ImportIssue] {
        var users: [String: [Int]] = [:]
        for (position, located) in questions.enumerated() {
            for point in Set(located.question.knowledgePoints.map(trimmed)) where !point.isEmpty {
                users[point, default: []].append(position)
            }
        }
        return users.compactMap { point, positions in
            guard positions.count == 1 else { return nil }
            let located = questions[positions[0]]
            return located.issue("\(name(located)) 知识点“\(point)”只有这一道题使用：如果不是笔误，可以忽略")
        }
    }

    // MARK: Helpers

    private static func name(_ located: LocatedQuestion) -> String {
        located.question.id.isEmpty ? "（无题号）" : located.question.id
    }

    private static func place(_ located: LocatedQuestion) -> String { "\(located.file) 第 \(located.line) 行" }

    private static func letter(_ index: Int) -> String {
        Question.letters.indices.contains(index) ? String(Question.letters[index]) : "#\(index + 1)"
    }

    private static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { NearDuplicateIndex.isWhitespace($0) }
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !NearDuplicateIndex.isWhitespace($0) }),
            let end = scalars.lastIndex(where: { !NearDuplicateIndex.isWhitespace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Options compared for sameness: width folded, whitespace removed, ASCII lower-cased, trailing
    /// punctuation dropped (`每年` and `每年。` are the same answer). Inner punctuation is kept: `1/3` is not `13`.
    private static func optionKey(_ option: String) -> String {
        var scalars: [Unicode.Scalar] = []
        for scalar in option.unicodeScalars {
            var value = scalar.value
            if value == 0x3000 { continue }
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            guard let folded = Unicode.Scalar(value), !NearDuplicateIndex.isWhitespace(folded) else { continue }
            scalars.append(folded)
        }
        while let last = scalars.last, last.properties.generalCategory == .otherPunctuation { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
