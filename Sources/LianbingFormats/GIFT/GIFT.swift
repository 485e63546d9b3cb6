import Foundation
import LianbingCore

/// Moodle's GIFT text format, in and out.
///
/// ```
/// $CATEGORY: $course$/top/队伍建设/学习培训形式
///
/// // lianbing: {"difficulty":2,"source":"粤退役军人发〔2023〕22号 二（五）19","status":"active","usage":"both"}
/// ::XD19-001:: 该站至少多长时间组织一次工作人员业务培训？ {
///     ~每季度
///     =每半年
///     ####行动计划第19项……
/// }
/// ```
///
/// Reading (see `GIFTAnswerBlock` for how a block becomes a type):
/// - `$CATEGORY:` sets the knowledge point of the questions after it (`$course$/` and `top/` dropped); before any,
///   questions go to `未分类`.
/// - `::name::` is the id when it is a valid id, otherwise the id is `Q-` and a hash of the name (or of the text when
///   there is no name) and the name is kept as a tag `原题名:…` (`ForeignQuestion.identity`). Questions sharing a
///   name are settled by `ForeignImportCollector`: identical copies read once, different ones suffixed by content.
/// - `[moodle]`, `[markdown]` and `[plain]` are dropped and the text is kept as written; `[html]` text is made plain
///   (`MoodleHTML`), as Moodle XML's is.
/// - A 简答 without reference answer or scoring points (an essay `{}`) is imported as a draft (`ForeignQuestion`).
/// - Matching, numerical, descriptions (no answer block) and questions with several answer blocks (what Moodle calls
///   cloze; GIFT itself cannot express them) are reported in `unsupported` by those names.
/// - A foreign question has difficulty 3, usage 通用, status 启用 and 出处 `GIFT 导入：<file>`. Questions this
///   writer wrote carry the fields GIFT lacks in a `// lianbing: {json}` comment above them, which wins.
///
/// Writing emits `$CATEGORY:` whenever the first knowledge point changes, `::id::`, the question in Moodle's style,
/// and the `// lianbing:` comment, so that `read(write(qs))` gives back `qs` exactly.
public enum GIFT {
    static let formatName = "GIFT"

    public static func read(_ data: Data, file: String) -> Result<QuestionImport, ImportFailure> {
        QuestionTextDecoder.decode(data, file: file, format: formatName).flatMap { read(text: $0, file: file) }
    }

    static let notGIFT = "文件中没有 GIFT 题目（GIFT 题目的答案写在 { } 中），可能不是 GIFT 文件"
    static let damagedComment = "“// lianbing:” 注释不是有效的 JSON，已忽略：它由本平台导出时写入，请勿手工修改"

    static func read(text: String, file: String) -> Result<QuestionImport, ImportFailure> {
        var collector = ForeignImportCollector(file: file)
        var knowledgePoint: String?
        var answerBlocks = 0
        for item in GIFTBlocks.items(in: text) {
            switch item {
            case .category(let path, _):
                knowledgePoint = ForeignCategory.knowledgePoint(fromPath: path)
            case .question(let block):
                let parsed = GIFTQuestionParser.parse(block.text)
                if parsed.content != .failure(.unsupported("description")) { answerBlocks += 1 }
                var overrides: QuestionOverrides?
                if let lianbing = block.lianbing {
                    overrides = QuestionOverrides.parse(json: lianbing.json)
                    if overrides == nil { collector.issue(damagedComment, line: lianbing.line) }
                }
                let outcome = question(parsed, knowledgePoint: knowledgePoint, file: file)
                    .applying(overrides, skeleton: skeleton(parsed, knowledgePoint: knowledgePoint, file: file))
                collector.add(outcome, line: block.line, name: parsed.name, preview: parsed.preview)
            }
        }
        // Prose, a CSV or a bank file all read as a run of descriptions; say what is wrong instead of listing them.
        if answerBlocks == 0 { return .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: notGIFT)])) }
        return .success(collector.result)
    }

    /// The question `parsed` describes, with the defaults for what GIFT does not say.
    static func question(_ parsed: GIFTQuestionParser.Parsed, knowledgePoint: String?, file: String) -> ForeignOutcome {
        switch parsed.content {
        case .failure(.unsupported(let type)): return .unsupported(type)
        case .failure(.problems(let reasons)): return .problems(reasons)
        case .success(let content):
            var question = skeleton(parsed, knowledgePoint: knowledgePoint, file: file, stem: content.stem)
            question.kind = content.kind
            question.stem = content.stem
            question.options = content.options
            question.answer = content.answer
            question.explanation = content.explanation
            ForeignQuestion.draftIfUngraded(&question)
            return .question(question)
        }
    }

    private static func skeleton(_ parsed: GIFTQuestionParser.Parsed, knowledgePoint: String?, file: String, stem: String? = nil)
        -> Question
    {
        let identity = ForeignQuestion.identity(name: parsed.name, text: stem ?? parsed.preview)
        return ForeignQuestion.skeleton(
            id: identity.id, tags: identity.tags, knowledgePoint: knowledgePoint,
            source: ForeignQuestion.defaultSource(format: formatName, file: file))
    }

    /// `questions` as GIFT, UTF-8 without BOM (Moodle's importer reads it as is), in the order given.
    public static func write(_ questions: [Question]) -> Data { Data(GIFTWriter.text(questions).utf8) }
}
