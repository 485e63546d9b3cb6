import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The small XML parts of a workbook read before its sheets: the sheet list, where each part is, the shared
/// strings and which cell styles show dates. Each is read with Foundation's event parser, so no document tree is built.
enum WorkbookParts {
    struct SheetEntry {
        var name: String
        var relationship: String
    }

    /// `xl/workbook.xml`: the sheets in tab order, and whether dates count from 1904 (old Mac Excel).
    static func workbook(_ data: Data) -> (sheets: [SheetEntry], date1904: Bool)? {
        let delegate = WorkbookDelegate()
        guard parse(data, delegate) else { return nil }
        return (delegate.sheets, delegate.date1904)
    }

    /// A `.rels` part: relationship id → target path inside the zip, resolved against `base` (`xl/`), and by type.
    static func relationships(_ data: Data, base: String) -> [(id: String, type: String, path: String)] {
        let delegate = RelationshipsDelegate()
        guard parse(data, delegate) else { return [] }
        return delegate.entries.map { entry in
            let path = entry.target.hasPrefix("/") ? String(entry.target.dropFirst()) : base + entry.target
            return (entry.id, entry.type, path)
        }
    }

    /// `xl/sharedStrings.xml`: the text of each shared string, its runs joined and phonetic guides left out.
    static func sharedStrings(_ data: Data) -> [String]? {
        let delegate = SharedStringsDelegate()
        return parse(data, delegate) ? delegate.strings : nil
    }

    /// `xl/styles.xml`: for each cell format (`cellXfs`, the index a cell's `s` names), whether it shows a date.
    static func dateStyles(_ data: Data) -> [Bool]? {
        let delegate = StylesDelegate()
        guard parse(data, delegate) else { return nil }
        return delegate.formatIDs.map { ExcelDate.isDateFormat(id: $0, code: delegate.codes[$0]) }
    }

    /// Parses `data` from a stream: the parser then takes it in chunks, where one chunk of a large sheet (over
    /// 10 MB) would exceed libxml2's input limit on Linux.
    static func parse(_ data: Data, _ delegate: any XMLParserDelegate) -> Bool {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        return parser.parse()
    }
}

/// An attribute by its local name, whatever namespace prefix the writer chose (`r:id` is usually, not always, `r`).
func localAttribute(_ attributes: [String: String], _ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { $0.key.hasSuffix(":" + name) }?.value
}

/// The element's name without its namespace prefix: some writers (not Excel) prefix every SpreadsheetML element.
func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}

private final class WorkbookDelegate: NSObject, XMLParserDelegate {
    var sheets: [WorkbookParts.SheetEntry] = []
    var date1904 = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "sheet":
            if let name = attributes["name"], let id = localAttribute(attributes, "id") { sheets.append(.init(name: name, relationship: id)) }
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
        default: break
        }
    }
}

private final class RelationshipsDelegate: NSObject, XMLParserDelegate {
    var entries: [(id: String, type: String, target: String)] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard localName(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        entries.append((id, attributes["Type"] ?? "", target))
    }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

private final class StylesDelegate: NSObject, XMLParserDelegate {
    var codes: [Int: String] = [:]
    var formatIDs: [Int] = []
    private var inCellFormats = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { codes[id] = code }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if localName(elementName) == "cellXfs" { inCellFormats = false }
    }
}
