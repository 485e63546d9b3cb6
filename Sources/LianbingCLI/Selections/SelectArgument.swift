import ArgumentParser
import Foundation
import LianbingCore

/// Selection options as people write them: the English value or the Chinese label. Only names are checked here; the
/// numbers' bounds are `SelectionRules.validated`'s, so the command line and the pages refuse the same rules.
enum SelectArgument {
    static let criterionNames = SelectionCriterion.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")

    /// `assessment=30`: a criterion and its weight in points.
    static func criterion(_ text: String) throws -> WeightedCriterion {
        let parts = text.split(whereSeparator: { "=＝".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw ValidationError("--criterion 须写成“指标=权重”，如 assessment=30；可选指标：\(criterionNames)；收到：\(text)") }
        guard let criterion = named(parts[0], SelectionCriterion.self, label: \.label) else {
            throw ValidationError("--criterion 中的指标“\(parts[0])”无效：可选 \(criterionNames)")
        }
        guard let weight = Int(parts[1]) else { throw ValidationError("--criterion \(parts[0]) 的权重须为整数（\(weightRange)）；收到：\(parts[1])") }
        return WeightedCriterion(criterion, weight: weight)
    }

    static func normalisation(_ text: String) throws -> Normalisation {
        try choice(text, option: "--normalisation", label: \.label)
    }

    static func missing(_ text: String) throws -> MissingCriterion {
        try choice(text, option: "--missing", label: \.label)
    }

    static func sharing(_ text: String) throws -> SelectionQuota.Sharing {
        try choice(text, option: "--sharing", label: \.label)
    }

    static func method(_ text: String) throws -> DivisorMethod {
        try choice(text, option: "--method", label: \.label)
    }

    static func level(_ text: String) throws -> UnitLevel {
        guard let level = UnitLevel(label: text) else {
            throw ValidationError("--level 的层级“\(text)”无效：应为 \(UnitLevel.allCases.map(\.label).joined(separator: "、"))（可重复给出）")
        }
        return level
    }

    private static var weightRange: String { "\(WeightedCriterion.weights.lowerBound) 到 \(WeightedCriterion.weights.upperBound)" }

    private static func choice<Value: RawRepresentable & CaseIterable>(_ text: String, option: String, label: KeyPath<Value, String>) throws -> Value
    where Value.RawValue == String {
        if let value = named(text, Value.self, label: label) { return value }
        let names = Value.allCases.map { "\($0.rawValue)（\($0[keyPath: label])）" }.joined(separator: "、")
        throw ValidationError("\(option) 须为 \(names) 之一；收到：\(text)")
    }

    private static func named<Value: RawRepresentable & CaseIterable>(_ text: String, _: Value.Type, label: KeyPath<Value, String>) -> Value?
    where Value.RawValue == String {
        let value = text.trimmingCharacters(in: .whitespaces)
        return Value(rawValue: value.lowercased()) ?? Value.allCases.first { $0[keyPath: label] == value }
    }
}
