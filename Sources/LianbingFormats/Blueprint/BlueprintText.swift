import Foundation
import LianbingCore

/// The blueprint file format (组卷规则文件), documented in `Blueprints/README.md`.
///
/// ```
/// 标题: 2026年第四季度集中考核
/// 用途: 集中考核
/// 总分: 100
/// 目标难度: 3.0 ± 0.4
/// 曝光上限: 40%
///
/// [题型]
/// 单选 每题 2 分
///
/// [细目]
/// # 知识点 | 题型 | 难度 | 题数
/// 体系建设 | 单选 | 1-3 | 4
///
/// [互斥组]
/// XD04-001 XD04-002
/// ```
///
/// Trainers keep blueprints beside the question bank in git, so the format is text a person edits and a diff
/// reads. The reader checks the file (syntax, values, duplicates) and reports every problem at its line; whether
/// the bank can meet the blueprint is `Feasibility`'s question, not the file's.
public enum BlueprintText {
    /// Reads a blueprint file's text. A leading byte order mark is ignored.
    public static func read(_ text: String, file: String) -> Result<Blueprint, ImportFailure> {
        var reader = BlueprintTextReader(file: file)
        return reader.read(text)
    }

    /// Reads a blueprint file's bytes: UTF-8, or GB18030 as Windows editors save it.
    public static func read(_ data: Data, file: String) -> Result<Blueprint, ImportFailure> {
        CSVTextDecoder.decode(data, file: file).flatMap { read($0.text, file: file) }
    }

    /// The canonical text of a blueprint: keys in the documented order, optional keys left out when unset, LF line
    /// ends. `read(write(b))` gives `b` back for any blueprint read from a file.
    public static func write(_ blueprint: Blueprint) -> String {
        BlueprintTextWriter.write(blueprint)
    }
}
