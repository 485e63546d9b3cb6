import LianbingCore

/// Reads the text of one bank file block by block, in a single pass over its lines.
///
/// Every line is looked at once and every value is copied once, so the time is linear in the size of the
/// file whatever it contains; nothing is ever rescanned from the start of a block.
struct BankTextReader {
    let file: String
    private(set) var questions: [LocatedQuestion] = []
    private(set) var issues: [ImportIssue] = []
    private var block: BankTextBlock?
    /// Problems past the cap, counted so the summary can say how many were left out.
    private var droppedIssues = 0

    init(file: String) { self.file = file }

    mutating func read(_ text: String) -> QuestionImport {
        BankTextLine.forEach(in: text) { number, line in consume(BankTextLine(line), raw: line, number: number) }
        finishBlock()
        issues.sort()
        if droppedIssues > 0 {
            issues.insert(
                ImportIssue(
                    file: file, line: 0,
                    reason: "问题过多：只列出前 \(BankText.maxIssuesPerFile) 处，另有 \(droppedIssues) 处未列出。这可能不是题库文件"),
                at: 0)
        }
        return QuestionImport(questions: questions, issues: issues)
    }

    private mutating func consume(_ line: BankTextLine, raw: Substring, number: Int) {
        switch line {
        case .blank:
            finishBlock()
        case .comment:
            // Comments are invisible: they neither end a question nor interrupt a value.
            break
        case .continuation(let text):
            if block == nil {
                report(number, "这一行以空格开头，是上一行的续行，但前面没有可接续的内容（题与题之间的空行后不应缩进）")
            } else {
                block?.addContinuation(text, line: number)
            }
        case .key(let key, let name, let value):
            if key == .id, block?.hasID == true {
                // Two questions run together: split them, so the first is still read and the second is
                // reported once rather than as a string of duplicate keys.
                finishBlock()
                block = BankTextBlock(startLine: number)
                block?.fail(number, "“题号”前缺少空行：每道题之间要空一行")
            } else if block == nil {
                block = BankTextBlock(startLine: number)
                if key != .id { block?.reportNotStartingWithID(number) }
            }
            if let key {
                block?.add(key, value: value, line: number)
            } else {
                block?.addUnknownKey(name, line: number)
            }
        case .option(let index, let text):
            if block == nil {
                block = BankTextBlock(startLine: number)
                block?.reportNotStartingWithID(number)
            }
            block?.addOption(index, text: text, line: number)
        case .unrecognised:
            if block == nil { block = BankTextBlock(startLine: number) }
            block?.addUnrecognised(number, text: raw)
        }
    }

    private mutating func finishBlock() {
        guard let finished = block else { return }
        block = nil
        var builder = BankTextQuestionBuilder(finished)
        let (question, problems) = builder.build()
        if let question {
            questions.append(LocatedQuestion(question: question, file: file, line: finished.startLine))
        } else {
            for problem in problems { report(problem.line, problem.reason) }
            droppedIssues += finished.droppedProblems
        }
    }

    /// Keeps the problem unless the file already has `BankText.maxIssuesPerFile`: a file that is not a bank file
    /// at all (10 MB of one-character lines) must not turn into millions of messages.
    private mutating func report(_ line: Int, _ reason: String) {
        if issues.count < BankText.maxIssuesPerFile {
            issues.append(ImportIssue(file: file, line: line, reason: reason))
        } else {
            droppedIssues += 1
        }
    }
}
