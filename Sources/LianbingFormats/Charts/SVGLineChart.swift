import LianbingCore

/// A line over time (attendance per month), drawn like `SVGBarChart`: inline SVG that scales to its container,
/// loads nothing, escapes every label, and carries each point's value in `data-value`. Hostile values (negative,
/// infinite, NaN) draw at zero rather than breaking the picture.
public enum SVGLineChart {
    static let width = 320.0
    static let height = 140.0
    static let left = 28.0
    static let bottom = 22.0
    static let top = 10.0

    public static func svg(title: String, points: [ChartBar], maximum: Double? = nil) -> String {
        let values = points.map { $0.value.isFinite ? max(0, $0.value) : 0 }
        let highest = maximum.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? max(values.max() ?? 0, 1)
        let plotWidth = width - left - 6
        let plotHeight = height - bottom - top
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { left + step * Double(index) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, highest) / highest) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" role="img" width="100%" viewBox="0 0 \(n(width)) \(n(height))" \
            preserveAspectRatio="xMinYMin meet"><title>\(HTMLText.escape(title))</title>\
            <line x1="\(n(left))" y1="\(n(top + plotHeight))" x2="\(n(width - 6))" y2="\(n(top + plotHeight))" stroke="#999"></line>\
            <text x="0" y="\(n(top + 8))" font-size="9">\(HTMLText.escape(MessageNumber.text(highest)))</text>\
            <text x="0" y="\(n(top + plotHeight))" font-size="9">0</text>
            """
        if !points.isEmpty {
            let path = values.indices.map { "\($0 == 0 ? "M" : "L")\(n(x($0))) \(n(y(values[$0])))" }.joined(separator: " ")
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2f6fb3\" stroke-width=\"2\"></path>"
        }
        let labelled = labelledIndices(count: points.count)
        for (index, point) in points.enumerated() {
            let shown = HTMLText.escape(point.text ?? MessageNumber.text(point.value))
            svg += """
                <g class="point" data-value="\(values[index] == point.value ? MessageNumber.text(point.value) : "0")">\
                <title>\(HTMLText.escape(point.label))：\(shown)</title>\
                <circle cx="\(n(x(index)))" cy="\(n(y(values[index])))" r="2.5" fill="#2f6fb3"></circle>
                """
            if labelled.contains(index) {
                // The ends anchor inwards, so no label is cut at the edge of the picture.
                let anchor = index == 0 ? "start" : index == points.count - 1 ? "end" : "middle"
                svg += "<text x=\"\(n(x(index)))\" y=\"\(n(height - 6))\" font-size=\"9\" text-anchor=\"\(anchor)\">\(HTMLText.escape(point.label))</text>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// Every point when they fit, else about six evenly spaced, always the last — dropping the one before it when the
    /// two would touch — so a phone's narrow axis stays readable.
    static func labelledIndices(count: Int) -> Set<Int> {
        guard count > 0 else { return [] }
        let every = max(1, (count + 5) / 6)
        var indices = Array(stride(from: 0, to: count, by: every))
        if let last = indices.last, last != count - 1 {
            if count - 1 - last < max(1, every / 2 + 1), last != 0 { indices.removeLast() }
            indices.append(count - 1)
        }
        return Set(indices)
    }

    static func n(_ value: Double) -> String { MessageNumber.text(value) }
}
