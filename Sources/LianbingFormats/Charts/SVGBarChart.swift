import LianbingCore

/// One bar of a chart: a child unit's coverage, a half-year's compliant share.
public struct ChartBar: Sendable, Hashable {
    public var label: String
    public var value: Double
    /// What the bar reads as beside it (`87%`, `12 人`); the value itself when `nil`.
    public var text: String?

    public init(label: String, value: Double, text: String? = nil) {
        self.label = label
        self.value = value
        self.text = text
    }
}

/// Horizontal bars drawn as inline SVG: one row per bar, the label above its bar so long Chinese unit names fit a
/// 360-px phone. Scales with its container (`viewBox`, `width="100%"`), loads nothing, and carries each value in
/// `data-value` so tests and scripts read the same figures the table beside it shows. Written once, for every
/// dashboard.
public enum SVGBarChart {
    static let width = 320.0
    static let rowHeight = 34.0
    static let barHeight = 12.0

    /// `maximum` fixes the scale (100 for percentages); the largest value otherwise. Negative, infinite and NaN
    /// values draw as empty bars rather than breaking the picture.
    public static func svg(title: String, bars: [ChartBar], maximum: Double? = nil) -> String {
        let finite = bars.map { $0.value.isFinite ? max(0, $0.value) : 0 }
        let top = maximum.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? max(finite.max() ?? 0, 1)
        let height = max(rowHeight, rowHeight * Double(bars.count))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="100%" viewBox="0 0 \(number(width)) \(number(height))" \
            preserveAspectRatio="xMinYMin meet"><title>\(HTMLText.escape(title))</title>
            """
        for (index, bar) in bars.enumerated() {
            let y = rowHeight * Double(index)
            let length = (width - 60) * min(finite[index], top) / top
            let shown = HTMLText.escape(bar.text ?? MessageNumber.text(bar.value))
            svg += """
                <g class="bar" data-value="\(finite[index] == bar.value ? MessageNumber.text(bar.value) : "0")">\
                <title>\(HTMLText.escape(bar.label))：\(shown)</title>\
                <text x="0" y="\(number(y + 11))" font-size="11">\(HTMLText.escape(bar.label))</text>\
                <rect x="0" y="\(number(y + 15))" width="\(number(length))" height="\(number(barHeight))" rx="2" fill="#2f6fb3"></rect>\
                <text x="\(number(length + 4))" y="\(number(y + 25))" font-size="10">\(shown)</text></g>
                """
        }
        return svg + "</svg>"
    }

    /// Two decimals at most: SVG coordinates need no more, and the text stays small.
    static func number(_ value: Double) -> String { MessageNumber.text(value) }
}
