import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("ExpertCSV")
struct ExpertCSVTests {
    private let header = "姓名,单位编码,类别,专长,工作单位及职务,工号\r\n"

    /// `姓名,单位编码,类别,专长,工作单位及职务,工号\r\n王五,4401,高校专家,政策法规；优抚,华南师范大学法学院教授,\r\n` as
    /// Excel/WPS save it on a Chinese Windows machine; produced with `iconv -f UTF-8 -t GB18030`.
    static let gb18030Experts = Data([
        0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB5, 0xA5, 0xCE, 0xBB, 0xB1, 0xE0, 0xC2, 0xEB, 0x2C, 0xC0, 0xE0, 0xB1, 0xF0,
        0x2C, 0xD7, 0xA8, 0xB3, 0xA4, 0x2C, 0xB9, 0xA4, 0xD7, 0xF7, 0xB5, 0xA5, 0xCE, 0xBB, 0xBC, 0xB0, 0xD6, 0xB0,
        0xCE, 0xF1, 0x2C, 0xB9, 0xA4, 0xBA, 0xC5, 0x0D, 0x0A, 0xCD, 0xF5, 0xCE, 0xE5, 0x2C, 0x34, 0x34, 0x30, 0x31,
        0x2C, 0xB8, 0xDF, 0xD0, 0xA3, 0xD7, 0xA8, 0xBC, 0xD2, 0x2C, 0xD5, 0xFE, 0xB2, 0xDF, 0xB7, 0xA8, 0xB9, 0xE6,
        0xA3, 0xBB, 0xD3, 0xC5, 0xB8, 0xA7, 0x2C, 0xBB, 0xAA, 0xC4, 0xCF, 0xCA, 0xA6, 0xB7, 0xB6, 0xB4, 0xF3, 0xD1,
        0xA7, 0xB7, 0xA8, 0xD1, 0xA7, 0xD4, 0xBA, 0xBD, 0xCC, 0xCA, 0xDA, 0x2C, 0x0D, 0x0A,
    ])

    @Test("Given a valid file saved by Excel (BOM, CRLF), when parsed, then every column lands in the draft with its line")
    func valid() {
        let text =
            header
            + "王五,4401,高校专家,政策法规；优抚、 就业创业 ;;政策法规,华南师范大学法学院 教授,\r\n"
            + "赵六,440103,Backbone,退役安置,越秀区退役军人服务中心 副主任,GZ0002\r\n"
            + ",,,,,\r\n"
            + "钱七,4401,行业精英,,,\r\n"
        let rows = ExpertCSV.parse(utf8(text, bom: true), file: "专家库.csv").value
        #expect(
            rows == [
                ExpertImportRow(
                    line: 2,
                    expert: ExpertDraft(
                        unitCode: "4401", name: "王五", category: .university, specialties: ["政策法规", "优抚", "就业创业"],
                        affiliation: "华南师范大学法学院 教授")),
                ExpertImportRow(
                    line: 3,
                    expert: ExpertDraft(
                        unitCode: "440103", name: "赵六", category: .backbone, specialties: ["退役安置"], affiliation: "越秀区退役军人服务中心 副主任",
                        staffNumber: "GZ0002")),
                ExpertImportRow(line: 5, expert: ExpertDraft(unitCode: "4401", name: "钱七", category: .industry)),
            ])
    }

    @Test("Given the GB18030 fixture, when parsed, then the expert is read correctly")
    func gb18030() {
        let rows = ExpertCSV.parse(Self.gb18030Experts, file: "专家库.csv").value
        #expect(
            rows?.map(\.expert) == [
                ExpertDraft(unitCode: "4401", name: "王五", category: .university, specialties: ["政策法规", "优抚"], affiliation: "华南师范大学法学院教授")
            ])
    }

    @Test("Given many bad rows, when parsed, then every problem is reported in Chinese with its line")
    func everyRowError() {
        let text =
            header
            + "王五,4401,高校专家,优抚,,GZ0001\r\n"  // 2: fine
            + ",4401,高校专家,,,\r\n"  // 3: no name
            + "\(String(repeating: "名", count: 33)),4401,高校专家,,,\r\n"  // 4: long name
            + "赵六,,行业精英,,,\r\n"  // 5: no unit code
            + "钱七,44/01,行业精英,,,\r\n"  // 6: bad unit code
            + "孙八,4.40106E+11,行业精英,,,\r\n"  // 7: unit code in scientific notation
            + "李九,4401,,,,\r\n"  // 8: no category
            + "周十,4401,专家,,,\r\n"  // 9: unknown category
            + "吴一,4401,业务骨干,,\(String(repeating: "职", count: 101)),\r\n"  // 10: long affiliation
            + "郑二,4401,业务骨干,,,GZ 2\r\n"  // 11: whitespace in number
            + "冯三,4401,业务骨干,,,\(String(repeating: "9", count: 33))\r\n"  // 12: long number
            + "陈四,4401,业务骨干,,,GZ0001\r\n"  // 13: number of line 2 again
            + "王五,4401,行业精英,,,\r\n"  // 14: fine: line 2's 王五 has a number, so this is someone else
            + "王五,4401,高校专家,,,\r\n"  // 15: same name in the same unit as line 14, neither with a number
            + "王五,4402,高校专家,,,\r\n"  // 16: fine: another unit
            + "褚五,4401,高校专家,\r\n"  // 17: four columns
        let issues = ExpertCSV.parse(utf8(text), file: "专家库.csv").issues
        #expect(issues.allSatisfy { $0.file == "专家库.csv" })
        #expect(issues.map(\.line) == issues.map(\.line).sorted())
        let byLine = Dictionary(grouping: issues, by: \.line).mapValues { $0.map(\.reason) }
        #expect(byLine.keys.sorted() == Array(3...13) + [15, 17])
        #expect(byLine[3] == ["姓名为空"])
        #expect(byLine[4] == ["姓名过长：33 个字，最多 32 个"])
        #expect(byLine[5] == ["单位编码为空"])
        #expect(byLine[6] == ["单位编码“44/01”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符"])
        #expect(byLine[7] == ["单位编码“4.40106E+11”是被 Excel 改成科学计数法的数字，位数已经丢失：请把这一列设为“文本”格式后重新填写完整编码"])
        #expect(byLine[8] == ["类别为空：应为 高校专家、行业精英、业务骨干 之一"])
        #expect(byLine[9] == ["类别“专家”无效：应为 高校专家、行业精英、业务骨干 之一"])
        #expect(byLine[10] == ["工作单位及职务过长：101 个字，最多 100 个"])
        #expect(byLine[11] == ["工号“GZ 2”不能包含空格"])
        #expect(byLine[12] == ["工号过长：33 个字符，最多 32 个"])
        #expect(byLine[13] == ["工号 GZ0001 重复（第 2 行已出现）"])
        #expect(byLine[15] == ["单位 4401 的专家 王五 重复（第 14 行已出现）"])
        #expect(byLine[17] == ["应有 6 列（姓名,单位编码,类别,专长,工作单位及职务,工号），实际有 4 列"])
    }

    @Test("Given each category by label or raw value, when parsed, then it is understood", arguments: ExpertCategory.allCases)
    func categorySpellings(category: ExpertCategory) {
        for text in [category.label, category.rawValue, category.rawValue.uppercased()] {
            let row = ExpertCSV.parse(utf8(header + "王五,4401,\(text),,,\r\n"), file: "a.csv").value?.first
            #expect(row?.expert.category == category)
        }
    }

    @Test("Given a header with 工号 missing, when parsed, then line 1 names it")
    func headerMissing() {
        let issues = ExpertCSV.parse(utf8("姓名,单位编码,类别,专长,工作单位及职务\r\n王五,4401,高校专家,,\r\n"), file: "a.csv").issues
        #expect(issues.map(\.line) == [1])
        #expect(issues.first?.reason.hasPrefix("表头缺少列：工号") == true)
    }

    @Test("Given experts, when encoded and parsed again, then the same experts come back")
    func roundTrip() {
        let experts = [
            ExpertDraft(
                unitCode: "440103", name: "欧阳, 晓\"明\"", category: .university, specialties: ["政策法规", "优抚"],
                affiliation: "中山大学 教授, 博导", staffNumber: nil),
            ExpertDraft(unitCode: "4401", name: "刘\u{4DAE}", category: .backbone, specialties: [], affiliation: "", staffNumber: "GZ-0002"),
            ExpertDraft(unitCode: "44", name: "+张三", category: .industry, specialties: ["-心理服务"], affiliation: "=某公司", staffNumber: "S3"),
        ]
        let data = ExpertCSV.encode(experts)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(ExpertCSV.parse(data, file: "a.csv").value == experts.enumerated().map { ExpertImportRow(line: $0.offset + 2, expert: $0.element) })
    }

    @Test("Given experts, when encoded, then categories are labels and specialties are ;-separated with CRLF line ends")
    func encodedText() {
        let data = ExpertCSV.encode([
            ExpertDraft(unitCode: "4401", name: "王五", category: .university, specialties: ["政策法规", "优抚"], affiliation: "华南师大")
        ])
        #expect(
            String(decoding: data.dropFirst(3), as: UTF8.self)
                == "姓名,单位编码,类别,专长,工作单位及职务,工号\r\n王五,4401,高校专家,政策法规;优抚,华南师大,\r\n")
    }

    @Test("Given the staff file, when its specialties are split, then it uses the same separators as the expert file")
    func sharedSeparators() {
        #expect(StaffCSV.specialtySeparators == ListCell.separators)
        #expect(StaffCSV.specialties(in: "法律；心理服务、信息化;法律") == ListCell.items(in: "法律；心理服务、信息化;法律"))
    }

    @Test("Given random bytes, when parsed, then it never crashes")
    func randomBytes() {
        var generator = SeededGenerator(seed: 18)
        let pieces: [[UInt8]] = [
            Array(header.utf8), Array("王五,4401,高校专家,".utf8), Array("；".utf8), Array("、".utf8), [0x2C], [0x22], [0x0A], [0xFF], [0xB1, 0xE0],
        ]
        for length in 0..<200 {
            let bytes = (0..<length).flatMap { _ in pieces.randomElement(using: &generator)! }
            _ = ExpertCSV.parse(Data(bytes), file: "a.csv")
        }
    }
}
