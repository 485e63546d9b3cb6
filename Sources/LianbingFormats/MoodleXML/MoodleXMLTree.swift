import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a Moodle XML file, with the line its start tag is on.
///
/// Moodle XML is small and shallow (quiz → question → a few levels), so a tiny tree built from `XMLParser`'s events
/// is simpler to read from than a state machine, and costs memory proportional to the file.
final class MoodleXMLElement {
    let name: String
    let attributes: [String: String]
    let line: Int
    var children: [MoodleXMLElement] = []
    /// Character data directly inside this element (CDATA included).
    var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    func child(_ name: String) -> MoodleXMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [MoodleXMLElement] { children.filter { $0.name == name } }

    /// The `<text>` of child `name`, Moodle's way of holding every piece of text: `<name><text>…</text></name>`.
    func text(of name: String) -> String? { child(name)?.child("text")?.text }
}

/// Parses bytes into `MoodleXMLElement`s with Foundation's `XMLParser` (libxml2 on Linux, via FoundationXML).
enum MoodleXMLTree {
    struct SyntaxError: Error {
        var line: Int
        var reason: String
    }

    /// Foundation's `XMLParser` on Linux keeps per-thread libxml2 state and is not safe to run concurrently
    /// (parallel parses crash or hang), so parses take turns.
    private static let exclusive = NSLock()

    static func parse(_ data: Data) -> Result<MoodleXMLElement, SyntaxError> {
        exclusive.lock()
        defer { exclusive.unlock() }
        let parser = XMLParser(data: data)
        // No external entities or DTDs: a question file needs neither, and fetching them is an attack surface.
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let ok = parser.parse()
        if ok, builder.error == nil, let root = builder.root { return .success(root) }
        if let error = builder.error { return .failure(error) }
        return .failure(SyntaxError(line: max(parser.lineNumber, 1), reason: reason(parser.parserError)))
    }

    /// A Chinese description of `error`: libxml2's own messages are English and terse.
    ///
    /// `XMLParser` passes libxml2's error numbers through on Linux and on Apple platforms alike (the Swift case names
    /// of `XMLParser.ErrorCode` do not match them on Linux), so the numbers are matched directly.
    static func reason(_ error: Error?) -> String {
        guard let error = error as NSError? else { return "XML 格式错误" }
        let what: String =
            switch error.code {
            case 1: "XML 内部错误，常见原因是一段文字过长（超过 10 MB）"
            case 3, 4: "文件不是 XML：找不到开始标签"
            case 5: "文件不完整，或根元素 </quiz> 之后还有内容"
            case 6...13: "包含 XML 不允许的字符"
            case 14...27, 68: "文字中的 & 应写成 &amp;，< 应写成 &lt;"
            case 33, 34, 38...44: "属性写法有误：属性值应放在双引号中"
            case 45: "注释没有结束"
            case 73, 74, 77: "标签没有正确结束"
            case 76: "结束标签与开始标签不匹配"
            default: "XML 格式错误"
            }
        return "XML 语法错误：\(what)（libxml2 错误 \(error.code)）"
    }
}

/// Builds the tree from `XMLParser` events. Used synchronously by one parse, never shared.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: MoodleXMLElement?
    var error: MoodleXMLTree.SyntaxError?
    private var stack: [MoodleXMLElement] = []
    /// Moodle nests six deep at most. A cap keeps a hostile file of millions of nested tags from building a chain of
    /// elements whose release would recurse as deep.
    private static let maxDepth = 64

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard stack.count < Self.maxDepth else {
            fail(
                parser,
                MoodleXMLTree.SyntaxError(
                    line: max(parser.lineNumber, 1), reason: "元素嵌套超过 \(Self.maxDepth) 层：这不是 Moodle XML 题目文件"))
            return
        }
        let element = MoodleXMLElement(name: elementName, attributes: attributeDict, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(element) } else if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        fail(parser, MoodleXMLTree.SyntaxError(line: max(parser.lineNumber, 1), reason: MoodleXMLTree.reason(parseError)))
    }

    /// Keeps the first error and stops: libxml2's recovery mode would otherwise read on through a broken file, and
    /// only the first error is reported anyway.
    private func fail(_ parser: XMLParser, _ syntaxError: MoodleXMLTree.SyntaxError) {
        guard error == nil else { return }
        error = syntaxError
        parser.abortParsing()
    }
}
