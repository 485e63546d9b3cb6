import Foundation
import LianbingCore

/// The `<tags>` of a question: ordinary tags become the question's tags; tags starting `lianbing-` carry what Moodle
/// has no field for, as `MoodleXMLWriter` writes them.
///
/// | tag | field |
/// | --- | --- |
/// | `lianbing-source:粤退役军人发〔2023〕22号 二（五）19` | 出处 |
/// | `lianbing-difficulty:2` | 难度 |
/// | `lianbing-usage:exam` | 用途 (`exam`/`practice`/`both`, or 考试/练习/通用) |
/// | `lianbing-status:active` | 状态 (`draft`/`active`/`retired`, or 草稿/启用/停用) |
/// | `lianbing-quote:…` | 原文 |
/// | `lianbing-knowledge:…` | a further knowledge point (the first is the category) |
/// | `lianbing-exact:{json}` | whatever else Moodle XML could not hold exactly (`QuestionOverrides`) |
///
/// Each is one readable tag, so someone looking at the question in Moodle sees where it came from.
struct MoodleXMLTags {
    static let prefix = "lianbing-"
    static let source = "lianbing-source:", difficulty = "lianbing-difficulty:", usage = "lianbing-usage:"
    static let status = "lianbing-status:", quote = "lianbing-quote:", knowledge = "lianbing-knowledge:"
    static let exactPrefix = "lianbing-exact:"

    var plain: [String] = []
    var sourceValue: String?
    var difficultyValue: Int?
    var usageValue: QuestionUsage?
    var statusValue: QuestionStatus?
    var quoteValue: String?
    var knowledgePoints: [String] = []
    var exact: QuestionOverrides?
    /// Reasons in Chinese for `lianbing-` tags whose values cannot be read.
    var problems: [String] = []

    init(_ question: MoodleXMLElement) {
        for tag in question.child("tags")?.children("tag") ?? [] {
            let text = tag.child("text")?.text ?? ""
            func value(_ prefix: String) -> String? { text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil }
            if let value = value(Self.source) {
                sourceValue = value
            } else if let value = value(Self.difficulty) {
                difficultyValue = Int(value.trimmingCharacters(in: .whitespaces))
                if difficultyValue == nil { problems.append("第 \(tag.line) 行标签 \(text)：难度应为 1–5 的整数") }
            } else if let value = value(Self.usage) {
                usageValue = QuestionUsage(rawValue: value) ?? QuestionUsage(label: value)
                if usageValue == nil { problems.append("第 \(tag.line) 行标签 \(text)：用途应为 exam、practice 或 both") }
            } else if let value = value(Self.status) {
                statusValue = QuestionStatus(rawValue: value) ?? QuestionStatus(label: value)
                if statusValue == nil { problems.append("第 \(tag.line) 行标签 \(text)：状态应为 draft、active 或 retired") }
            } else if let value = value(Self.quote) {
                quoteValue = value
            } else if let value = value(Self.knowledge) {
                knowledgePoints.append(value)
            } else if let value = value(Self.exactPrefix) {
                exact = QuestionOverrides.parse(json: value[...])
                if exact == nil { problems.append("第 \(tag.line) 行标签 lianbing-exact 不是有效的 JSON：它由本平台导出时写入，请勿手工修改") }
            } else {
                plain.append(text)
            }
        }
    }

    /// `question` with the fields the tags carry.
    func decorate(_ question: inout Question) {
        if let sourceValue { question.source = sourceValue }
        if let difficultyValue { question.difficulty = difficultyValue }
        if let usageValue { question.usage = usageValue }
        if let statusValue { question.status = statusValue }
        if let quoteValue { question.quote = quoteValue }
        question.knowledgePoints += knowledgePoints
        question.tags += plain
    }
}
