import Foundation

/// The address the public reaches the product at (`serve --public-url`), for what leaves the screen: QR codes on
/// printed certificates and rating posters. A request's Host header cannot stand in for it: behind the intranet
/// proxy the server sees an inside name, and a printed code must work from a phone outside.
public struct PublicURL: Sendable, Hashable, CustomStringConvertible {
    /// Scheme, host, optional port and path prefix, without a trailing slash.
    public let base: String

    /// Accepts an absolute http(s) address without query or fragment; a trailing slash is dropped.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 200, let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else {
            throw LianbingError.invalid("对外地址须为 http:// 或 https:// 开头的完整网址（不含 ? 和 #，最多 200 个字符），例如 https://lianbing.example.gov.cn：\(text)")
        }
        var base = trimmed
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// The absolute address of a path that starts with `/`.
    public func address(_ path: String) -> String { base + path }

    public var description: String { base }
}
