import LianbingCore

/// The checks every question reader runs on what it read, so that no reader hands on a question the model cannot
/// mean: a single choice with two keys, a 填空 whose blanks do not match its answer, a difficulty of 9.
///
/// Shared by `QuestionCSV`, `GIFT` and `MoodleXML`. Editorial rules of the bank (at least three options for 单选,
/// 原文 quoted verbatim, ids unique across files …) are `BankValidator`'s: it sees every file together. A question
/// refused here never reaches it, so nothing is reported twice.
enum QuestionChecks {
    /// Parts of a question a reader could not parse; their checks are skipped so a row is not blamed twice.
    enum Part: Hashable {
        case id, stem, key, knowledgePoints, difficulty, source, tags
    }

    /// Reasons in Chinese, empty when `question` is coherent.
    static func problems(_ question: Question, skipping skipped: Set<Part> = []) -> [String] {
        var reasons: [String] = []
        if !skipped.contains(.id) {
            if question.id.isEmpty {
                reasons.append("编号为空")
            } else if !Question.isValidID(question.id) {
                reasons.append("编号“\(question.id)”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符")
            }
        }
        if !skipped.contains(.stem), isBlank(question.stem) { reasons.append("题干为空") }
        if !skipped.contains(.key) { reasons += keyProblems(question) }
        if !skipped.contains(.knowledgePoints) {
            if question.knowledgePoints.isEmpty { reasons.append("缺少知识点") }
            for point in question.knowledgePoints
            where point.split(separator: "/", omittingEmptySubsequences: false).contains(where: { isBlank($0) }) {
                reasons.append("知识点“\(point)”有空的层级")
            }
        }
        if !skipped.contains(.difficulty), !(1...5).contains(question.difficulty) {
            reasons.append("难度应为 1–5 的整数，实际为 \(question.difficulty)")
        }
        if !skipped.contains(.source), isBlank(question.source) { reasons.append("出处为空") }
        if !skipped.contains(.tags), question.tags.contains(where: { isBlank($0) }) { reasons.append("标签不能为空") }
        return reasons
    }

    /// Options and answer against the type.
    private static func keyProblems(_ question: Question) -> [String] {
        let kind = question.kind
        var reasons: [String] = []
        if kind.hasOptions {
            if question.options.count < 2 { reasons.append("\(kind.label)题至少需要两个选项") }
            if question.options.count > Question.letters.count {
                reasons.append("选项最多 \(Question.letters.count) 个（A–H），实际有 \(question.options.count) 个")
            }
            for (index, option) in question.options.enumerated() where isBlank(option) {
                reasons.append("选项\(letter(index))为空")
            }
        } else if !question.options.isEmpty {
            reasons.append("\(kind.label)题不应有选项")
        }

        switch (kind, question.answer) {
        case (.singleChoice, .choices(let indexes)), (.multipleChoice, .choices(let indexes)):
            if kind == .singleChoice, indexes.count != 1 {
                reasons.append("单选题应有且只有一个正确答案，实际有 \(indexes.count) 个")
            }
            if kind == .multipleChoice, indexes.count < 2 { reasons.append("多选题至少要有两个正确答案，实际有 \(indexes.count) 个") }
            if Set(indexes).count != indexes.count { reasons.append("答案中有重复的选项") }
            for index in indexes where !question.options.indices.contains(index) {
                reasons.append("答案 \(letter(index)) 没有对应的选项")
            }
        case (.trueFalse, .trueFalse):
            break
        case (.fillBlank, .blanks(let blanks)):
            if blanks.isEmpty { reasons.append("填空题没有答案") }
            // A draft's blank may lack a full-mark answer (see `BankValidator.gradingProblems`).
            for (number, blank) in blanks.enumerated()
            where (blank.isEmpty && question.status != .draft) || blank.contains(where: { isBlank($0) }) {
                reasons.append("第 \(number + 1) 个空的答案为空")
            }
            let markers = BlankMarkers.count(in: question.stem)
            if markers != blanks.count {
                reasons.append("题干中有 \(markers) 处空（____，至少四个下划线），答案有 \(blanks.count) 个空")
            }
        case (.shortAnswer, .shortAnswer(_, let points)):
            if points.contains(where: { isBlank($0) }) { reasons.append("评分要点不能为空") }
        default:
            reasons.append("答案与题型“\(kind.label)”不符")
        }
        return reasons
    }

    static func letter(_ index: Int) -> String {
        Question.letters.indices.contains(index) ? String(Question.letters[index]) : "第 \(index + 1) 个"
    }

    private static func isBlank<S: StringProtocol>(_ text: S) -> Bool { text.allSatisfy(\.isWhitespace) }
}

/// The blanks of a 填空 stem: runs of four or more `_`, as the bank format writes them.
enum BlankMarkers {
    static let marker = "____"

    static func count(in stem: String) -> Int { ranges(in: stem).count }

    /// Ranges of the markers, in order; one pass over the UTF-8 bytes (`_` is ASCII, so never part of another
    /// character's encoding).
    static func ranges(in stem: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        let utf8 = stem.utf8
        var runStart: String.Index?
        var runLength = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "_") {
                if runStart == nil { runStart = index }
                runLength += 1
            } else {
                if let start = runStart, runLength >= 4 { result.append(start..<index) }
                runStart = nil
                runLength = 0
            }
            index = utf8.index(after: index)
        }
        if let start = runStart, runLength >= 4 { result.append(start..<utf8.endIndex) }
        return result
    }
}
