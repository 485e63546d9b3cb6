/// A materialised ancestor path such as `/44/4401/440103/`: the root's code first, the unit's own code last.
///
/// Subtree membership is then a prefix test, and a subtree is one index range scan in SQL:
/// every descendant path `p` satisfies `lowerBound <= p < upperBound`.
public struct UnitPath: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(codes: [String]) {
        rawValue = "/" + codes.map { $0 + "/" }.joined()
    }

    public static let separator: Character = "/"

    public func appending(_ code: String) -> UnitPath { UnitPath(rawValue: rawValue + code + "/") }

    public var codes: [String] { rawValue.split(separator: UnitPath.separator).map(String.init) }

    /// `true` for the unit itself and everything below it.
    public func contains(_ other: UnitPath) -> Bool { other.rawValue.hasPrefix(rawValue) }

    public var lowerBound: String { rawValue }

    /// The path with its trailing `/` replaced by `0`, the next character: the first string past the subtree.
    public var upperBound: String { String(rawValue.dropLast()) + "0" }

    public var description: String { rawValue }
}
