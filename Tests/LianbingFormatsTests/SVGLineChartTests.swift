import Foundation
@testable import LianbingFormats
import Testing

@Suite struct SVGLineChartTests {
    @Test("Given monthly figures, then the line is well-formed, carries each value, escapes labels and loads nothing")
    func pointsCarryTheirValues() throws {
        let svg = SVGLineChart.svg(
            title: "每月出勤人次", points: [ChartBar(label: "2026-01", value: 120), ChartBar(label: "<b>", value: 0), ChartBar(label: "2026-03", value: 60.5)])
        let reader = try SVGBarChartTests.read(svg)
        #expect(reader.values == ["120", "0", "60.5"])
        #expect(!reader.external)
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("viewBox=\"0 0 320 140\"") && svg.contains("width=\"100%\""))
    }

    @Test("Hostile values draw at zero; no points still makes a picture")
    func hostileValues() throws {
        let svg = SVGLineChart.svg(title: "x", points: [ChartBar(label: "a", value: .nan), ChartBar(label: "b", value: -.infinity), ChartBar(label: "c", value: 1e308)])
        #expect(try SVGBarChartTests.read(svg).values == ["0", "0", "1e+308"])
        #expect(try SVGBarChartTests.read(SVGLineChart.svg(title: "空", points: [])).values.isEmpty)
    }
}

@Suite struct SVGLineChartLabelTests {
    @Test("Twelve months label about six points, always the last, never two side by side")
    func labelsSpread() {
        let twelve = SVGLineChart.labelledIndices(count: 12)
        #expect(twelve.contains(0) && twelve.contains(11))
        let sorted = twelve.sorted()
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 >= 2 })
        #expect(SVGLineChart.labelledIndices(count: 5) == Set(0..<5))
        #expect(SVGLineChart.labelledIndices(count: 0).isEmpty)
    }
}
