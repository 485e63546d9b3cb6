/// An audio or video file a lesson links to as `[标题](media:name)`. Such files are too large for git: they live in the
/// server's media folder (`serve --media`), so a name is all a lesson can be checked for; whether the file is there is
/// the operator's business.
public struct LessonMedia: Hashable, Sendable {
    public static let scheme = "media:"
    public static let nameLength = 1...100

    public enum Kind: String, CaseIterable, Sendable {
        case mp3, m4a, mp4, webm

        public var mediaType: String {
            switch self {
            case .mp3: "audio/mpeg"
            case .m4a: "audio/mp4"
            case .mp4: "video/mp4"
            case .webm: "video/webm"
            }
        }

        public var isVideo: Bool { self == .mp4 || self == .webm }
    }

    public let name: String
    public let kind: Kind

    /// Nil unless `name` is 1–100 of `A–Z a–z 0–9 . _ -`, does not start with a dot and ends in a known extension: such a
    /// name is one file of the folder, never a path out of it.
    public init?(name: String) {
        guard Self.nameLength.contains(name.count), !name.hasPrefix("."),
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }),
            let dot = name.lastIndex(of: "."), let kind = Kind(rawValue: name[name.index(after: dot)...].lowercased())
        else { return nil }
        self.name = name
        self.kind = kind
    }

    public static let rule = "媒体文件名须为 1 到 100 个英文字母、数字、.、_ 或 -，扩展名为 mp3、m4a、mp4 或 webm"
}
