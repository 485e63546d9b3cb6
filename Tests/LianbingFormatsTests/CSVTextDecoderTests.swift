import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("CSVTextDecoder")
struct CSVTextDecoderTests {
    @Test("Given UTF-8 with a BOM, when decoded, then the text has no BOM")
    func utf8WithBOM() {
        let decoded = CSVTextDecoder.decode(utf8("编码,名称\r\n", bom: true), file: "a.csv").value
        #expect(decoded == .init(text: "编码,名称\r\n", encoding: .utf8WithBOM))
    }

    @Test("Given UTF-8 without a BOM, when decoded, then the text is unchanged")
    func utf8WithoutBOM() {
        let decoded = CSVTextDecoder.decode(utf8("编码,名称\n"), file: "a.csv").value
        #expect(decoded == .init(text: "编码,名称\n", encoding: .utf8))
    }

    @Test("Given GB18030 bytes as Excel saves them, when decoded, then the Chinese text comes back")
    func gb18030() {
        let decoded = CSVTextDecoder.decode(Fixture.gb18030Org, file: "a.csv").value
        #expect(decoded?.encoding == .gb18030)
        #expect(decoded?.text == "编码,名称,层级,上级编码\r\n44,广东省退役军人服务中心,省,\r\n4401,广州市越秀区,市,44\r\n")
    }

    @Test("Given GB18030 with two- and four-byte rare characters, when decoded, then they map to the right code points")
    func gb18030RareCharacters() {
        let text = CSVTextDecoder.decode(Fixture.gb18030RareCharacters, file: "a.csv").value?.text
        #expect(text == "刘\u{4DAE},\u{20000}\n")
    }

    @Test("Given an empty file or a bare BOM, when decoded, then it is refused as empty on line 0")
    func empty() {
        for data in [Data(), Data([0xEF, 0xBB, 0xBF])] {
            #expect(CSVTextDecoder.decode(data, file: "a.csv").issues == [ImportIssue(file: "a.csv", line: 0, reason: "文件是空的")])
        }
    }

    @Test("Given a PNG renamed .csv, when decoded, then it is refused as a picture")
    func png() {
        let issues = CSVTextDecoder.decode(Fixture.pngHeader, file: "a.csv").issues
        #expect(issues.count == 1)
        #expect(issues.first?.line == 0)
        #expect(issues.first?.reason.contains("PNG 图片") == true)
    }

    @Test("Given an .xlsx workbook renamed .csv, when decoded, then the reason says to save as CSV")
    func xlsx() {
        let reason = CSVTextDecoder.decode(Fixture.zipHeader, file: "a.csv").issues.first?.reason ?? ""
        #expect(reason.contains("Excel 工作簿"))
        #expect(reason.contains("另存为"))
    }

    @Test("Given text with a NUL byte on line 2, when decoded, then it is refused as binary, near line 2")
    func nulByte() {
        let issues = CSVTextDecoder.decode(utf8("a,b\nc\u{0}d\n"), file: "a.csv").issues
        #expect(issues.map(\.line) == [0])
        #expect(issues.first?.reason.contains("NUL") == true)
        #expect(issues.first?.reason.contains("第 2 行") == true)
    }

    @Test("Given other control characters, when decoded, then it is refused")
    func controlCharacter() {
        #expect(CSVTextDecoder.decode(utf8("a,b\u{1B}\n"), file: "a.csv").issues.first?.reason.contains("控制字符") == true)
    }

    @Test("Given UTF-16 as Excel's Unicode text, when decoded, then the reason names UTF-16")
    func utf16() {
        var data = Data([0xFF, 0xFE])
        data.append("编码".data(using: .utf16LittleEndian)!)
        #expect(CSVTextDecoder.decode(data, file: "a.csv").issues.first?.reason.contains("UTF-16") == true)
    }

    @Test("Given bytes valid in neither UTF-8 nor GB18030, when decoded, then the encoding is refused")
    func neitherEncoding() {
        let issues = CSVTextDecoder.decode(Data([0x61, 0x2C, 0xFF, 0xFF, 0x0A]), file: "a.csv").issues
        #expect(issues.map(\.line) == [0])
        #expect(issues.first?.reason.contains("无法识别文件编码") == true)
    }

    @Test("Given a UTF-8 BOM followed by invalid bytes, when decoded, then it is refused rather than read as GB18030")
    func damagedUTF8() {
        let data = Data([0xEF, 0xBB, 0xBF, 0xB1, 0xE0, 0xC2, 0xEB])
        #expect(CSVTextDecoder.decode(data, file: "a.csv").issues.first?.reason.contains("无法识别文件编码") == true)
    }

    @Test("Given random bytes, when decoded, then it never crashes and either decodes or gives one line-0 issue")
    func randomBytes() {
        var generator = SeededGenerator(seed: 4_401)
        for length in 0..<300 {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            switch CSVTextDecoder.decode(data, file: "a.csv") {
            case .success: continue
            case .failure(let failure): #expect(failure.issues.map(\.line) == [0])
            }
        }
    }
}
