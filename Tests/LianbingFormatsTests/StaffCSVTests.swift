import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("StaffCSV")
struct StaffCSVTests {
    private let header = "工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\r\n"

    @Test("Given a valid row, when parsed, then every column lands in Staff")
    func valid() {
        let text = header + "GZ0001,张三,4401,主任（站长）,是,否,法律；心理服务、 信息化 ;;,2021/3/5,否\r\n"
        let rows = StaffCSV.parse(utf8(text, bom: true), file: "人员.csv").value
        let expected = Staff(
            number: "GZ0001", name: "张三", unitCode: "4401", post: "主任（站长）", isVeteran: true, isEntitledPerson: false,
            specialties: ["法律", "心理服务", "信息化"], hireDate: CivilDate(year: 2021, month: 3, day: 5), isActive: false)
        #expect(rows == [StaffCSV.Row(line: 2, staff: expected)])
    }

    @Test("Given empty optional cells, when parsed, then flags default to 否, 在岗 to 是 and no date or specialties")
    func defaults() {
        let staff = StaffCSV.parse(utf8(header + "S1,李四,4401,接访员,,,,,\r\n"), file: "a.csv").value?.first?.staff
        #expect(staff == Staff(number: "S1", name: "李四", unitCode: "4401", post: "接访员"))
    }

    @Test("Given each accepted spelling of yes and no, when parsed, then it is understood", arguments: [
        ("是", true), ("Y", true), ("y", true), ("1", true), ("TRUE", true), ("true", true),
        ("否", false), ("N", false), ("n", false), ("0", false), ("False", false),
    ])
    func flagSpellings(text: String, expected: Bool) {
        let row = "S1,李四,4401,接访员,\(text),\(text),,,\(text)\r\n"
        let staff = StaffCSV.parse(utf8(header + row), file: "a.csv").value?.first?.staff
        #expect(staff?.isVeteran == expected)
        #expect(staff?.isEntitledPerson == expected)
        #expect(staff?.isActive == expected)
    }

    @Test("Given many bad rows, when parsed, then every problem is reported with its line")
    func everyRowError() {
        let text =
            header
            + "S1,甲,4401,接访员,是,否,,2021-01-01,是\r\n"  // 2: fine
            + ",乙,4401,接访员,,,,,\r\n"  // 3: no number
            + "S 3,丙,4401,接访员,,,,,\r\n"  // 4: whitespace in number
            + "S4,,4401,,,,,,\r\n"  // 5: no name, no post
            + "S5,丁,44/01,接访员,也许,否,,2021-02-30,在\r\n"  // 6: bad unit code, flags, date
            + "S1,戊,4401,接访员,,,,,\r\n"  // 7: duplicate of line 2
            + "S7,己,4401,接访员\r\n"  // 8: too few columns
            + "\(String(repeating: "9", count: 33)),\(String(repeating: "名", count: 33)),,接访员,,,,,\r\n"  // 9
        let issues = StaffCSV.parse(utf8(text), file: "人员.csv").issues
        #expect(issues.allSatisfy { $0.file == "人员.csv" })
        let byLine = Dictionary(grouping: issues, by: \.line).mapValues { $0.map(\.reason) }
        #expect(byLine.keys.sorted() == [3, 4, 5, 6, 7, 8, 9])
        #expect(issues.map(\.line) == issues.map(\.line).sorted())
        #expect(byLine[3] == ["工号为空"])
        #expect(byLine[4] == ["工号“S 3”不能包含空格"])
        #expect(byLine[5] == ["姓名为空", "岗位为空"])
        #expect(
            byLine[6] == [
                "单位编码“44/01”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符",
                "“退役军人”应为 是 或 否，实际为“也许”",
                "“在岗”应为 是 或 否，实际为“在”",
                "入职日期“2021-02-30”无效：应为 2021-03-05 这样的日期",
            ])
        #expect(byLine[7] == ["工号 S1 重复（第 2 行已出现）"])
        #expect(byLine[8] == ["应有 9 列（工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗），实际有 4 列"])
        #expect(byLine[9] == ["工号过长：33 个字符，最多 32 个", "姓名过长：33 个字，最多 32 个", "单位编码为空"])
    }

    @Test("Given a unit code Excel turned into scientific notation, when parsed, then the reason names it")
    func excelScientificNotation() {
        let text = "工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\r\nS1,陈一,4.40106E+11,工作人员,是,否,,,是\r\n"
        #expect(StaffCSV.parse(utf8(text), file: "人员.csv").issues.map(\.reason) == [
            "单位编码“4.40106E+11”是被 Excel 改成科学计数法的数字，位数已经丢失：请把这一列设为“文本”格式后重新填写完整编码"
        ])
    }

    @Test("Given a header with 专长 missing, when parsed, then the missing column is named")
    func headerMissing() {
        let issues = StaffCSV.parse(utf8("工号,姓名,单位编码,岗位,退役军人,其他优抚对象,入职日期,在岗\r\n"), file: "a.csv").issues
        #expect(issues.map(\.line) == [1])
        #expect(issues.first?.reason.hasPrefix("表头缺少列：专长") == true)
    }

    @Test("Given staff, when encoded and parsed again, then the same staff come back")
    func roundTrip() {
        let staff = [
            Staff(
                number: "GZ-0001", name: "欧阳, 晓\"明\"", unitCode: "440103", post: Post.director, isVeteran: true,
                isEntitledPerson: true, specialties: ["法律", "心理服务"], hireDate: CivilDate(year: 2019, month: 12, day: 1),
                isActive: true),
            Staff(number: "000123", name: "刘\u{4DAE}", unitCode: "4401", post: Post.informant, isActive: false),
        ]
        let data = StaffCSV.encode(staff)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(StaffCSV.parse(data, file: "a.csv").value == staff.enumerated().map { StaffCSV.Row(line: $0.offset + 2, staff: $0.element) })
    }

    @Test("Given staff, when encoded, then flags are 是/否 and specialties are ;-separated with CRLF line ends")
    func encodedText() {
        let data = StaffCSV.encode([Staff(number: "S1", name: "张三", unitCode: "44", post: "代办员", specialties: ["法律", "信息化"])])
        #expect(
            String(decoding: data.dropFirst(3), as: UTF8.self)
                == "工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\r\nS1,张三,44,代办员,否,否,法律;信息化,,是\r\n")
    }
}
