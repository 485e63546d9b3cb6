import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("OrgCSV attributes")
struct OrgCSVAttributesTests {
    private let header = "编码,名称,层级,上级编码,辖区退役军人数,任务较重\r\n"

    /// `编码,名称,层级,上级编码,辖区退役军人数,任务较重\r\n44,广东省退役军人服务中心,省,,,\r\n440183101001,城郊村服务站,村,44,860,是\r\n`
    /// as Excel/WPS save it on a Chinese Windows machine; produced with `iconv -f UTF-8 -t GB18030`.
    static let gb18030OrgWithAttributes = Data([
        0xB1, 0xE0, 0xC2, 0xEB, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xB2, 0xE3, 0xBC, 0xB6, 0x2C, 0xC9, 0xCF, 0xBC,
        0xB6, 0xB1, 0xE0, 0xC2, 0xEB, 0x2C, 0xCF, 0xBD, 0xC7, 0xF8, 0xCD, 0xCB, 0xD2, 0xDB, 0xBE, 0xFC, 0xC8, 0xCB,
        0xCA, 0xFD, 0x2C, 0xC8, 0xCE, 0xCE, 0xF1, 0xBD, 0xCF, 0xD6, 0xD8, 0x0D, 0x0A, 0x34, 0x34, 0x2C, 0xB9, 0xE3,
        0xB6, 0xAB, 0xCA, 0xA1, 0xCD, 0xCB, 0xD2, 0xDB, 0xBE, 0xFC, 0xC8, 0xCB, 0xB7, 0xFE, 0xCE, 0xF1, 0xD6, 0xD0,
        0xD0, 0xC4, 0x2C, 0xCA, 0xA1, 0x2C, 0x2C, 0x2C, 0x0D, 0x0A, 0x34, 0x34, 0x30, 0x31, 0x38, 0x33, 0x31, 0x30,
        0x31, 0x30, 0x30, 0x31, 0x2C, 0xB3, 0xC7, 0xBD, 0xBC, 0xB4, 0xE5, 0xB7, 0xFE, 0xCE, 0xF1, 0xD5, 0xBE, 0x2C,
        0xB4, 0xE5, 0x2C, 0x34, 0x34, 0x2C, 0x38, 0x36, 0x30, 0x2C, 0xCA, 0xC7, 0x0D, 0x0A,
    ])

    private func unit(_ code: String, _ name: String, _ level: UnitLevel, _ parent: String?) -> ServiceUnit {
        ServiceUnit(code: code, name: name, level: level, parentCode: parent)
    }

    @Test("Given a file with both extra columns saved by Excel (BOM, CRLF), when parsed, then every row carries its attributes")
    func valid() {
        let text =
            header
            + "44,广东省退役军人服务中心,省,,,\r\n"
            + "440183,从化区退役军人服务中心,县,44,52000,否\r\n"
            + "440183101,城郊街服务站,镇,440183,0,\r\n"
            + "440183101001,城郊村服务站,村,440183101, 860 ,是\r\n"
            + "440183101002,西和村服务站,村,440183101,10000000,Y\r\n"
        let rows = OrgCSV.parse(utf8(text, bom: true), file: "单位.csv").value
        #expect(
            rows == [
                .init(line: 2, unit: unit("44", "广东省退役军人服务中心", .province, nil), attributes: UnitAttributes(veteransServed: nil, heavyDuty: false)),
                .init(line: 3, unit: unit("440183", "从化区退役军人服务中心", .county, "44"), attributes: UnitAttributes(veteransServed: 52000, heavyDuty: false)),
                .init(line: 4, unit: unit("440183101", "城郊街服务站", .town, "440183"), attributes: UnitAttributes(veteransServed: 0, heavyDuty: false)),
                .init(line: 5, unit: unit("440183101001", "城郊村服务站", .village, "440183101"), attributes: UnitAttributes(veteransServed: 860, heavyDuty: true)),
                .init(
                    line: 6, unit: unit("440183101002", "西和村服务站", .village, "440183101"),
                    attributes: UnitAttributes(veteransServed: 10_000_000, heavyDuty: true)),
            ])
    }

    @Test("Given the old header, when parsed, then the rows are exactly as before and carry no attributes")
    func oldHeader() {
        let text = "编码,名称,层级,上级编码\r\n44,广东省退役军人服务中心,省,\r\n4401,广州市退役军人服务中心,市,44\r\n"
        let rows = OrgCSV.parse(utf8(text, bom: true), file: "单位.csv").value
        #expect(
            rows == [
                UnitTreeBuilder.Row(line: 2, unit: unit("44", "广东省退役军人服务中心", .province, nil)),
                UnitTreeBuilder.Row(line: 3, unit: unit("4401", "广州市退役军人服务中心", .city, "44")),
            ])
        #expect(rows?.allSatisfy { $0.attributes == nil } == true)
        // The existing GB18030 fixture has the old header too.
        #expect(OrgCSV.parse(Fixture.gb18030Org, file: "单位.csv").value?.allSatisfy { $0.attributes == nil } == true)
    }

    @Test("Given the GB18030 fixture with the extra columns, when parsed, then the attributes are read correctly")
    func gb18030() {
        let rows = OrgCSV.parse(Self.gb18030OrgWithAttributes, file: "单位.csv").value
        #expect(rows?.map(\.unit.name) == ["广东省退役军人服务中心", "城郊村服务站"])
        #expect(rows?.map(\.attributes) == [UnitAttributes(), UnitAttributes(veteransServed: 860, heavyDuty: true)])
    }

    @Test("Given bad attribute cells, when parsed, then each is named with its line alongside the row's other problems")
    func everyRowError() {
        let wrongNumber = "辖区退役军人数“%@”无效：应为 0 到 10000000 之间的整数，不清楚可留空"
        func number(_ cell: String) -> String { wrongNumber.replacingOccurrences(of: "%@", with: cell) }
        let text =
            header
            + "44,广东省,省,,,\r\n"  // 2: fine
            + "4401,广州市,市,44,-5,\r\n"  // 3: negative
            + "4402,深圳市,市,44,10000001,\r\n"  // 4: too many
            + "4403,珠海市,市,44,1.5,\r\n"  // 5: not whole
            + "4404,汕头市,市,44,约800,\r\n"  // 6: not a number
            + "4405,佛山市,市,44,99999999999999999999999,\r\n"  // 7: would overflow
            + "4406,韶关市,市,44,,也许\r\n"  // 8: bad flag
            + "4407,,地区,44,abc,不\r\n"  // 9: every kind at once
            + "4408,河源市,市,44,12\r\n"  // 10: five columns
            + "4409,梅州市,市,44,1e3,\r\n"  // 11: exponent
            + "4410,惠州市,市,44,１２,\r\n"  // 12: full-width digits
        let issues = OrgCSV.parse(utf8(text), file: "单位.csv").issues
        #expect(issues.allSatisfy { $0.file == "单位.csv" })
        #expect(issues.map(\.line) == issues.map(\.line).sorted())
        let byLine = Dictionary(grouping: issues, by: \.line).mapValues { $0.map(\.reason) }
        #expect(byLine.keys.sorted() == Array(3...12))
        #expect(byLine[3] == [number("-5")])
        #expect(byLine[4] == [number("10000001")])
        #expect(byLine[5] == [number("1.5")])
        #expect(byLine[6] == [number("约800")])
        #expect(byLine[7] == [number("99999999999999999999999")])
        #expect(byLine[8] == ["“任务较重”应为 是 或 否，实际为“也许”"])
        #expect(byLine[9] == ["名称为空", "层级“地区”无效：应为 省、市、县、镇、村 之一", number("abc"), "“任务较重”应为 是 或 否，实际为“不”"])
        #expect(byLine[10] == ["应有 6 列（编码,名称,层级,上级编码,辖区退役军人数,任务较重），实际有 5 列"])
        #expect(byLine[11] == [number("1e3")])
        #expect(byLine[12] == [number("１２")])
    }

    @Test("Given the old header with a row of six cells, when parsed, then the row is refused for its column count")
    func oldHeaderLongRow() {
        let issues = OrgCSV.parse(utf8("编码,名称,层级,上级编码\r\n44,广东省,省,,100,是\r\n"), file: "a.csv").issues
        #expect(issues.map(\.reason) == ["应有 4 列（编码,名称,层级,上级编码），实际有 6 列"])
    }

    @Test("Given only one of the extra columns, when parsed, then the header names the missing one and says both may go")
    func headerWithOneExtra() {
        let issues = OrgCSV.parse(utf8("编码,名称,层级,上级编码,辖区退役军人数\r\n44,广东省,省,,100\r\n"), file: "a.csv").issues
        #expect(
            issues == [
                ImportIssue(
                    file: "a.csv", line: 1,
                    reason: "表头缺少列：任务较重。表头应为：编码,名称,层级,上级编码,辖区退役军人数,任务较重（最后 2 列 辖区退役军人数、任务较重 可以一起省略）")
            ])
    }

    @Test("Given the extra columns swapped, when parsed, then the order is reported")
    func headerSwapped() {
        let reasons = OrgCSV.parse(utf8("编码,名称,层级,上级编码,任务较重,辖区退役军人数\r\n44,广东省,省,,是,100\r\n"), file: "a.csv").issues.map(\.reason)
        #expect(reasons == ["表头列的顺序不对。表头应为：编码,名称,层级,上级编码,辖区退役军人数,任务较重（最后 2 列 辖区退役军人数、任务较重 可以一起省略）"])
    }

    @Test("Given an unknown sixth column, when parsed, then the old message is given, unchanged")
    func headerUnknownColumn() {
        let reasons = OrgCSV.parse(utf8("编码,名称,层级,上级编码,备注\r\n44,广东省,省,,x\r\n"), file: "a.csv").issues.map(\.reason)
        #expect(reasons == ["表头有未知列：备注。表头应为：编码,名称,层级,上级编码"])
    }

    @Test("Given units and attributes, when encoded and parsed again, then the same units and attributes come back")
    func roundTrip() {
        let units = [
            unit("44", "广东省退役军人服务中心", .province, nil),
            unit("4401", "广州市, \"样板\"中心", .city, "44"),
            unit("440183101001", "城郊村服务站", .village, "4401"),
            unit("440183101002", "西和村服务站", .village, "4401"),
        ]
        let attributes = [
            "4401": UnitAttributes(veteransServed: 120_000, heavyDuty: false),
            "440183101001": UnitAttributes(veteransServed: 860, heavyDuty: true),
            "440183101002": UnitAttributes(veteransServed: nil, heavyDuty: true),
        ]
        let data = OrgCSV.encode(units, attributes: attributes)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let parsed = OrgCSV.parse(data, file: "a.csv").value
        #expect(parsed?.map(\.unit) == units)
        #expect(parsed?.map(\.line) == [2, 3, 4, 5])
        // A unit without attributes is written as unknown and not flagged, which reads back as the default.
        #expect(parsed?.map(\.attributes) == units.map { attributes[$0.code] ?? UnitAttributes() })
    }

    @Test("Given attributes, when encoded, then the file has the extra columns; without them the old header is written")
    func encodedText() {
        let units = [unit("44", "省中心", .province, nil), unit("4401", "市中心", .city, "44")]
        let withAttributes = OrgCSV.encode(units, attributes: ["4401": UnitAttributes(veteransServed: 860, heavyDuty: true)])
        #expect(
            String(decoding: withAttributes.dropFirst(3), as: UTF8.self)
                == "编码,名称,层级,上级编码,辖区退役军人数,任务较重\r\n44,省中心,省,,,否\r\n4401,市中心,市,44,860,是\r\n")
        #expect(
            String(decoding: OrgCSV.encode(units).dropFirst(3), as: UTF8.self) == "编码,名称,层级,上级编码\r\n44,省中心,省,\r\n4401,市中心,市,44\r\n")
    }
}
