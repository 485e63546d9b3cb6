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
        /// The link's text, or the image's description, as plain text.
        public var text: String
    }

    /// Every link and image, in document order.
    public var references: [Reference] {
        var found: [Reference] = []
        visitReferences { _, reference in found.append(reference) }
        return found
    }

    /// Points each link and image for which `transform` answers a destination there, before `html` renders: the
    /// Markdown names a file as its author sees it, the page as the server serves it. The tree alone changes; the
    /// rendering stays cmark's safe one, which still drops a dangerous destination.
    public func rewriteDestinations(_ transform: (Reference) -> String?) {
        visitReferences { node, reference in
            if let destination = transform(reference) { cmark_node_set_url(node, destination) }
        }
    }

    private func visitReferences(_ body: (OpaquePointer, Reference) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
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
            body(node, Reference(destination: String(cString: url), isImage: type == CMARK_NODE_IMAGE, line: line, text: Self.plainText(node)))
        }
    }

    /// The text and code under `node`, line breaks as spaces.
    private static func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: continue
            }
        }
        return text
    }
}
