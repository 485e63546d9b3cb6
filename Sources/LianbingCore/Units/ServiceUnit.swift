/// A service centre or station (服务中心 / 服务站): one node of the five-level tree.
public struct ServiceUnit: Sendable, Codable, Hashable {
    /// Stable unit code; the 12-digit statistical area code where there is one.
    public var code: String
    public var name: String
    public var level: UnitLevel
    /// `nil` only for the root (the province).
    public var parentCode: String?

    public init(code: String, name: String, level: UnitLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }

    /// Codes become path segments (see `UnitPath`), so they are restricted to characters that can never
    /// be mistaken for the separator.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 32
            && code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
