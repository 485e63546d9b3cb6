import Foundation
import LianbingCore
import LianbingFormats
import Testing

@Suite("MarkMatrixCSV")
struct MarkMatrixCSVTests {
    @Test("Given a file with a max row, when parsed, then candidates, questions, marks and maxima come back")
    func withMax() {
        let text = "考生,Q1,Q2,Q3\r\nmax,1,2,5\r\nGZ0001, 1 ,1.5,4\r\nGZ0002,0,2,0\r\n"
        let matrix = MarkMatrixCSV.parse(utf8(text, bom: true), file: "成绩.csv").value
        #expect(
            matrix
                == MarkMatrixCSV.MarkMatrix(
                    candidates: ["GZ0001", "GZ0002"], questions: ["Q1", "Q2", "Q3"], marks: [[1, 1.5, 4], [0, 2, 0]],
                    maxMarks: [1, 2, 5]))
    }

    @Test("Given no max row, when parsed, then every question is out of 1")
    func defaultMax() {
        let matrix = MarkMatrixCSV.parse(utf8("工号,A,B\nS1,1,0\nS2,0.5,1\n"), file: "a.csv").value
        #expect(matrix?.maxMarks == [1, 1])
        #expect(matrix?.marks == [[1, 0], [0.5, 1]])
    }

    @Test("Given the Chinese 满分 label, when parsed, then it is the max row")
    func chineseMax() {
        #expect(MarkMatrixCSV.parse(utf8("考生,A\n满分,3\nS1,3\n"), file: "a.csv").value?.maxMarks == [3])
    }

    @Test("Given many bad cells and rows, when parsed, then every problem is reported with its line in one pass")
    func everyProblem() {
        let text =
            "考生,Q1,Q2,Q3\n"  // 1
            + "max,1,0,abc\n"  // 2: two bad maxima
            + "S1,1,2,3\n"  // 3: fine (Q2 and Q3 have no usable max, so any non-negative number passes)
            + "S2,1.5,-1,x\n"  // 4: over max, negative, not a number
            + "S1,,0,0\n"  // 5: duplicate, empty mark
            + "S4,1,0\n"  // 6: ragged
            + ",0,0,0\n"  // 7: no candidate
            + "max,1,1,1\n"  // 8: max row out of place
            + "S5,nan,inf,1e3\n"  // 9: not plain numbers
        let issues = MarkMatrixCSV.parse(utf8(text), file: "成绩.csv").issues
        #expect(issues.allSatisfy { $0.file == "成绩.csv" })
        #expect(issues.map(\.line) == issues.map(\.line).sorted())
        let byLine = Dictionary(grouping: issues, by: \.line).mapValues { $0.map(\.reason) }
        #expect(byLine.keys.sorted() == [2, 4, 5, 6, 7, 8, 9])
        #expect(byLine[2] == ["“Q2”的满分“0”无效：应为大于 0 的数", "“Q3”的满分“abc”无效：应为大于 0 的数"])
        #expect(byLine[4] == ["“Q1”的分数 1.5 超出范围：应在 0 到 1 之间", "“Q2”的分数 -1 不能小于 0", "“Q3”的分数“x”不是数字"])
        #expect(byLine[5] == ["考生 S1 重复（第 3 行已出现）", "“Q1”的分数为空：未作答请填 0"])
        #expect(byLine[6] == ["应有 4 列（考生和 3 道题），实际有 3 列"])
        #expect(byLine[7] == ["考生为空"])
        #expect(byLine[8] == ["满分行（max）应紧接在表头之后"])
        #expect(byLine[9] == ["“Q1”的分数“nan”不是数字", "“Q2”的分数“inf”不是数字", "“Q3”的分数“1e3”不是数字"])
    }

    @Test("Given a fractional maximum, when a mark exceeds it, then the message shows the maximum as written")
    func fractionalMax() {
        let issues = MarkMatrixCSV.parse(utf8("考生,A\nmax,2.5\nS1,3\n"), file: "a.csv").issues
        #expect(issues.map(\.reason) == ["“A”的分数 3 超出范围：应在 0 到 2.5 之间"])
    }

    @Test("Given a header with duplicate, empty or no questions, when parsed, then each is named")
    func header() {
        let duplicate = MarkMatrixCSV.parse(utf8("考生,Q1,,Q1\nS1,1,1,1\n"), file: "a.csv").issues
        #expect(duplicate.map(\.line) == [1, 1])
        #expect(duplicate.map(\.reason) == ["表头第 3 列的题目编号为空", "表头第 4 列的题目编号“Q1”与第 2 列重复"])
        let none = MarkMatrixCSV.parse(utf8("考生\nS1\n"), file: "a.csv").issues
        #expect(none.map(\.reason) == ["表头应为：第一列为考生，其后每列一道题的编号"])
    }

    @Test("Given only a header, or nothing, when parsed, then the file is refused as a whole")
    func empty() {
        #expect(MarkMatrixCSV.parse(utf8("考生,Q1\nmax,2\n"), file: "a.csv").issues.map(\.reason) == ["文件没有考生行"])
        #expect(MarkMatrixCSV.parse(Data(), file: "a.csv").issues.map(\.line) == [0])
    }

    @Test("Given a parsed file, when its statistics are computed, then they cover every candidate and question")
    func feedsStatistics() throws {
        let matrix = try #require(MarkMatrixCSV.parse(utf8("考生,Q1,Q2\nmax,1,2\nA,1,2\nB,0,1\nC,1,0\n"), file: "a.csv").value)
        let stats = ItemStatistics.compute(
            candidates: matrix.candidates, questions: matrix.questions, marks: matrix.marks, maxMarks: matrix.maxMarks)
        #expect(stats.candidates == 3)
        #expect(stats.questions.map(\.facility) == [2.0 / 3, 0.5])
    }
}
