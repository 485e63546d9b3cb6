import Hummingbird

/// Refuses a request whose path or query holds a control character or is not UTF-8, raw or percent-encoded,
/// before anything routes it or reads files with it.
///
/// Such targets are never legitimate here, and each layer below treats them differently: the file system ends a
/// name at NUL, so `/assets/take.js%00.html` would serve `take.js` typed by the `.html` the router saw; logs and
/// headers would carry line breaks. One refusal at the door spares every layer from having to agree.
struct RequestTargetMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isClean(request.uri.string) else { throw HTTPError(.badRequest) }
        return try await next(request, context)
    }

    /// Whether `target`, with its percent escapes decoded once (as the router and file system see it), is UTF-8
    /// without C0 controls or DEL. A `%` not followed by two hex digits is left as it is, as routing leaves it.
    static func isClean(_ target: String) -> Bool {
        let bytes = Array(target.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                decoded.append(high << 4 | low)
                i += 3
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        guard !decoded.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return false }
        return String(validating: decoded, as: UTF8.self) != nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
