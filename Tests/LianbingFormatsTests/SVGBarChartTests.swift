import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LianbingFormats
import Testing

@Suite struct SVGBarChartTests {
    /// The `data-value` of every bar and every `width` of a rect, read back by a real XML parser.
    final class Reader: NSObject, XMLParserDelegate {
        var values: [String] = []
        var widths: [Double] = []
        var texts: [String] = []
        var external = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if let value = attributes["data-value"] { values.append(value) }
            if name == "rect", let width = attributes["width"].flatMap(Double.init) { widths.append(width) }
            if attributes.keys.contains(where: { $0.hasSuffix("href") }) { external = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    static func read(_ svg: String) throws -> Reader {
        let parser = XMLParser(data: Data(svg.utf8))
        let reader = Reader()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")")
        return reader
    }

    @Test("Given bars, then the SVG is well-formed, carries each value, scales the bars to the maximum and loads nothing")
    func barsCarryTheirValues() throws {
        let svg = SVGBarChart.svg(
            title: "覆盖率", bars: [ChartBar(label: "从化区", value: 87.5, text: "87.5%"), ChartBar(label: "<script>alert(1)</script>", value: 25)],
            maximum: 100)
        let reader = try Self.read(svg)
        #expect(reader.values == ["87.5", "25"])
        #expect(reader.widths.count == 2 && abs(reader.widths[0] / reader.widths[1] - 3.5) < 0.01)
        #expect(!svg.contains("<script>") && reader.texts.joined().contains("<script>alert(1)</script>"))
        #expect(!reader.external && svg.contains("viewBox=\"0 0 320 68\"") && svg.contains("width=\"100%\""))
    }

    @Test("Given hostile numbers, then the chart still draws, with empty bars")
    func hostileNumbers() throws {
        let reader = try Self.read(SVGBarChart.svg(title: "x", bars: [.nan, .infinity, -5, 1e300, 0].map { ChartBar(label: "u", value: $0) }))
        #expect(reader.widths.count == 5 && reader.widths.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(try Self.read(SVGBarChart.svg(title: "空", bars: [])).values.isEmpty)
    }
}
