import Foundation

/// Moodle category paths, as GIFT's `$CATEGORY:` and Moodle XML's category questions write them, to and from
/// knowledge points. Shared by `GIFT` and `MoodleXML`.
///
/// Moodle paths start with a context (`$course$`, `$system$` …) and the context's root category `top`; neither
/// means anything to the bank, so both are dropped: `$course$/top/队伍建设/常态化培训` is `队伍建设/常态化培训`; so is
/// the automatic `Default for …` category Moodle puts under `top` (`isDefaultCategory`).
/// Moodle writes a `/` inside a category name as `//`; the bank cannot keep a literal `/` in a level, so it becomes
/// the full-width `／`, as the bank format does with `\/`.
enum ForeignCategory {
    /// The knowledge point of `path`; `nil` when nothing is left (the root itself).
    static func knowledgePoint(fromPath path: String) -> String? {
        var rest = Substring(path.trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.hasPrefix("$"), let end = rest.dropFirst().firstIndex(of: "$") {
            rest = rest[rest.index(after: end)...]
            if rest.hasPrefix("/") { rest = rest.dropFirst() }
        }
        var levels: [String] = []
        var level = ""
        var index = rest.startIndex
        while index != rest.endIndex {
            let character = rest[index]
            index = rest.index(after: index)
            if character == "/" {
                if index != rest.endIndex, rest[index] == "/" {
                    level.append("／")
                    index = rest.index(after: index)
                } else {
                    levels.append(level)
                    level = ""
                }
            } else {
                level.append(character)
            }
        }
        levels.append(level)
        levels = levels.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if levels.first == "top" { levels.removeFirst() }
        if let first = levels.first, isDefaultCategory(first) { levels.removeFirst() }
        return levels.isEmpty ? nil : levels.joined(separator: "/")
    }

    /// Moodle's `defaultfor` string (`Default for {$a}`) in the languages a bank is likely to come from: Moodle creates
    /// that category under `top` in every context and names it in the language of whoever first opened the bank.
    private static let defaultPrefixes = [
        "Default for ", "Default per ", "默认 ", "默認 ", "Par défaut pour ", "Défaut pour ", "Standard für ",
        "Standaard voor ", "Domyślnie dla ", "Categoria predefinida de ", "Predeterminado/a para:", "Por defecto en ",
        "Predeterminada para ", "По умолчанию для ", "Förinställt standardvärde för ", "افتراضي لـ ",
    ]
    private static let defaultSuffixes = ["的預設", "的默认", "のデフォルト"]

    /// Whether the level right under `top` is Moodle's automatic default category rather than one a teacher made.
    static func isDefaultCategory(_ level: String) -> Bool {
        defaultPrefixes.contains { level.hasPrefix($0) && level.count > $0.count }
            || defaultSuffixes.contains { level.hasSuffix($0) && level.count > $0.count }
    }

    /// The course-level path of `knowledgePoint`; `knowledgePoint(fromPath:)` reads it back.
    static func path(forKnowledgePoint knowledgePoint: String) -> String {
        "$course$/top/"
            + knowledgePoint.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "／", with: "//") }.joined(separator: "/")
    }
}
