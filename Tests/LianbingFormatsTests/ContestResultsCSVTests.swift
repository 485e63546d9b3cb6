import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("ContestResultsCSV")
struct ContestResultsCSVTests {
    /// Four teams: 一队 well ahead; 二队 and 三队 equal in everything (a shared second place); 四队 with a formula-like
    /// name, a negative total and a playoff win (whose answering time, like its points, stays out of the tie-breakers).
    static let setup = ContestSetup(
        entrants: [
            ContestEntrant(id: 1, name: "天河一队", unitCode: "440106", basePoints: ContestPoints(points: 100), draw: 1),
            ContestEntrant(id: 2, name: "东莞队", unitCode: "441900", basePoints: ContestPoints(points: 100), draw: 2),
            ContestEntrant(id: 3, name: "番禺队, \"老兵\"", unitCode: "440113", basePoints: ContestPoints(points: 100), draw: 3),
            ContestEntrant(id: 4, name: "=HYPERLINK(\"x\")", unitCode: "440106", basePoints: ContestPoints(points: 100), draw: 4),
        ],
        playoffRounds: [3])

    static let events: [ContestEvent] = [
        ContestEvent(sequence: 1, round: 1, team: 1, kind: .written, change: ContestPoints(hundredths: 8_750)),
        ContestEvent(sequence: 2, round: 2, question: 1, team: 1, kind: .right, change: ContestPoints(points: 10), elapsedMilliseconds: 12_500),
        ContestEvent(sequence: 3, round: 2, question: 2, team: 2, kind: .wrong, change: ContestPoints(points: -5), elapsedMilliseconds: 1_234),
        ContestEvent(sequence: 4, round: 2, question: 3, team: 3, kind: .wrong, change: ContestPoints(points: -5), elapsedMilliseconds: 1_234),
        ContestEvent(sequence: 5, round: 2, team: 4, kind: .manual, change: ContestPoints(hundredths: -10_325), reason: "纸质记分表"),
        ContestEvent(sequence: 6, round: 3, question: 1, team: 4, kind: .right, change: ContestPoints(points: 10), elapsedMilliseconds: 3_000),
    ]

    static let members: [Int64: [String]] = [1: ["陈一", "李二"], 2: ["周六"], 3: ["黄三", "张四", "刘五"], 4: ["+陈七"]]
    static let unitNames = ["440106": "天河区", "441900": "东莞市"]

    /// The CSV both `contest export` and the results page write.
    func encode(_ board: [ContestStanding], members: [Int64: [String]], unitNames: [String: String] = [:]) -> Data {
        ReportTableCSV.encode(ContestResultsCSV.table(board, members: members, unitNames: unitNames, title: "成绩"))
    }

    /// The file read back the way an import would: decoded, then parsed by the project's reader.
    func readBack(_ data: Data) throws -> [[String]] {
        let text = try CSVTextDecoder.decode(data, file: "成绩.csv").get()
        #expect(text.encoding == .utf8WithBOM)
        return try CSVReader.read(text.text, file: "成绩.csv").get().map(\.fields)
    }

    @Test("Given a finished board, when exported, then one row per team in ranked order reads back cell for cell")
    func rowsReadBack() throws {
        let board = Scoreboard.build(Self.setup, events: Self.events)
        let rows = try readBack(encode(board, members: Self.members, unitNames: Self.unitNames))
        #expect(rows.first == ContestResultsCSV.header)
        #expect(rows.first == ["名次", "参赛队", "单位", "队员", "总分", "笔试", "答错题数", "答题用时（秒）", "加赛"])
        #expect(
            Array(rows.dropFirst()) == [
                ["1", "天河一队", "天河区", "陈一、李二", "197.5", "87.5", "0", "12.5", "0"],
                ["2", "东莞队", "东莞市", "周六", "95", "0", "1", "1.234", "0"],
                ["2", "番禺队, \"老兵\"", "440113", "黄三、张四、刘五", "95", "0", "1", "1.234", "0"],
                ["4", "=HYPERLINK(\"x\")", "天河区", "+陈七", "-3.25", "0", "0", "0", "10"],
            ])
    }

    @Test("Given formula-like cells, when exported, then the raw file guards them and a spreadsheet sees text")
    func formulasAreGuarded() {
        let board = Scoreboard.build(Self.setup, events: Self.events)
        let text = String(decoding: encode(board, members: Self.members, unitNames: Self.unitNames), as: UTF8.self)
        #expect(text.contains("\r\n4,\"'=HYPERLINK(\"\"x\"\")\",天河区,'+陈七,'-3.25,0,0,0,10\r\n"), "\(text)")
        #expect(text.contains(",\"番禺队, \"\"老兵\"\"\","))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test("Given a team with no members listed and no unit name, when exported, then the cells are empty and the code")
    func missingNames() throws {
        let board = Scoreboard.build(ContestSetup(entrants: [ContestEntrant(id: 9, name: "个人", unitCode: "44")]), events: [])
        let rows = try readBack(encode(board, members: [:]))
        #expect(rows == [ContestResultsCSV.header, ["1", "个人", "44", "", "0", "0", "0", "0", "0"]])
    }

    @Test("Answering time is written in seconds to the millisecond, without trailing zeros")
    func seconds() {
        #expect(ContestResultsCSV.seconds(0) == "0")
        #expect(ContestResultsCSV.seconds(3_000) == "3")
        #expect(ContestResultsCSV.seconds(12_500) == "12.5")
        #expect(ContestResultsCSV.seconds(1_050) == "1.05")
        #expect(ContestResultsCSV.seconds(1_234) == "1.234")
        #expect(ContestResultsCSV.seconds(7) == "0.007")
        #expect(ContestResultsCSV.seconds(-1_500) == "-1.5")
    }
}
