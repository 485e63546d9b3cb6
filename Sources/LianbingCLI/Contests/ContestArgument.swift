import ArgumentParser
import Foundation
import LianbingCore

/// Contest options as people write them: a Chinese label or an English raw value; lists separated by commas.
enum ContestArgument {
    static func format(_ text: String) throws -> ContestFormat {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let format = ContestFormat.allCases.first(where: { $0.label == value }) ?? ContestFormat(rawValue: value.lowercased()) { return format }
        throw ValidationError("--format 须为 个人赛（individual）或 团体赛（team）；收到：\(text)")
    }

    static func style(_ text: String) throws -> RoundStyle {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let style = RoundStyle.allCases.first(where: { $0.label == value }) ?? RoundStyle(rawValue: value.lowercased()) { return style }
        let names = RoundStyle.allCases.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、")
        throw ValidationError("--style 须为以下轮次样式之一：\(names)；收到：\(text)")
    }

    /// `written,fewer-wrong,less-time` in the order they apply; `none` for no tie-breaker at all.
    static func tieBreakers(_ text: String) throws -> [TieBreaker] {
        let parts = split(text)
        if parts == ["none"] { return [] }
        let names = TieBreaker.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
        guard !parts.isEmpty else { throw ValidationError("--tie-breakers 至少写一项，或写 none；可选：\(names)") }
        return try parts.map { part in
            guard let tieBreaker = TieBreaker(rawValue: part.lowercased()) else {
                throw ValidationError("--tie-breakers 中的“\(part)”无效：可选 \(names)，用逗号分隔，或写 none")
            }
            return tieBreaker
        }
    }

    /// A risk round's stakes: `10,20,30`.
    static func stakes(_ text: String) throws -> [Int] {
        let parts = split(text)
        guard !parts.isEmpty else { throw ValidationError("--stakes 至少写一个分值，如 \"10,20,30\"") }
        return try parts.map { part in
            guard let value = Int(part) else { throw ValidationError("--stakes 须为用逗号分隔的整数，如 \"10,20,30\"；收到：\(text)") }
            return value
        }
    }

    /// Points as a hand-entered change: `12`, `12.5`, `-3.25` (at most two decimals), within `ContestBounds.change`.
    static func points(_ text: String, option: String = "--points") throws -> ContestPoints {
        let bounds = ContestBounds.change
        let refusal = ValidationError(
            "\(option) 须为 \(bounds.lowerBound) 到 \(bounds.upperBound) 之间的分数，最多两位小数（如 12.5 或 -3）；收到：\(text)")
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign = 1
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let pieces = rest.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits = { (piece: Substring) in !piece.isEmpty && piece.allSatisfy { $0.isASCII && $0.isNumber } }
        // Nine digits of whole points cannot overflow below; the bound refuses them after.
        guard (1...2).contains(pieces.count), isDigits(pieces[0]), pieces[0].count <= 9 else { throw refusal }
        var hundredths = Int(pieces[0])! * 100
        if pieces.count == 2 {
            guard isDigits(pieces[1]), pieces[1].count <= 2 else { throw refusal }
            hundredths += Int(pieces[1])! * (pieces[1].count == 1 ? 10 : 1)
        }
        hundredths *= sign
        guard (bounds.lowerBound * 100...bounds.upperBound * 100).contains(hundredths) else { throw refusal }
        return ContestPoints(hundredths: hundredths)
    }

    /// Answering time given in seconds (to the millisecond), as milliseconds; at most the longest time limit.
    static func milliseconds(seconds: Double, option: String = "--seconds") throws -> Int {
        let limit = Double(ContestBounds.timeLimitSeconds.upperBound)
        guard seconds.isFinite, (0...limit).contains(seconds) else {
            throw ValidationError("\(option) 须为 0 到 \(Int(limit)) 之间的秒数；收到：\(MessageNumber.text(seconds))")
        }
        return Int((seconds * 1_000).rounded())
    }

    private static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { ",，、 ".contains($0) }).map(String.init)
    }
}
