import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("CSVReader")
struct CSVReaderTests {
    private func read(_ text: String) -> [CSVRecord]? { CSVReader.read(text, file: "a.csv").value }

    @Test("Given LF line ends, when read, then each record has its fields and its line")
    func lf() {
        #expect(read("a,b\nc,d\n") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"])])
    }

    @Test("Given CRLF line ends, when read, then no CR is left in any field")
    func crlf() {
        #expect(read("a,b\r\nc,d\r\n") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"])])
    }

    @Test("Given old Mac CR line ends, when read, then they end records too")
    func loneCR() {
        #expect(read("a\rb\r") == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"])])
    }

    @Test("Given no line break after the last record, when read, then the last record is kept")
    func noFinalLineBreak() {
        #expect(read("a,b\nc,") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", ""])])
    }

    @Test("Given quoted fields with commas, escaped quotes and line breaks, when read, then they are unquoted")
    func quoted() {
        let text = "\"广州,越秀\",\"他说\"\"好\"\"\",\"第一行\r\n第二行\"\nnext,\"\"\n"
        #expect(
            read(text) == [
                CSVRecord(line: 1, fields: ["广州,越秀", "他说\"好\"", "第一行\n第二行"]),
                CSVRecord(line: 3, fields: ["next", ""]),
            ])
    }

    @Test("Given a record spanning lines, when read, then later records keep their true line numbers")
    func linesAfterMultilineField() {
        let records = read("h\n\"a\nb\nc\"\nx\n")
        #expect(records?.map(\.line) == [1, 2, 5])
    }

    @Test("Given blank lines, whitespace lines and Excel's empty ,,, rows, when read, then they are skipped")
    func blankLines() {
        let records = read("a\n\n   \n,,,\r\nb\n\n\n\r\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 5, fields: ["b"])])
    }

    @Test("Given spaces around a quoted field, when read, then the spaces are dropped and the quotes honoured")
    func spacesAroundQuotes() {
        #expect(read("a,  \"b,c\"  ,d\n") == [CSVRecord(line: 1, fields: ["a", "b,c", "d"])])
    }

    @Test("Given a quote inside an unquoted field, when read, then it is an ordinary character")
    func bareQuote() {
        #expect(read("5\"屏幕,x\n") == [CSVRecord(line: 1, fields: ["5\"屏幕", "x"])])
    }

    @Test("Given text after a closing quote, when read, then it is an error on that line")
    func textAfterClosingQuote() {
        let issues = CSVReader.read("a\nb\n\"x\"y,z\n", file: "a.csv").issues
        #expect(issues.map(\.line) == [3])
        #expect(issues.first?.reason.contains("多余字符") == true)
    }

    @Test("Given a quote opened on line 2 and never closed, when read, then the error names line 2")
    func unterminatedQuote() {
        let issues = CSVReader.read("a,b\nc,\"d\ne,f\ng,h\n", file: "a.csv").issues
        #expect(issues.count == 1)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.reason.contains("没有闭合") == true)
    }

    @Test("Given a 10 MB field, when read, then it fails with 字段过长 within a few seconds", arguments: [false, true])
    func hugeField(quoted: Bool) {
        let field = String(repeating: "x", count: 10 * 1024 * 1024)
        let text = "a,b\n1," + (quoted ? "\"\(field)\"" : field) + "\n"
        let clock = ContinuousClock()
        var issues: [ImportIssue] = []
        let elapsed = clock.measure { issues = CSVReader.read(text, file: "a.csv").issues }
        #expect(issues.count == 1)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.reason.contains("字段过长") == true)
        #expect(elapsed < hugeInputTimeLimit)
    }

    @Test("Given a 10 MB unterminated quote, when read, then it fails quickly with the opening line")
    func hugeUnterminatedQuote() {
        let text = "a,b\n1,\"" + String(repeating: "x,\n", count: 3 * 1024 * 1024)
        let clock = ContinuousClock()
        var issues: [ImportIssue] = []
        let elapsed = clock.measure { issues = CSVReader.read(text, file: "a.csv").issues }
        #expect(issues.map(\.line) == [2])
        #expect(elapsed < hugeInputTimeLimit)
    }

    @Test("Given random CSV-like text, when read, then it never crashes and line numbers never go backwards")
    func randomText() {
        var generator = SeededGenerator(seed: 440_103)
        let alphabet: [String] = ["a", "中", ",", "\"", "\r", "\n", " ", "\r\n", "\"\""]
        for length in 0..<500 {
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            if let records = CSVReader.read(text, file: "a.csv").value {
                let lines = records.map(\.line)
                #expect(lines == lines.sorted())
            }
        }
    }
}
