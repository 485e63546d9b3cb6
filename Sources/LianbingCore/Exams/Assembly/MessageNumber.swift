/// Numbers as the Chinese messages and pages show them: `100` rather than `100.0`, at most two decimals.
public enum MessageNumber {
    public static func text(_ value: Double) -> String {
        // Past 10^15 a whole number no longer fits the integer conversions below, which would trap.
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(Int((abs(rounded) * 100).rounded()))
        while text.count < 3 { text = "0" + text }
        let split = text.index(text.endIndex, offsetBy: -2)
        var fraction = String(text[split...])
        if fraction.hasSuffix("0") { fraction.removeLast() }
        return (rounded < 0 ? "-" : "") + text[..<split] + "." + fraction
    }

    /// A share as a percentage: `0.4` → `40%`.
    public static func percent(_ share: Double) -> String { text(share * 100) + "%" }
}
