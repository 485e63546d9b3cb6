import CCmarkGFM
import Foundation

/// A Markdown text parsed by cmark-gfm (CommonMark with GitHub's table, strikethrough and autolink extensions), for
/// rendering to HTML and for finding the files it refers to.
///
/// Rendering is in cmark's default safe mode: raw HTML, inline or as a block, is replaced by a comment, and links and
/// images whose address is `javascript:`, `vbscript:`, `file:` or a non-image `data:` lose it. The HTML can then be
/// put into a page as it is.
public final class MarkdownDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer

    /// The extensions every document gets.
    static let extensions = ["table", "strikethrough", "autolink"]

    /// cmark's extension registry is global and built once.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    public init(_ markdown: String) {
        _ = Self.registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)!
        for name in Self.extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document as HTML, safe to insert into a page.
    public var html: String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// A link or image of the document, with the line (1-based, in the Markdown) it starts on.
    public struct Reference: Sendable, Hashable {
        public var destination: String
        public var isImage: Bool
        public var line: Int
    }

    /// Every link and image, in document order.
    public var references: [Reference] {
        var found: [Reference] = []
        guard let iterator = cmark_iter_new(root) else { return found }
        defer { cmark_iter_free(iterator) }
        // Inline nodes may carry no position of their own: they then count on the line of the nearest node before
        // them that does (their paragraph, heading or table cell).
        var line = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let start = Int(cmark_node_get_start_line(node))
            if start > 0 { line = start }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            found.append(Reference(destination: String(cString: url), isImage: type == CMARK_NODE_IMAGE, line: line))
        }
        return found
    }
}
