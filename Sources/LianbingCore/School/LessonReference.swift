import Foundation

/// What a link or image of a lesson points at, read the same way by `course validate`, the import and the lesson page.
public enum LessonReference: Hashable, Sendable {
    /// `#…` or nothing: a place in the page itself.
    case anchor
    /// Another server (`https://…`, `//…`) or any other scheme (`mailto:`, `data:`): a plain link may go there, an image
    /// may not.
    case elsewhere
    /// `media:name`: a file of the server's media folder, outside git (the name as written; `LessonMedia` checks it).
    case media(String)
    /// A file beside the lesson: its path from the lesson's folder, percent escapes decoded and `.` and `..` resolved.
    /// This is the name the file is stored and served under.
    case local(String)
    /// An absolute path, or one that leaves the lesson's folder.
    case outside

    public init(destination: String) {
        if destination.isEmpty || destination.hasPrefix("#") {
            self = .anchor
        } else if destination.lowercased().hasPrefix(LessonMedia.scheme) {
            self = .media(String(destination.dropFirst(LessonMedia.scheme.count)))
        } else if destination.hasPrefix("//") || Self.hasScheme(destination) {
            self = .elsewhere
        } else {
            let path = destination.removingPercentEncoding ?? destination
            var parts: [Substring] = []
            for part in path.split(separator: "/") where part != "." {
                guard part == ".." else {
                    parts.append(part)
                    continue
                }
                guard parts.popLast() != nil else {
                    self = .outside
                    return
                }
            }
            self = path.hasPrefix("/") || parts.isEmpty ? .outside : .local(parts.joined(separator: "/"))
        }
    }

    /// RFC 3986's `scheme ":"` at the start: a letter, then letters, digits, `+`, `-` or `.`.
    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon].unicodeScalars
        guard let first = scheme.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }
}
