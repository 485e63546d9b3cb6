import Foundation
import LianbingCore

/// The values of a blueprint file, parsed strictly: a value that is not exactly one of the documented shapes is
/// an error at its line rather than a guess.
enum BlueprintTextValues {
    /// A decimal number such as `2`, `2.5` or `-0.1` (an exponent is read too, as the writer never produces one
    /// for sensible values); `inf`, `nan` and hexadecimal are refused.
    static func number(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.eE+-".contains($0) }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `是` or `否`.
    static func yesNo(_ text: Substring) -> Bool? {
        switch text {
        case "是": true
        case "否": false
        default: nil
        }
    }

    /// `3` or `1-3` (also `1–3`, `1~3`, `1～3`, `1—3`): a band of declared difficulty.
    static func band(_ text: Substring) -> ClosedRange<Int>? {
        let parts = text.split(omittingEmptySubsequences: false) { "-–~～—".contains($0) }.map { BlueprintTextSyntax.trim($0) }
        guard (1...2).contains(parts.count), let lower = Int(parts[0]), let upper = Int(parts[parts.count - 1]),
            (1...5).contains(lower), (1...5).contains(upper), lower <= upper
        else { return nil }
        return lower...upper
    }

    /// `3.0 ± 0.4` (also `+-` or `+/-` for `±`).
    static func target(_ text: Substring) -> (target: Double, tolerance: Double)? {
        let normalised = text.replacingOccurrences(of: "+/-", with: "±").replacingOccurrences(of: "+-", with: "±")
        let parts = normalised.split(separator: "±", omittingEmptySubsequences: false)
        guard parts.count == 2, let target = number(BlueprintTextSyntax.trim(parts[0])),
            let tolerance = number(BlueprintTextSyntax.trim(parts[1]))
        else { return nil }
        return (target, tolerance)
    }

    /// `40%` (or `40％`) as the share 0.4. The decimal point is moved in the text rather than dividing by 100, so
    /// `12.3%` reads as exactly the share `0.123` (`12.3 / 100` is a different double).
    static func percent(_ text: Substring) -> Double? {
        guard let last = text.last, last == "%" || last == "％" else { return nil }
        let digits = BlueprintTextSyntax.trim(text.dropLast())
        guard let value = number(digits) else { return nil }
        return shiftDecimal(String(digits), by: -2).flatMap { Double($0) } ?? value / 100
    }

    /// `单选 每题 2 分` (spaces optional between `每题`, the number and `分`): the type's text and its points.
    static func section(_ text: Substring) -> (kind: Substring, points: Substring)? {
        guard let space = text.firstIndex(where: \.isWhitespace) else { return nil }
        let rest = String(text[space...].filter { !$0.isWhitespace })
        guard rest.hasPrefix("每题"), rest.hasSuffix("分"), rest.count > 3 else { return nil }
        return (text[..<space], Substring(rest.dropFirst(2).dropLast()))
    }

    /// Numbers as the writer puts them: whole numbers without a decimal point.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
    }

    /// A share as a percentage that reads back to exactly the same share: the shortest decimal of the share with
    /// its point moved, so `0.07` is `7%`, not the `7.000000000000001%` that `0.07 × 100` gives.
    static func percentText(_ share: Double) -> String {
        (shiftDecimal(share.description, by: 2) ?? text(share * 100)) + "%"
    }

    /// A plain decimal (`0.123`, `12`, `-1.5`) with its point moved `places` to the right (left when negative),
    /// without leading or trailing zeros; `nil` for anything else, such as an exponent.
    static func shiftDecimal(_ text: String, by places: Int) -> String? {
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
        else { return nil }
        var digits = Array(parts[0] + (parts.count == 2 ? parts[1] : ""))
        var point = parts[0].count + places
        if point < 0 {
            digits.insert(contentsOf: Array(repeating: "0", count: -point), at: 0)
            point = 0
        }
        if point > digits.count { digits += Array(repeating: "0", count: point - digits.count) }
        var whole = String(digits[..<point]).drop { $0 == "0" }
        let fraction = String(String(digits[point...]).reversed().drop { $0 == "0" }.reversed())
        if whole.isEmpty { whole = "0" }
        let sign = negative && (whole != "0" || !fraction.isEmpty) ? "-" : ""
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
