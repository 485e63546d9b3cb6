import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("OrgCSV")
struct OrgCSVTests {
    private let header = "编码,名称,层级,上级编码\r\n"

    private func unit(_ code: String, _ name: String, _ level: UnitLevel, _ parent: String?) -> ServiceUnit {
        ServiceUnit(code: code, name: name, level: level, parentCode: parent)
    }

    @Test("Given a valid file with a BOM and CRLF, when parsed, then every unit comes back with its line")
    func valid() {
        let text = header + "44,广东省退役军人服务中心,省,\r\n4401,广州市退役军人服务中心,市,44\r\n\r\n440103,越秀区, 县 ,4401\r\n"
        let rows = OrgCSV.parse(utf8(text, bom: true), file: "单位.csv").value
        #expect(
            rows == [
                .init(line: 2, unit: unit("44", "广东省退役军人服务中心", .province, nil)),
                .init(line: 3, unit: unit("4401", "广州市退役军人服务中心", .city, "44")),
                .init(line: 5, unit: unit("440103", "越秀区", .county, "4401")),
            ])
    }

    @Test("Given the GB18030 fixture, when parsed, then the units are read correctly")
    func gb18030() {
        let rows = OrgCSV.parse(Fixture.gb18030Org, file: "单位.csv").value
        #expect(rows?.map(\.unit) == [unit("44", "广东省退役军人服务中心", .province, nil), unit("4401", "广州市越秀区", .city, "44")])
    }

    @Test("Given a header with spaces around names, when parsed, then it is accepted")
    func headerWhitespace() {
        #expect(OrgCSV.parse(utf8(" 编码 ,名称,\u{3000}层级,上级编码 \n44,省中心,省,\n"), file: "a.csv").value?.count == 1)
    }

    @Test("Given a header missing 层级 and with an extra 备注, when parsed, then both are named on line 1")
    func headerMissingAndUnknown() {
        let issues = OrgCSV.parse(utf8("编码,名称,备注,上级编码\n44,省中心,省,\n"), file: "a.csv").issues
        #expect(issues.map(\.line) == [1, 1])
        #expect(issues[0].reason.hasPrefix("表头缺少列：层级"))
        #expect(issues[1].reason.hasPrefix("表头有未知列：备注"))
    }

    @Test("Given the right columns in the wrong order, when parsed, then the order is reported")
    func headerOrder() {
        let issues = OrgCSV.parse(utf8("名称,编码,层级,上级编码\n省中心,44,省,\n"), file: "a.csv").issues
        #expect(issues.map(\.reason) == ["表头列的顺序不对。表头应为：编码,名称,层级,上级编码"])
    }

    @Test("Given a semicolon-separated file, when parsed, then the reason says it is not comma-separated")
    func semicolonSeparated() {
        let reason = OrgCSV.parse(utf8("编码;名称;层级;上级编码\n"), file: "a.csv").issues.first?.reason ?? ""
        #expect(reason.contains("逗号"))
    }

    @Test("Given only a header, or only blank lines, when parsed, then the file is refused on line 0")
    func noData() {
        #expect(OrgCSV.parse(utf8(header), file: "a.csv").issues.map(\.reason) == ["文件只有表头，没有数据行"])
        #expect(OrgCSV.parse(utf8("\r\n\r\n"), file: "a.csv").issues.map(\.reason) == ["文件没有内容"])
    }

    @Test("Given many bad rows, when parsed, then every problem is reported with its own line")
    func everyRowError() {
        let text =
            header
            + "44,广东省,省,\r\n"  // 2: fine
            + "44 01,广州市,市,44\r\n"  // 3: bad code
            + "4402,,市,44\r\n"  // 4: empty name
            + "4403,深圳市,地区,44\r\n"  // 5: bad level
            + "4404,珠海市,市,\r\n"  // 6: not root, no parent
            + "4405,汕头市,市\r\n"  // 7: three columns
            + "4406,\(String(repeating: "名", count: 65)),市,44\r\n"  // 8: long name
            + "4407,佛山市,市,4407\r\n"  // 9: own parent
            + "45,广西,省,44\r\n"  // 10: province with a parent
            + ",,,\r\n"  // blank spreadsheet row: skipped
            + "4408,韶关市,市,4/4\r\n"  // 12: bad parent code
            + "4409,\"河源\n市\",市,44\r\n"  // 13: line break in a name
        let issues = OrgCSV.parse(utf8(text), file: "单位.csv").issues
        #expect(issues.allSatisfy { $0.file == "单位.csv" })
        #expect(issues.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 12, 13])
        let reasons = Dictionary(issues.map { ($0.line, $0.reason) }, uniquingKeysWith: { $0 + "｜" + $1 })
        #expect(reasons[3] == "编码“44 01”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符")
        #expect(reasons[4] == "名称为空")
        #expect(reasons[5] == "层级“地区”无效：应为 省、市、县、镇、村 之一")
        #expect(reasons[6] == "上级编码为空：只有省级单位可以没有上级")
        #expect(reasons[7] == "应有 4 列（编码,名称,层级,上级编码），实际有 3 列")
        #expect(reasons[8] == "名称过长：65 个字，最多 64 个")
        #expect(reasons[9] == "上级编码不能是单位自己的编码")
        #expect(reasons[10] == "省级单位是整棵树的根，上级编码应为空")
        #expect(reasons[12]?.hasPrefix("上级编码“4/4”无效") == true)
        #expect(reasons[13] == "“名称”不能包含换行")
    }

    @Test("Given several problems in one row, when parsed, then each is reported")
    func severalProblemsInOneRow() {
        let issues = OrgCSV.parse(utf8(header + ",,区县,\r\n"), file: "a.csv").issues
        #expect(issues.map(\.reason) == ["编码为空", "名称为空", "层级“区县”无效：应为 省、市、县、镇、村 之一"])
    }

    @Test("Given codes Excel turned into scientific notation, when parsed, then the reason says so and what to do")
    func excelScientificNotation() {
        let issues = OrgCSV.parse(utf8(header + "4.40106E+11,天河区,县,4.401E+11\r\n"), file: "a.csv").issues
        #expect(issues.map(\.reason) == [
            "编码“4.40106E+11”是被 Excel 改成科学计数法的数字，位数已经丢失：请把这一列设为“文本”格式后重新填写完整编码",
            "上级编码“4.401E+11”是被 Excel 改成科学计数法的数字，位数已经丢失：请把这一列设为“文本”格式后重新填写完整编码",
        ])
        #expect(CodeCell.problem("440106000000", field: "编码") == nil)
        #expect(CodeCell.problem("4.4", field: "编码")?.contains("无效") == true)
    }

    @Test("Given units, when encoded and parsed again, then the same units come back")
    func roundTrip() {
        let units = [
            unit("44", "广东省退役军人服务中心", .province, nil),
            unit("4419", "东莞市退役军人服务中心", .city, "44"),
            unit("441900003", "东城街道, \"样板\"站", .town, "4419"),
            unit("441900003001", "  主山社区 ", .village, "441900003"),
        ]
        let data = OrgCSV.encode(units)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let parsed = OrgCSV.parse(data, file: "a.csv").value
        // Names are trimmed on import, exactly as typed names are.
        var expected = units
        expected[3].name = "主山社区"
        #expect(parsed?.map(\.unit) == expected)
        #expect(parsed?.map(\.line) == [2, 3, 4, 5])
    }

    @Test("Given an encoded file, when inspected, then it uses the import header and level labels with CRLF")
    func encodedText() {
        let data = OrgCSV.encode([unit("44", "省中心", .province, nil), unit("4401", "市中心", .city, "44")])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "编码,名称,层级,上级编码\r\n44,省中心,省,\r\n4401,市中心,市,44\r\n")
    }

    @Test("Given a 10 MB name, when the whole file is parsed, then it fails quickly with 字段过长 on that line")
    func hugeName() {
        let data = utf8(header + "44,省中心,省,\r\n4401," + String(repeating: "名", count: 4 * 1024 * 1024) + ",市,44\r\n")
        let clock = ContinuousClock()
        var issues: [ImportIssue] = []
        let elapsed = clock.measure { issues = OrgCSV.parse(data, file: "a.csv").issues }
        #expect(issues.map(\.line) == [3])
        #expect(issues.first?.reason.hasPrefix("字段过长") == true)
        #expect(elapsed < hugeInputTimeLimit)
    }

    @Test("Given random bytes, when parsed, then it never crashes")
    func randomBytes() {
        var generator = SeededGenerator(seed: 44)
        let pieces: [[UInt8]] = [Array(header.utf8), Array("44,省,省,\n".utf8), [0x2C], [0x22], [0x0A], [0xFF], [0xE4, 0xB8], [0xB1, 0xE0]]
        for length in 0..<200 {
            let bytes = (0..<length).flatMap { _ in pieces.randomElement(using: &generator)! }
            _ = OrgCSV.parse(Data(bytes), file: "a.csv")
        }
    }
}
