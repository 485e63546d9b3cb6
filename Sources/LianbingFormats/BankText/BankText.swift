import Foundation
import LianbingCore

/// The question-bank text format (题库文件), as documented in `QuestionBank/README.md`.
///
/// ```
/// 题号: XD19-001
/// 题型: 单选
/// 知识点: 队伍建设/学习培训形式
/// 难度: 2
/// 出处: 粤退役军人发〔2023〕22号 二（五）19
/// 题干: …该站至少多长时间组织一次工作人员业务培训？
/// A. 每季度
/// B. 每半年
/// C. 每年
/// 答案: B
/// ```
///
/// Decisions the README leaves open, made here once:
/// - Values are trimmed, line by line; a value never has meaningful leading or trailing whitespace, and it
///   cannot contain an empty line (an empty line ends the question). `canonical(_:)` is that normal form.
/// - Escapes (`\|` `\/` `\;` `\\`) apply to the values that are split (填空 answers, 知识点, 标签, 评分要点).
///   Free text is taken as written.
/// - In list values a line break separates entries just as `;` does (`|` for 填空 blanks), which is how the
///   README writes 评分要点.
/// - A `\/` inside a knowledge point becomes the full-width `／`: the model separates levels with `/` and has no
///   escapes, and `／` keeps the level's name as the author meant it.
public enum BankText {
    /// Longest accepted value, in UTF-8 bytes. No question needs a fraction of this; a longer value means
    /// the file is not a bank file, or is meant to exhaust the server.
    public static let maxValueBytes = 64 * 1024

    /// Most problems listed for one file; past this a summary on line 0 says how many more there were.
    public static let maxIssuesPerFile = 1_000

    /// Reads one bank file.
    ///
    /// Fails only when the file as a whole cannot be read (empty, binary, neither UTF-8 nor GB18030). Otherwise
    /// gives the questions that parsed, each with the line of its `题号`, and the problems of the others, each
    /// at the line of the offending key (or of the `题号` when a key is missing). A question with any problem
    /// is not returned.
    public static func read(_ data: Data, file: String) -> Result<QuestionImport, ImportFailure> {
        CSVTextDecoder.decode(data, file: file).map { decoded in
            var text = decoded.text
            text.makeContiguousUTF8()
            var reader = BankTextReader(file: file)
            return reader.read(text)
        }
    }

    /// `questions` as a bank file, in the order given: UTF-8 without BOM, LF line ends, keys in the order of
    /// the README, optional keys left out when empty or default, one blank line between questions.
    ///
    /// `read(write(qs))` gives back `qs.map(canonical)`, which is `qs` itself for valid questions.
    public static func write(_ questions: [Question]) -> Data {
        var writer = BankTextWriter()
        for (position, question) in questions.enumerated() {
            if position > 0 { writer.newline() }
            writer.write(canonical(question))
        }
        return Data(writer.text.utf8)
    }
}
