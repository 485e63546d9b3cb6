import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LianbingFormats
import Testing

@Suite struct QRCodeTests {
    static let signInURL = "https://lianbing.example/t/sign-in?s=12&c=483920"
    static let chinese = "练兵比武签到：广州市从化区退役军人服务站，第 3 期（2025 年）"
    static let zbarimg = "/usr/bin/zbarimg"

    @Test("Given short text, then the code is version 1, 21 modules a side, at levels L and M")
    func versionOneSize() throws {
        for level in [QRCode.Level.low, .medium] {
            let code = try QRCode(encoding: "LIANBING-17", level: level)
            #expect(code.version == 1)
            #expect(code.size == 21)
        }
    }

    @Test("Given 28 bytes at level M, then the code is version 3 (version 2 holds 26), 29 modules a side")
    func sizeFollowsVersion() throws {
        let code = try QRCode(encoding: "https://lianbing.example/t/x")
        #expect(code.version == 3)
        #expect(code.size == 29)
        let high = try QRCode(encoding: Self.signInURL, level: .high)
        #expect(high.size == 17 + 4 * high.version)
        #expect(high.version > (try QRCode(encoding: Self.signInURL, level: .low)).version)
    }

    @Test("Given a code, then the three finder patterns are where the standard puts them and outside is light")
    func finderPatterns() throws {
        let code = try QRCode(encoding: Self.signInURL)
        let last = code.size - 1
        for (top, left) in [(0, 0), (0, last - 6), (last - 6, 0)] {
            for i in 0..<7 {
                #expect(code.isDark(row: top, column: left + i))  // outer ring
                #expect(code.isDark(row: top + 6, column: left + i))
                #expect(code.isDark(row: top + i, column: left))
                #expect(code.isDark(row: top + i, column: left + 6))
            }
            #expect(!code.isDark(row: top + 1, column: left + 1))  // light ring
            #expect(code.isDark(row: top + 3, column: left + 3))  // centre
        }
        #expect(!code.isDark(row: -1, column: 0) && !code.isDark(row: 0, column: code.size) && !code.isDark(row: 999, column: -5))
    }

    @Test("Given empty text or text over 1,000 bytes, then a Chinese error, not a crash; 1,000 bytes fit at level H")
    func refusals() throws {
        #expect(throws: QRCodeError.empty) { try QRCode(encoding: "") }
        #expect(throws: QRCodeError.tooLong(bytes: 1_001, limit: 1_000)) { try QRCode(encoding: String(repeating: "a", count: 1_001)) }
        // 334 Chinese characters are 1,002 UTF-8 bytes: the limit counts bytes, not characters.
        #expect(throws: QRCodeError.tooLong(bytes: 1_002, limit: 1_000)) { try QRCode(encoding: String(repeating: "练", count: 334)) }
        #expect(QRCodeError.tooLong(bytes: 1_001, limit: 1_000).description.contains("内容过长"))
        #expect(QRCodeError.empty.description.contains("为空"))
        #expect(QRCodeError.encodingFailed.localizedDescription.contains("二维码"))
        let largest = try QRCode(encoding: String(repeating: "a", count: 1_000), level: .high)
        #expect(largest.size == 17 + 4 * largest.version && largest.version <= 40)
    }

    /// The SVG read back by a real XML parser: root attributes, the title and the one path.
    final class SVGReader: NSObject, XMLParserDelegate {
        var root: [String: String] = [:]
        var elements: [String] = []
        var title = ""
        var paths: [String] = []
        var inTitle = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if elements.isEmpty { root = attributes }
            elements.append(name)
            if name == "title" { inTitle = true }
            if name == "path", let d = attributes["d"] { paths.append(d) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { inTitle = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { title += string } }
    }

    @Test("Given a title with <, & and quotes, then the SVG is well-formed, escaped, scalable, and loads nothing")
    func svgIsSelfContained() throws {
        let code = try QRCode(encoding: "LIANBING-17")
        let title = "签到 <b>第1期</b> & \"培训\" 'x'\u{1}"
        let svg = code.svg(title: title)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("<title>签到 &lt;b&gt;第1期&lt;/b&gt; &amp; &quot;培训&quot; &#39;x&#39;</title>"))
        #expect(!svg.contains("<b>"))
        let withoutNamespace = svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http"))
        #expect(!withoutNamespace.contains("href"))
        #expect(!withoutNamespace.contains("url("))

        let parser = XMLParser(data: Data(svg.utf8))
        let reader = SVGReader()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(reader.root["viewBox"] == "0 0 29 29")  // 21 modules and a 4-module quiet zone each side
        #expect(reader.root["width"] == nil && reader.root["height"] == nil)
        #expect(reader.root["shape-rendering"] == "crispEdges")
        #expect(reader.root["role"] == "img")
        #expect(reader.title == "签到 <b>第1期</b> & \"培训\" 'x'")
        #expect(reader.elements == ["svg", "title", "rect", "path"])
        #expect(reader.paths.count == 1)
    }

    @Test("Given the SVG path, when its runs are filled back in, then they are exactly the dark modules")
    func svgPathDrawsTheModules() throws {
        let code = try QRCode(encoding: Self.signInURL)
        let svg = code.svg(title: "签到")
        let d = try #require(svg.firstRange(of: " d=\"").map { svg[$0.upperBound...].prefix { $0 != "\"" } })
        let side = code.size + 2 * QRCode.quietZone
        var drawn = Array(repeating: Array(repeating: false, count: side), count: side)
        for run in d.split(separator: "M") {
            // "x yhNv1h-Nz"
            let numbers = run.split(whereSeparator: { !"0123456789".contains($0) }).compactMap { Int($0) }
            try #require(numbers.count == 5 && run.hasSuffix("z"), "unexpected run \(run)")
            let (x, y, length) = (numbers[0], numbers[1], numbers[2])
            #expect(numbers[3] == 1 && numbers[4] == length)
            for column in x..<(x + length) { drawn[y][column] = true }
        }
        for row in 0..<side {
            for column in 0..<side {
                let dark = code.isDark(row: row - QRCode.quietZone, column: column - QRCode.quietZone)
                #expect(drawn[row][column] == dark, "module \(row),\(column)")
            }
        }
    }

    @Test("Given a code, then the PGM is a P5 image, 8 pixels a module with the quiet zone, black on white")
    func pgmLayout() throws {
        let code = try QRCode(encoding: "LIANBING-17")
        let image = code.pgm()
        let header = Data("P5\n232 232\n255\n".utf8)  // (21 + 2 × 4) × 8
        #expect(image.prefix(header.count) == header)
        #expect(image.count == header.count + 232 * 232)
        let pixels = Array(image.dropFirst(header.count))
        #expect(Set(pixels) == [0, 255])
        #expect(pixels[0] == 255)  // quiet zone
        #expect(pixels[32 * 232 + 32] == 0)  // top-left corner of the finder pattern
        #expect(pixels[(32 + 8) * 232 + 32 + 8] == 255)  // its light ring
        #expect(code.pgm(scale: 0).count == Data("P5\n29 29\n255\n".utf8).count + 29 * 29)  // clamped, not a crash
    }

    @Test(
        "Given a sign-in URL or Chinese text, when the PGM is read by zbarimg, then the same text comes back",
        arguments: [signInURL, chinese])
    func zbarimgRoundTrip(text: String) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.zbarimg),
            "\(Self.zbarimg) is not installed: install Debian's zbar-tools (Scripts/test does) to check QR codes read back")
        for level in QRCode.Level.allCases {
            let code = try QRCode(encoding: text, level: level)
            let decoded = try Self.scan(code.pgm())
            #expect(decoded == text, "level \(level)")
        }
    }

    /// `zbarimg --raw -q` on the image, written to a temporary file; the decoded text without its final newline.
    static func scan(_ image: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-qr-\(UUID().uuidString).pgm")
        try image.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "zbarimg exit status \(process.terminationStatus)")
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
