/// A download's `Content-Disposition` (RFC 6266): the real name, Chinese included, as `filename*` in RFC 5987's
/// UTF-8 percent-encoding, which browsers prefer, and a plain ASCII `filename` for clients that know only that.
enum ContentDisposition {
    /// RFC 5987 `attr-char`: what may stand unencoded in `filename*`.
    private static let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)

    /// `fallback` must be ASCII without quotes or backslashes: callers pass a fixed pattern such as `exam-3-results.csv`.
    static func attachment(_ filename: String, fallback: String) -> String {
        let encoded = filename.utf8.map { plain.contains($0) ? String(UnicodeScalar($0)) : "%" + hex($0) }.joined()
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
