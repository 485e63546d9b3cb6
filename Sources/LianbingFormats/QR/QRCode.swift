import CQRencode
import Foundation

/// Why a text could not become a QR code. `description` is the Chinese sentence shown to the person who asked.
public enum QRCodeError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Nothing to encode.
    case empty
    /// More UTF-8 bytes than `QRCode.maximumBytes`.
    case tooLong(bytes: Int, limit: Int)
    /// libqrencode refused (out of memory, or a text it cannot fit at the level asked for).
    case encodingFailed

    public var description: String {
        switch self {
        case .empty: "二维码内容为空，无法生成二维码"
        case .tooLong(let bytes, let limit): "内容过长，无法生成二维码：共 \(bytes) 字节，最多 \(limit) 字节"
        case .encodingFailed: "二维码生成失败，请缩短内容后重试"
        }
    }

    public var errorDescription: String? { description }
}

/// A QR code (ISO/IEC 18004 model 2) drawn from a text: the modules once, then as a scalable SVG for pages and
/// print, or as a binary PGM image for tools that read pictures (tests read it back with `zbarimg`). Written once,
/// for every feature that shows one (training sign-in first).
///
/// The text is encoded as UTF-8 bytes in 8-bit mode, case kept, in the smallest version that holds it. The encoder is
/// Debian's libqrencode (`CQRencode`). Nothing here loads anything from outside: the SVG is self-contained.
public struct QRCode: Sendable, Hashable {
    /// Error correction: the share of the symbol that may be damaged and still read. Higher levels make bigger codes.
    public enum Level: Sendable, Hashable, CaseIterable {
        /// About 7 %.
        case low
        /// About 15 %: the default, a good balance for screens and paper.
        case medium
        /// About 25 %.
        case quartile
        /// About 30 %: for codes that may be folded, smudged or printed small.
        case high

        var encoderLevel: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// The longest text accepted, in UTF-8 bytes. Version 40 at level H holds 1,273 bytes, so every level fits; a
    /// longer text would make a code too dense to scan from a phone anyway.
    public static let maximumBytes = 1_000
    /// Light modules around the symbol, on every side, as the standard asks; both drawings include it.
    public static let quietZone = 4

    /// Modules on a side, without the quiet zone: 21 for version 1, 4 more for each version after.
    public let size: Int
    /// The QR version (1–40) the encoder chose: the smallest that holds the text at the level asked for.
    public let version: Int
    public let level: Level
    /// Row-major, `size × size`, `true` for dark.
    private let modules: [Bool]

    /// Throws `QRCodeError` for an empty text or one over `maximumBytes` UTF-8 bytes; never crashes.
    public init(encoding text: String, level: Level = .medium) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= Self.maximumBytes else { throw .tooLong(bytes: bytes.count, limit: Self.maximumBytes) }
        // QRcode_encodeData is 8-bit mode throughout: case is kept, and NUL or any other byte is data, not a terminator.
        errno = 0
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, level.encoderLevel) else {
            throw errno == ERANGE ? .tooLong(bytes: bytes.count, limit: Self.maximumBytes) : .encodingFailed
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width >= 21, let data = code.pointee.data else { throw .encodingFailed }
        // Each byte describes one module; bit 0 is dark. The other bits say which pattern the module belongs to.
        let buffer = UnsafeBufferPointer(start: data, count: width * width)
        self.modules = buffer.map { $0 & 1 == 1 }
        self.size = width
        self.version = Int(code.pointee.version)
        self.level = level
    }

    /// Whether the module is dark. Outside the symbol (the quiet zone and beyond) every module is light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// A standalone SVG: it scales to any size (`viewBox` in modules, quiet zone included, no fixed width), keeps
    /// module edges sharp, draws on its own white ground so it scans on dark pages, and loads nothing. Dark modules are
    /// one `<path>`, a `M x y hNv1h-Nz` rectangle for each horizontal run. `title` is read aloud by screen readers;
    /// it is escaped. Inline it in HTML or save it as an `.svg` file as it is.
    public func svg(title: String) -> String {
        let offset = Self.quietZone
        let side = size + 2 * offset
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                var run = 1
                while isDark(row: row, column: column + run) { run += 1 }
                path += "M\(column + offset) \(row + offset)h\(run)v1h-\(run)z"
                column += run
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges"><title>\(Self.escapeTitle(title))</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    /// A binary greyscale image (PGM, `P5`): `scale` pixels a module (clamped to 1…32), quiet zone included, black on
    /// white. Any image tool reads it (`zbarimg`, ImageMagick, `pnmtopng`).
    public func pgm(scale: Int = 8) -> Data {
        let scale = min(max(scale, 1), 32)
        let side = (size + 2 * Self.quietZone) * scale
        var image = Data("P5\n\(side) \(side)\n255\n".utf8)
        image.reserveCapacity(image.count + side * side)
        for y in 0..<side {
            let row = y / scale - Self.quietZone
            for x in 0..<side {
                image.append(isDark(row: row, column: x / scale - Self.quietZone) ? 0 : 255)
            }
        }
        return image
    }

    /// Escaped for XML text, with control characters XML forbids dropped so the SVG stays well-formed.
    static func escapeTitle(_ title: String) -> String {
        let allowed = title.unicodeScalars.filter {
            ($0.value >= 0x20 && $0.value != 0xFFFE && $0.value != 0xFFFF) || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }
        return HTMLText.escape(String(String.UnicodeScalarView(allowed)))
    }
}
