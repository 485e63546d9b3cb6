import Foundation
import LianbingCore

/// Moodle XML question files (`<quiz>`), in and out.
///
/// Reading: categories (`$course$/top/a/b` → knowledge point `a/b`) apply to the questions after them; each question
/// is read by `MoodleXMLQuestionReader`, its `lianbing-` tags by `MoodleXMLTags`; names become ids as in GIFT
/// (`ForeignQuestion.identity`); foreign questions get difficulty 3, usage 通用, status 启用 and 出处
/// `Moodle XML 导入：<file>`. A question's line is that of its `<question …>` start tag (where the tag ends, for a
/// tag spread over several lines); reasons name the element at fault.
///
/// Writing: see `MoodleXMLWriter`; `read(write(qs))` gives back `qs` exactly.
public enum MoodleXML {
    static let formatName = "Moodle XML"

    public static func read(_ data: Data, file: String) -> Result<QuestionImport, ImportFailure> {
        func refuse(_ line: Int, _ reason: String) -> Result<QuestionImport, ImportFailure> {
            .failure(ImportFailure(issues: [ImportIssue(file: file, line: line, reason: reason)]))
        }
        var body = data[...]
        if body.starts(with: CSVTextDecoder.utf8BOM) { body = body.dropFirst(CSVTextDecoder.utf8BOM.count) }
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return refuse(0, "文件是空的") }
        // Anything not starting with `<` is not XML at all (a spreadsheet, a PDF, GIFT); say so instead of quoting libxml2.
        if first != UInt8(ascii: "<") { return refuse(0, "文件不是 XML：Moodle XML 文件应以 <?xml 或 <quiz> 开头") }
        // Moodle writes UTF-8 only. Checking it here is also what keeps junk from crashing the process:
        // FoundationXML parses in libxml2's recovery mode and force-unwraps element names as UTF-8, so invalid bytes
        // in a tag name trap instead of reporting an error.
        if String(validating: body, as: UTF8.self) == nil {
            return refuse(0, "文件不是 UTF-8 编码：Moodle XML 文件应为 UTF-8，请另存为 UTF-8 后重新上传")
        }
        if let refusal = MoodleXMLPreflight.check(body) { return refuse(refusal.line, refusal.reason) }

        let root: MoodleXMLElement
        switch MoodleXMLTree.parse(Data(body)) {
        case .failure(let error): return refuse(error.line, error.reason)
        case .success(let element): root = element
        }
        guard root.name == "quiz" else { return refuse(root.line, "根元素应为 <quiz>，实际为 <\(root.name)>：这不是 Moodle XML 题目文件") }
        let entries = entries(root, file: file)
        if entries.isEmpty { return refuse(0, "文件中没有题目（<quiz> 中没有 type 不是 category 的 <question>）") }

        var result = QuestionImport()
        var seen = SeenQuestionIDs()
        for entry in entries {
            var issues: [String] = []
            switch entry.read.outcome {
            case .unsupported(let type):
                result.unsupported.append(
                    UnsupportedQuestion(file: file, line: entry.line, name: ForeignQuestion.label(name: entry.read.name, text: entry.read.preview), type: type))
            case .problems(let reasons):
                issues = reasons
            case .question(let question):
                issues = QuestionChecks.problems(question)
                if issues.isEmpty, let duplicate = seen.claim(question.id, line: entry.line) { issues.append(duplicate) }
                if issues.isEmpty { result.questions.append(LocatedQuestion(question: question, file: file, line: entry.line)) }
            }
            result.issues += issues.map { ImportIssue(file: file, line: entry.line, reason: $0) }
        }
        return .success(result)
    }

    /// Every question of `root` but the categories, in order, read in the category in force where it stands.
    static func entries(_ root: MoodleXMLElement, file: String) -> [(line: Int, read: MoodleXMLQuestionReader.Read)] {
        var knowledgePoint: String?
        var result: [(line: Int, read: MoodleXMLQuestionReader.Read)] = []
        for element in root.children("question") {
            if element.attributes["type"] == "category" {
                knowledgePoint = element.text(of: "category").flatMap(ForeignCategory.knowledgePoint(fromPath:))
            } else {
                result.append((element.line, MoodleXMLQuestionReader.read(element, knowledgePoint: knowledgePoint, file: file)))
            }
        }
        return result
    }

    /// `questions` as a Moodle XML file, UTF-8, in the order given.
    public static func write(_ questions: [Question]) -> Data { Data(MoodleXMLWriter.document(questions).utf8) }
}
