import Foundation
import LianbingCore
import LianbingFormats
import Testing

@Suite("PaperMarksCSV")
struct PaperMarksCSVTests {
    @Test("Given good rows, when read, then each row has its line, staff number, form and marks in order")
    func goodRows() throws {
        let text = "工号,卷别,1,2,3\r\nGD1, A ,2,0,1.5\r\nGD2,b,0,3,3\r\n"
        let read = try #require(PaperMarksCSV.read(utf8(text, bom: true), file: "成绩.csv").value)
        #expect(read.issues == [])
        #expect(read.rows == [
            PaperMarksCSV.Row(line: 2, staffNumber: "GD1", form: "A", marks: [2, 0, 1.5]),
            PaperMarksCSV.Row(line: 3, staffNumber: "GD2", form: "B", marks: [0, 3, 3]),
        ])
    }

    @Test("Given bad cells on several lines, when read, then every one is reported at its line in one pass")
    func everyBadCell() throws {
        let text =
            "工号,卷别,1,2,3\n"  // 1
            + "GD1,A,2,,1\n"  // 2: empty mark
            + "GD2,甲,x,-1,1e3\n"  // 3: bad form, three bad marks
            + "GD1,A,1,1\n"  // 4: ragged
            + ",,1,1,1\n"  // 5: no staff number, no form
            + "GD3,A,1,1,1\n"  // 6: fine
        let read = try #require(PaperMarksCSV.read(utf8(text), file: "成绩.csv").value)
        let byLine = Dictionary(grouping: read.issues, by: \.line).mapValues { $0.map(\.reason) }
        #expect(byLine.keys.sorted() == [2, 3, 4, 5])
        #expect(byLine[2] == ["第 2 题的得分为空：未作答请填 0"])
        #expect(byLine[3] == [
            "卷别“甲”无效：应为 A、B 等卷型字母", "第 1 题的得分“x”无效：应为不小于 0 的数", "第 2 题的得分“-1”无效：应为不小于 0 的数",
            "第 3 题的得分“1e3”无效：应为不小于 0 的数",
        ])
        #expect(byLine[4] == ["应有 5 列（工号,卷别,1,2,3），实际有 4 列"])
        #expect(byLine[5] == ["工号为空", "卷别为空：应填 A、B 等卷型字母"])
        #expect(read.rows.map(\.staffNumber) == ["GD3"])
    }

    @Test("Given a duplicate staff number, when read, then the second line names the first")
    func duplicate() {
        let read = PaperMarksCSV.read(utf8("工号,卷别,1\nGD1,A,1\nGD1,B,0\n"), file: "a.csv").value
        #expect(read?.issues == [ImportIssue(file: "a.csv", line: 3, reason: "工号 GD1 重复（第 2 行已出现）")])
    }

    @Test("Given a wrong header, when read, then the file is refused at line 1 saying what the header must be")
    func wrongHeader() {
        let misnumbered = PaperMarksCSV.read(utf8("工号,卷别,1,3\nGD1,A,1,1\n"), file: "a.csv").issues
        #expect(misnumbered.map(\.line) == [1, 1])
        #expect(misnumbered.allSatisfy { $0.reason.hasSuffix("表头应为：工号,卷别,1,2") })
        let noQuestions = PaperMarksCSV.read(utf8("工号,卷别\nGD1,A\n"), file: "a.csv").issues
        #expect(noQuestions == [ImportIssue(file: "a.csv", line: 1, reason: "表头应为：工号,卷别,1,2,…（每道题一列，按卷面题序编号）")])
        #expect(PaperMarksCSV.read(utf8("工号,卷别,1\n"), file: "a.csv").issues.map(\.reason) == ["文件只有表头，没有成绩行"])
    }
}
