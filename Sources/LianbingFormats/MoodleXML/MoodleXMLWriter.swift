import Foundation
import LianbingCore

/// Writes questions as a Moodle XML file that Moodle imports, and that `MoodleXML.read` reads back exactly.
///
/// - Text is written `format="plain_text"`, so Moodle shows it as written and nothing is lost to HTML.
/// - A category question precedes each run of questions with the same first knowledge point.
/// - 单选: `<single>true</single>`, fraction 100 on the key and 0 elsewhere. 多选: `<single>false</single>`,
///   `100/n` (33.33333 …) on each of the n keys and −100 on every wrong option, so in Moodle only the exact set
///   scores fully — the nearest Moodle gets to the bank's all-or-nothing marking.
/// - 判断: `truefalse`. 填空 with one blank: `shortanswer`, each variant at fraction 100; with several: `cloze`
///   with a short-answer gap per blank (`MoodleCloze`). 简答: `essay`, `<graderinfo>` holding `参考答案：` and
///   `评分要点：` sections.
/// - Fields Moodle lacks go in `lianbing-` tags (`MoodleXMLTags`). Draft and retired questions are `<hidden>1</hidden>`.
///
/// Exactness: the document is written once, read back with `MoodleXML`'s own reader, and any question that did not
/// come back identical (text with characters XML 1.0 cannot hold, a 填空 stem without a blank …) is written again
/// with a `lianbing-exact:{json}` tag holding the difference. So the round trip is exact by construction.
enum MoodleXMLWriter {
    static func document(_ questions: [Question]) -> String {
        let plain = questions.map { element($0, exact: nil) }
        let draft = assemble(questions, elements: plain)
        // The draft is our own well-formed output, so it parses; if it somehow did not, every question carries all.
        var readBack: [Question?] = Array(repeating: nil, count: questions.count)
        if case .success(let root) = MoodleXMLTree.parse(Data(draft.utf8)) {
            for (index, entry) in MoodleXML.entries(root, file: "").enumerated() where index < questions.count {
                if case .question(let question) = entry.read.outcome { readBack[index] = question }
            }
        }
        var changed = false
        var elements = plain
        for (index, question) in questions.enumerated() where readBack[index] != question {
            elements[index] = element(question, exact: QuestionOverrides.difference(wanted: question, readBack: readBack[index]))
            changed = true
        }
        return changed ? assemble(questions, elements: elements) : draft
    }

    private static func assemble(_ questions: [Question], elements: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- 练兵平台导出的 Moodle XML 题目。以 lianbing- 开头的标签保存 Moodle 无法表达的字段（出处、难度、用途、状态、原文、其余知识点），导回本平台时使用，请勿删除或修改。 -->
            <quiz>

            """
        var category: String?
        for (question, element) in zip(questions, elements) {
            let point = question.knowledgePoints.first ?? ForeignQuestion.defaultKnowledgePoint
            if point != category {
                xml += """
                      <question type="category">
                        <category><text>\(escape(ForeignCategory.path(forKnowledgePoint: point)))</text></category>
                        <info format="plain_text"><text></text></info>
                      </question>

                    """
                category = point
            }
            xml += element
        }
        return xml + "</quiz>\n"
    }

    /// The `<question>` element of `question`, with `exact` as a `lianbing-exact:` tag when there is something in it.
    private static func element(_ question: Question, exact: QuestionOverrides?) -> String {
        var body = ""
        func add(_ line: String) { body += "    " + line + "\n" }
        let type: String
        switch question.answer {
        case .choices(let indexes):
            type = "multichoice"
            let multiple = question.kind == .multipleChoice
            add("<single>\(multiple ? "false" : "true")</single>")
            add("<shuffleanswers>false</shuffleanswers>")
            add("<answernumbering>ABCD</answernumbering>")
            let keys = Set(indexes)
            for (index, option) in question.options.enumerated() {
                let fraction =
                    keys.contains(index) ? (multiple ? GIFTWriter.weight(of: keys.count) : "100") : (multiple ? "-100" : "0")
                add(answer(fraction: fraction, text: option))
            }
        case .trueFalse(let value):
            type = "truefalse"
            add(answer(fraction: value ? "100" : "0", text: "true"))
            add(answer(fraction: value ? "0" : "100", text: "false"))
        case .blanks(let blanks) where blanks.count > 1:
            type = "cloze"
        case .blanks(let blanks):
            type = "shortanswer"
            add("<usecase>0</usecase>")
            for variant in blanks.first ?? [] { add(answer(fraction: "100", text: variant)) }
        case .shortAnswer(let reference, let points):
            type = "essay"
            add("<responseformat>editor</responseformat>")
            add("<responserequired>1</responserequired>")
            add("<responsefieldlines>10</responsefieldlines>")
            add("<attachments>0</attachments>")
            let info = points.isEmpty ? reference : "参考答案：\n\(reference)\n评分要点：\n" + points.joined(separator: "\n")
            add(#"<graderinfo format="plain_text"><text>\#(escape(info))</text></graderinfo>"#)
            add(#"<responsetemplate format="plain_text"><text></text></responsetemplate>"#)
        }
        var stem = question.stem
        if case .blanks(let blanks) = question.answer, blanks.count > 1 { stem = MoodleCloze.text(stem: stem, answers: blanks) }

        var tags = [
            MoodleXMLTags.source + question.source, MoodleXMLTags.difficulty + String(question.difficulty),
            MoodleXMLTags.usage + question.usage.rawValue, MoodleXMLTags.status + question.status.rawValue,
        ]
        if !question.quote.isEmpty { tags.append(MoodleXMLTags.quote + question.quote) }
        tags += question.knowledgePoints.dropFirst().map { MoodleXMLTags.knowledge + $0 }
        tags += question.tags
        if let exact, !exact.isEmpty { tags.append(MoodleXMLTags.exactPrefix + exact.json()) }

        return """
              <question type="\(type)">
                <name><text>\(escape(question.id))</text></name>
                <questiontext format="plain_text"><text>\(escape(stem))</text></questiontext>
                <generalfeedback format="plain_text"><text>\(escape(question.explanation))</text></generalfeedback>
                <defaultgrade>1</defaultgrade>
                <penalty>0</penalty>
                <hidden>\(question.status == .active ? 0 : 1)</hidden>

            """ + body + "    <tags>\n" + tags.map { "      <tag><text>\(escape($0))</text></tag>\n" }.joined()
                + "    </tags>\n  </question>\n\n"
    }

    private static func answer(fraction: String, text: String) -> String {
        #"<answer fraction="\#(fraction)" format="plain_text"><text>\#(escape(text))</text><feedback format="plain_text"><text></text></feedback></answer>"#
    }

    /// `text` for XML content (no user text goes into attributes, so quotes stay as they are). Carriage returns are
    /// written `&#13;`, since XML turns a literal one into a line feed; characters XML 1.0 cannot hold at all (most C0
    /// controls) are dropped, and the exactness pass then carries the original in `lianbing-exact`.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
