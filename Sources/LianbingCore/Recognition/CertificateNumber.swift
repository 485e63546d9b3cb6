import Foundation

/// The number of an internal certificate (持证上岗), printed on it and typed into the public verification page:
/// `LB-YYYY-NNNNNN-C`, that is the prefix `LB`, the year of issue, a serial within that year, zero-padded to six
/// digits, and one check character.
///
/// The check character is ISO 7064 MOD 37,36 over the twelve characters `LBYYYYNNNNNN` (see `checkCharacter(of:)`),
/// so a number misread from paper or mistyped is refused before anything is looked up, rather than showing someone
/// else's certificate. It catches every single wrong character; it catches adjacent swaps too, except the hybrid
/// system's one blind spot (two neighbours whose values differ by one, at one running state of the check: about
/// 0.3 % of swaps). So a page that finds a certificate by number should also show whose it is (masked), for the
/// reader to compare.
public struct CertificateNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Years a number may carry: the century the system's dates allow (see `InputBounds.dates`).
    public static let years = 2000...2099
    /// Serials within a year: six digits, from 1.
    public static let serials = 1...999_999
    /// The fixed prefix: 练兵.
    public static let prefix = "LB"

    public let year: Int
    public let serial: Int

    /// The number issued as `serial` in `year`; out of range is refused, as numbering past the sixth digit must
    /// stop issuing rather than print a number that would not verify.
    public init(year: Int, serial: Int) throws {
        try InputBounds.check(year, in: Self.years, "证书编号的年份")
        try InputBounds.check(serial, in: Self.serials, "证书编号的序号")
        self.year = year
        self.serial = serial
    }

    /// Reads a number as people type it: letter case and surrounding spaces do not matter, and the hyphens may be
    /// left out, all of them or none. `nil` when the shape, the ranges or the check character are wrong. A hyphen in
    /// any other place is refused, so that a swap with a hyphen cannot slip through.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // ASCII only before upper-casing: `ı`.uppercased() is `I`, and a number is never typed with it.
        guard trimmed.allSatisfy(\.isASCII) else { return nil }
        let characters = Array(trimmed.uppercased())
        let compact: [Character]
        switch characters.count {
        case 16:
            guard characters[2] == "-", characters[7] == "-", characters[14] == "-" else { return nil }
            compact = characters.enumerated().filter { ![2, 7, 14].contains($0.offset) }.map(\.element)
        case 13:
            compact = characters
        default:
            return nil
        }
        guard String(compact[0..<2]) == Self.prefix, compact[2..<12].allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(String(compact[2..<6])), let serial = Int(String(compact[6..<12])),
            Self.years.contains(year), Self.serials.contains(serial),
            Self.checkCharacter(of: String(compact[0..<12])) == compact[12]
        else { return nil }
        self.year = year
        self.serial = serial
    }

    /// The twelve characters the check character is computed over: `LBYYYYNNNNNN`.
    var payload: String {
        let digits = String(serial)
        return Self.prefix + String(year) + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// The canonical form, with hyphens, as printed: `LB-2026-000001-E`.
    public var text: String {
        let payload = Array(payload)
        // The payload's characters are all in the alphabet, so there is always a check character.
        let check = Self.checkCharacter(of: String(payload)).map(String.init) ?? ""
        return "\(String(payload[0..<2]))-\(String(payload[2..<6]))-\(String(payload[6..<12]))-\(check)"
    }

    public var description: String { text }

    /// Older years first, then by serial: the order of issue.
    public static func < (lhs: CertificateNumber, rhs: CertificateNumber) -> Bool { (lhs.year, lhs.serial) < (rhs.year, rhs.serial) }
}
