import Foundation
import LianbingCore

/// Moodle XML question files (`<quiz>`), in and out.
///
/// Reading: categories (`$course$/top/a/b` → knowledge point `a/b`) apply to the questions after them; each question
/// is read by `MoodleXMLQuestionReader`, its `lianbing-` tags by `MoodleXMLTags`; names become ids as in GIFT
/// (`ForeignQuestion.identity`, shared names settled by `ForeignImportCollector`); foreign questions get difficulty 3, usage 通用, status 启用 and 出处
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
        let body: Data.SubSequence
        switch MoodleXMLPreflight.check(data) {
        case .failure(let refusal): return refuse(refusal.line, refusal.reason)
        case .success(let checked): body = checked
        }

        let root: MoodleXMLElement
        switch MoodleXMLTree.parse(Data(body)) {
        case .failure(let error): return refuse(error.line, error.reason)
        case .success(let element): root = element
        }
        guard root.name == "quiz" else { return refuse(root.line, "根元素应为 <quiz>，实际为 <\(root.name)>：这不是 Moodle XML 题目文件") }
        let entries = entries(root, file: file)
        if entries.isEmpty { return refuse(0, "文件中没有题目（<quiz> 中没有 type 不是 category 的 <question>）") }

        var collector = ForeignImportCollector(file: file)
        for entry in entries {
            collector.add(entry.read.outcome, line: entry.line, name: entry.read.name, preview: entry.read.preview)
        }
        return .success(collector.result)
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
