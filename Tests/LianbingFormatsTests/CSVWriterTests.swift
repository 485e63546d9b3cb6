import Foundation
import Testing

@testable import LianbingFormats

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test("Given records, when encoded, then the output is BOM-prefixed UTF-8 with CRLF line ends")
    func bomAndCRLF() {
        let data = CSVWriter.encode([["编码", "名称"], ["44", "广东省"]])
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "编码,名称\r\n44,广东省\r\n")
    }

    @Test("Given fields needing quotes, when escaped, then only those are quoted and quotes are doubled")
    func escaping() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("") == "")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(CSVWriter.escape("两\n行") == "\"两\n行\"")
        #expect(CSVWriter.escape(" 前后空格 ") == "\" 前后空格 \"")
    }

    @Test("Given awkward fields, when written and read back, then every field is unchanged")
    func roundTrip() throws {
        let records = [["a,b", "\"", "两\n行", " 空格 ", "", "末尾"], ["x", "y", "z", "\"\"", ",", "中文"]]
        let decoded = try CSVTextDecoder.decode(CSVWriter.encode(records), file: "a.csv").get()
        let read = try CSVReader.read(decoded.text, file: "a.csv").get()
        #expect(read.map(\.fields) == records)
        #expect(read.map(\.line) == [1, 3])
    }

    @Test("Given cells a spreadsheet would run as formulas, when encoded, then each starts with one more apostrophe")
    func formulaCellsAreGuarded() {
        let data = CSVWriter.encode([["=HYPERLINK(\"http://x\")", "+86", "-1", "@SUM(A1)", "'=1", "'plain", "a=b", "1-2"]])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self)
            == "\"'=HYPERLINK(\"\"http://x\"\")\",'+86,'-1,'@SUM(A1),''=1,'plain,a=b,1-2\r\n")
    }

    @Test("Given formula-like and apostrophe cells, when written and read back, then every field is unchanged")
    func formulaGuardRoundTrip() throws {
        let records = [["=1+1", "+86", "-", "@x", "'=a", "''+b", "'plain", "\tx", "'", "''", "=", "中文"]]
        let decoded = try CSVTextDecoder.decode(CSVWriter.encode(records), file: "a.csv").get()
        #expect(try CSVReader.read(decoded.text, file: "a.csv").get().map(\.fields) == records)
    }

    @Test("Given a hand-made file, when read, then only an apostrophe guarding a formula-like cell is removed")
    func readerRemovesOnlyTheGuard() throws {
        let read = try CSVReader.read("'=1,'-,'plain,'',=2\n", file: "a.csv").get()
        #expect(read.map(\.fields) == [["=1", "-", "'plain", "''", "=2"]])
    }

    @Test("Given cells starting with a full-width ＝ ＋ － ＠, a tab or a line break, when encoded, then each is guarded")
    func fullWidthAndWhitespaceTriggersAreGuarded() {
        let data = CSVWriter.encode([["＝HYPERLINK(1)", "＋86", "－1", "＠SUM(A1)", "\tx", "a＝b", "１"]])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "'＝HYPERLINK(1),'＋86,'－1,'＠SUM(A1),'\tx,a＝b,１\r\n")
        let breaks = CSVWriter.encode([["\r=1", "\n=1"]])
        #expect(String(decoding: breaks.dropFirst(3), as: UTF8.self) == "\"'\r=1\",\"'\n=1\"\r\n")
    }

    @Test("Given every guarded kind of cell, when written and read back, then no apostrophe is added or lost")
    func everyGuardRoundTrips() throws {
        let records = [
            ["＝1", "＋86", "－3", "＠x", "'＝a", "''＋b", "\t=1", "-3", "-0.5", "'-3", "＝", "'"],
            ["\n=1", "'\nx", "\n", "line\nbreak", "=", "中文"],
        ]
        let decoded = try CSVTextDecoder.decode(CSVWriter.encode(records), file: "a.csv").get()
        #expect(try CSVReader.read(decoded.text, file: "a.csv").get().map(\.fields) == records)
    }

    @Test("Given a cell starting with a carriage return, when written and read back, then it comes back as a line feed without the guard")
    func carriageReturnComesBackUnguarded() throws {
        // The reader gives every line break in a quoted cell back as LF; the guard must come off all the same.
        let decoded = try CSVTextDecoder.decode(CSVWriter.encode([["\r=1", "\r"]]), file: "a.csv").get()
        #expect(try CSVReader.read(decoded.text, file: "a.csv").get().map(\.fields) == [["\n=1", "\n"]])
    }

    @Test("Given a hand-made file with full-width guards, when read, then exactly the guarding apostrophe is removed")
    func readerRemovesFullWidthGuards() throws {
        let read = try CSVReader.read("'＝1,'－3,''＠x,'＝,'１,-3\n", file: "a.csv").get()
        #expect(read.map(\.fields) == [["＝1", "－3", "'＠x", "＝", "'１", "-3"]])
    }
}
