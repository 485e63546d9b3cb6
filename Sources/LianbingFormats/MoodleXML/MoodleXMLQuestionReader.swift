import Foundation
import LianbingCore

/// Reads one `<question>` element of a Moodle XML file (other than a category).
///
/// | Moodle type | becomes |
/// | --- | --- |
/// | `multichoice`, `<single>true</single>` (the default) | 单选; the answer with `fraction` > 0 is the key |
/// | `multichoice`, `<single>false</single>` | 多选; every answer with `fraction` > 0 is a key |
/// | `truefalse` | 判断; the `true`/`false` answer with `fraction="100"` |
/// | `shortanswer` | 填空, one blank; its variants are the answers with `fraction="100"`; `____` is appended to a text without one |
/// | `cloze` with short-answer gaps only | 填空, one blank per gap (`MoodleCloze`) |
/// | `essay` | 简答; `<graderinfo>` is the reference answer, and the lines after a line `评分要点：` the scoring points; a draft when either is missing |
/// | anything else (matching, numerical, calculated…, ddwtos, gapselect, description, random…) | unsupported, by type |
enum MoodleXMLQuestionReader {
    struct Read {
        /// `<name><text>`, trimmed.
        var name: String
        /// The start of the text, for naming the question in reports.
        var preview: String
        var outcome: ForeignOutcome
    }

    /// Headings of `<graderinfo>` written by `MoodleXMLWriter`, and recognised in hand-written files too.
    static let referenceHeadings: Set<String> = ["参考答案：", "参考答案:", "参考答案"]
    static let pointsHeadings: Set<String> = ["评分要点：", "评分要点:", "评分要点"]

    static func read(_ element: MoodleXMLElement, knowledgePoint: String?, file: String) -> Read {
        let name = (element.text(of: "name") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let type = element.attributes["type"] ?? ""
        let stem = text(element.child("questiontext"))
        let preview = stem
        func read(_ outcome: ForeignOutcome) -> Read { Read(name: name, preview: preview, outcome: outcome) }
        if type.isEmpty { return read(.problems(["<question> 缺少 type 属性"])) }

        let tags = MoodleXMLTags(element)
        let identity = ForeignQuestion.identity(name: name, text: stem)
        var skeleton = ForeignQuestion.skeleton(
            id: identity.id, tags: identity.tags, knowledgePoint: knowledgePoint,
            source: ForeignQuestion.defaultSource(format: MoodleXML.formatName, file: file))
        tags.decorate(&skeleton)
        if !tags.problems.isEmpty { return read(.problems(tags.problems)) }

        var question = skeleton
        question.explanation = text(element.child("generalfeedback"))
        let outcome: ForeignOutcome
        do {
            outcome = try content(element, type: type, stem: stem, into: question)
        } catch {
            outcome = .problems([error.reason])
        }
        guard case .question(var question) = outcome, tags.statusValue == nil else {
            return read(outcome.applying(tags.exact, skeleton: skeleton))
        }
        ForeignQuestion.draftIfUngraded(&question)
        return read(ForeignOutcome.question(question).applying(tags.exact, skeleton: skeleton))
    }

    /// The question once the type-specific elements are read into `question`.
    private static func content(
        _ element: MoodleXMLElement, type: String, stem: String, into question: Question
    ) throws(Problem) -> ForeignOutcome {
        var question = question
        question.stem = stem
        switch type {
        case "multichoice":
            let single =
                element.child("single").map {
                    !["false", "0"].contains($0.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
                } ?? true
            let answers = try self.answers(element)
            question.kind = single ? .singleChoice : .multipleChoice
            question.options = answers.map(\.text)
            question.answer = .choices(answers.indices.filter { answers[$0].fraction > 0 })
        case "truefalse":
            guard let key = try answers(element).first(where: { $0.fraction >= 99.99 }) else {
                throw Problem("判断题没有 fraction=\"100\" 的 <answer>")
            }
            switch key.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            case "true", "正确", "对": question.answer = .trueFalse(true)
            case "false", "错误", "错": question.answer = .trueFalse(false)
            default: throw Problem("判断题 fraction=\"100\" 的 <answer> 应为 true 或 false，实际为“\(key.text)”")
            }
            question.kind = .trueFalse
        case "shortanswer":
            // Partial-credit answers have no counterpart in the bank's right-or-wrong blanks.
            let variants = try answers(element).filter { $0.fraction >= 99.99 }.map {
                $0.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            question.kind = .fillBlank
            question.answer = .blanks([variants])
            if BlankMarkers.count(in: stem) == 0 {
                // Moodle shows the answer box under the text; the bank needs to know where the blank is.
                let needsSpace = stem.last.map { $0.isASCII && !$0.isWhitespace } ?? false
                question.stem = stem + (needsSpace ? " " : "") + BlankMarkers.marker
            }
        case "cloze":
            switch MoodleCloze.parse(stem) {
            case .unsupportedGap(let gap): return .unsupported("cloze（含 \(gap) 空）")
            case .noGaps: throw Problem("cloze 题的 <questiontext> 中没有 {1:SHORTANSWER:=…} 这样的空")
            case .blanks(let text, let blanks):
                question.stem = text
                question.kind = .fillBlank
                question.answer = .blanks(blanks)
            }
        case "essay":
            question.kind = .shortAnswer
            question.answer = graderInfo(text(element.child("graderinfo")))
        default:
            return .unsupported(type)
        }
        return .question(question)
    }

    /// The `<text>` of a rich-text element (`<questiontext>`, `<answer>` …) as plain text: HTML is stripped, every
    /// other format (`plain_text`, `moodle_auto_format`, `markdown`) kept as written.
    static func text(_ element: MoodleXMLElement?) -> String {
        guard let element, let text = element.child("text")?.text else { return "" }
        return element.attributes["format"]?.lowercased() == "html" ? MoodleHTML.plainText(text) : text
    }

    /// The `<answer>` elements in order, each with its fraction (a percentage; Moodle writes `100`, `33.33333`, `-100`).
    private static func answers(_ element: MoodleXMLElement) throws(Problem) -> [(fraction: Double, text: String)] {
        var result: [(fraction: Double, text: String)] = []
        for answer in element.children("answer") {
            let raw = answer.attributes["fraction"] ?? "0"
            guard let fraction = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                throw Problem("第 \(answer.line) 行 <answer fraction=\"\(raw)\">：fraction 应为数字，如 100 或 0")
            }
            result.append((fraction, text(answer)))
        }
        return result
    }

    /// The reference answer, and the scoring points one per line after a `评分要点：` line.
    static func graderInfo(_ text: String) -> Answer {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let heading = trimmed.firstIndex(where: pointsHeadings.contains) else {
            return .shortAnswer(reference: text.trimmingCharacters(in: .whitespacesAndNewlines), points: [])
        }
        var referenceLines = lines[..<heading]
        if let first = trimmed.first, referenceHeadings.contains(first) { referenceLines = referenceLines.dropFirst() }
        let reference = referenceLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return .shortAnswer(reference: reference, points: trimmed[(heading + 1)...].filter { !$0.isEmpty })
    }

    struct Problem: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
