import Foundation

/// Moodle category paths, as GIFT's `$CATEGORY:` and Moodle XML's category questions write them, to and from
/// knowledge points. Shared by `GIFT` and `MoodleXML`.
///
/// Moodle paths start with a context (`$course$`, `$system$` …) and the context's root category `top`; neither
/// means anything to the bank, so both are dropped: `$course$/top/队伍建设/常态化培训` is `队伍建设/常态化培训`.
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
        return levels.isEmpty ? nil : levels.joined(separator: "/")
    }

    /// The course-level path of `knowledgePoint`; `knowledgePoint(fromPath:)` reads it back.
    static func path(forKnowledgePoint knowledgePoint: String) -> String {
        "$course$/top/"
            + knowledgePoint.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "／", with: "//") }.joined(separator: "/")
    }
}
