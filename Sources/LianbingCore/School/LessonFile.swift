import Foundation

/// An image or PDF beside a lesson that the lesson refers to: stored with the lesson's revision and served by the
/// product, so nothing a lesson shows comes from another server. SVG is refused: it can carry script.
public struct LessonFile: Hashable, Sendable {
    /// The path from the lesson's folder (`LessonReference.local`).
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    public static let maxBytes = 10 * 1024 * 1024

    public enum Kind: String, CaseIterable, Sendable, Codable {
        case png, jpeg, gif, webp, pdf

        /// By the file name's extension, in any case.
        public init?(fileName: String) {
            guard let dot = fileName.lastIndex(of: ".") else { return nil }
            let suffix = fileName[fileName.index(after: dot)...].lowercased()
            guard let kind = suffix == "jpg" ? .jpeg : Self(rawValue: suffix) else { return nil }
            self = kind
        }

        public var mediaType: String { self == .pdf ? "application/pdf" : "image/\(rawValue)" }
        public var isImage: Bool { self != .pdf }
        var label: String { self == .pdf ? "PDF 文件" : "\(self == .webp ? "WebP" : rawValue.uppercased()) 图片" }

        /// Whether the first bytes are this kind's signature; the scans' check covers JPEG, PNG and PDF.
        func matches(_ data: Data) -> Bool {
            switch self {
            case .gif: data.starts(with: Array("GIF87a".utf8)) || data.starts(with: Array("GIF89a".utf8))
            case .webp: data.starts(with: Array("RIFF".utf8)) && data.dropFirst(8).starts(with: Array("WEBP".utf8))
            case .png, .jpeg, .pdf: ScanFormat.sniff(data.prefix(8))?.mediaType == mediaType
            }
        }
    }

    /// What is wrong with referring to `name`, by its extension alone, as an image (`![…](…)`) or a link; nil if nothing.
    public static func problem(name: String, asImage: Bool) -> String? {
        guard let kind = Kind(fileName: name) else {
            let svg = name.lowercased().hasSuffix(".svg") ? "（SVG 可能带有脚本，请转为 PNG）" : ""
            return "本地文件只能是 PNG、JPEG、GIF、WebP 图片或 PDF\(svg)"
        }
        return asImage && !kind.isImage ? "图片只能是 PNG、JPEG、GIF 或 WebP" : nil
    }

    public static func sizeProblem(_ bytes: Int) -> String? {
        bytes > maxBytes ? "超过 \(maxBytes / 1024 / 1024) MB（\(bytes / 1024 / 1024) MB），请压缩后再用" : nil
    }

    /// What keeps the file from being stored, nil if nothing: its name, its size, and bytes that are what its
    /// extension says.
    public var problem: String? {
        guard LessonReference(destination: name) == .local(name) else { return "文件名无效" }
        guard let kind = Kind(fileName: name) else { return Self.problem(name: name, asImage: false) }
        if let tooBig = Self.sizeProblem(data.count) { return tooBig }
        return kind.matches(data) ? nil : "内容不是扩展名所说的\(kind.label)"
    }
}
