import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

@Suite("AttendanceCSV")
struct AttendanceCSVTests {
    private let header = "工号,日期,状态,学时,备注\r\n"

    /// `工号,日期,状态,学时,备注\r\nGZ0001,2026-03-05,出席,3,\r\nGZ0002,2026-03-05,请假,,孩子生病\r\n` as Excel/WPS save it
    /// on a Chinese Windows machine; produced with `iconv -f UTF-8 -t GB18030`.
    static let gb18030Attendance = Data([
        0xB9, 0xA4, 0xBA, 0xC5, 0x2C, 0xC8, 0xD5, 0xC6, 0xDA, 0x2C, 0xD7, 0xB4, 0xCC, 0xAC, 0x2C, 0xD1, 0xA7, 0xCA,
        0xB1, 0x2C, 0xB1, 0xB8, 0xD7, 0xA2, 0x0D, 0x0A, 0x47, 0x5A, 0x30, 0x30, 0x30, 0x31, 0x2C, 0x32, 0x30, 0x32,
        0x36, 0x2D, 0x30, 0x33, 0x2D, 0x30, 0x35, 0x2C, 0xB3, 0xF6, 0xCF, 0xAF, 0x2C, 0x33, 0x2C, 0x0D, 0x0A, 0x47,
        0x5A, 0x30, 0x30, 0x30, 0x32, 0x2C, 0x32, 0x30, 0x32, 0x36, 0x2D, 0x30, 0x33, 0x2D, 0x30, 0x35, 0x2C, 0xC7,
        0xEB, 0xBC, 0xD9, 0x2C, 0x2C, 0xBA, 0xA2, 0xD7, 0xD3, 0xC9, 0xFA, 0xB2, 0xA1, 0x0D, 0x0A,
    ])

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    @Test("Given a valid file saved by Excel (BOM, CRLF), when parsed, then every column lands in the row with its line")
    func valid() {
        let text =
            header
            + "GZ0001,2026-03-05,出席,3,\r\n"
            + "GZ0002,2026/3/5,请假,,孩子生病\r\n"
            + "\r\n"
            + "GZ0001,2026.3.6, absent ,0,\"未到, 已电话联系\"\r\n"
            + "GZ0003,2026-03-06,Attended,1.5,\r\n"
        let rows = AttendanceCSV.parse(utf8(text, bom: true), file: "考勤.csv").value
        #expect(
            rows == [
                AttendanceImportRow(line: 2, staffNumber: "GZ0001", day: Self.day(2026, 3, 5), status: .attended, hours: 3, note: ""),
                AttendanceImportRow(line: 3, staffNumber: "GZ0002", day: Self.day(2026, 3, 5), status: .excused, hours: nil, note: "孩子生病"),
                AttendanceImportRow(
                    line: 5, staffNumber: "GZ0001", day: Self.day(2026, 3, 6), status: .absent, hours: 0, note: "未到, 已电话联系"),
                AttendanceImportRow(line: 6, staffNumber: "GZ0003", day: Self.day(2026, 3, 6), status: .attended, hours: 1.5, note: ""),
            ])
    }

    @Test("Given the GB18030 fixture, when parsed, then the Chinese statuses and note are read correctly")
    func gb18030() {
        let rows = AttendanceCSV.parse(Self.gb18030Attendance, file: "考勤.csv").value
        #expect(rows?.map(\.status) == [.attended, .excused])
        #expect(rows?.map(\.note) == ["", "孩子生病"])
        #expect(rows?.map(\.hours) == [3, nil])
    }

    @Test("Given many bad rows, when parsed, then every problem is reported in Chinese with its line")
    func everyRowError() {
        let text =
            header
            + "GZ0001,2026-03-05,出席,3,\r\n"  // 2: fine
            + ",2026-03-05,出席,,\r\n"  // 3: no number
            + "GZ 3,2026-03-05,出席,,\r\n"  // 4: whitespace in number
            + "\(String(repeating: "9", count: 33)),2026-03-05,出席,,\r\n"  // 5: long number
            + "GZ0005,,出席,,\r\n"  // 6: no date
            + "GZ0006,2026-02-30,出席,,\r\n"  // 7: impossible date
            + "GZ0007,2026-03-05,,,\r\n"  // 8: no status
            + "GZ0008,2026-03-05,迟到,,\r\n"  // 9: unknown status
            + "GZ0001,2026/3/5,缺席,,\r\n"  // 10: same person and day as line 2
            + "GZ0011,2026-03-05,出席,\r\n"  // 11: four columns
            + "GZ0012,2026-03-05,出席,,\(String(repeating: "备", count: 201))\r\n"  // 12: long note
            + "GZ0013,2026-03-05,缺席,2,\r\n"  // 13: hours while absent
            + "GZ0014,2026-03-05,出席,,\"两行\n备注\"\r\n"  // 14: line break in the note
        let issues = AttendanceCSV.parse(utf8(text), file: "考勤.csv").issues
        #expect(issues.allSatisfy { $0.file == "考勤.csv" })
        #expect(issues.map(\.line) == issues.map(\.line).sorted())
        let byLine = Dictionary(grouping: issues, by: \.line).mapValues { $0.map(\.reason) }
        #expect(byLine.keys.sorted() == Array(3...14))
        #expect(byLine[3] == ["工号为空"])
        #expect(byLine[4] == ["工号“GZ 3”不能包含空格"])
        #expect(byLine[5] == ["工号过长：33 个字符，最多 32 个"])
        #expect(byLine[6] == ["日期为空：应为 2026-03-05 这样的日期"])
        #expect(byLine[7] == ["日期“2026-02-30”无效：应为 2026-03-05 这样的日期"])
        #expect(byLine[8] == ["状态为空：应为 出席、缺席 或 请假"])
        #expect(byLine[9] == ["状态“迟到”无效：应为 出席、缺席 或 请假"])
        #expect(byLine[10] == ["工号 GZ0001 在 2026-03-05 的考勤重复（第 2 行已出现）"])
        #expect(byLine[11] == ["应有 5 列（工号,日期,状态,学时,备注），实际有 4 列"])
        #expect(byLine[12] == ["备注过长：201 个字，最多 200 个"])
        #expect(byLine[13] == ["状态为缺席时学时应为空或 0，实际为“2”"])
        #expect(byLine[14] == ["“备注”不能包含换行"])
    }

    @Test("Given a bad 学时, when parsed, then it is refused with a reason and never traps", arguments: [
        ("abc", "学时“abc”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("nan", "学时“nan”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("NaN", "学时“NaN”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("inf", "学时“inf”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("-inf", "学时“-inf”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("1e3", "学时“1e3”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("0x10", "学时“0x10”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("3小时", "学时“3小时”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("１２", "学时“１２”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        (".", "学时“.”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("1.2.3", "学时“1.2.3”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空"),
        ("-1", "学时“-1”不能为负数"),
        ("-0.5", "学时“-0.5”不能为负数"),
        ("24.01", "学时“24.01”超过 24：一天最多记 24 学时"),
        ("100", "学时“100”超过 24：一天最多记 24 学时"),
        (String(repeating: "9", count: 400), "学时“\(String(repeating: "9", count: 400))”超过 24：一天最多记 24 学时"),
    ])
    func badHours(cell: String, reason: String) {
        let issues = AttendanceCSV.parse(utf8(header + "GZ0001,2026-03-05,出席,\(cell),\r\n"), file: "a.csv").issues
        #expect(issues == [ImportIssue(file: "a.csv", line: 2, reason: reason)])
    }

    @Test("Given 学时 at the bounds, when parsed, then 0 and 24 are accepted", arguments: [("0", 0.0), ("24", 24.0), ("24.0", 24.0), ("+2", 2.0), (".5", 0.5)])
    func hoursBounds(cell: String, expected: Double) {
        #expect(AttendanceCSV.parse(utf8(header + "GZ0001,2026-03-05,出席,\(cell),\r\n"), file: "a.csv").value?.first?.hours == expected)
    }

    @Test("Given a note of exactly 200 characters and 请假 with 0 hours, when parsed, then both are accepted")
    func limitsAccepted() {
        let note = String(repeating: "注", count: 200)
        let rows = AttendanceCSV.parse(utf8(header + "GZ0001,2026-03-05,请假,0,\(note)\r\n"), file: "a.csv").value
        #expect(rows?.first?.note == note)
        #expect(rows?.first?.status == .excused)
    }

    @Test("Given a wrong header, when parsed, then line 1 names what is missing")
    func headerMissing() {
        let issues = AttendanceCSV.parse(utf8("工号,日期,学时,备注\r\nGZ0001,2026-03-05,3,\r\n"), file: "a.csv").issues
        #expect(issues.map(\.line) == [1])
        #expect(issues.first?.reason.hasPrefix("表头缺少列：状态") == true)
    }

    @Test("Given read, when some rows are bad, then the good rows still come back with the bad ones' numbers rejected")
    func readKeepsGoodRows() throws {
        let text = header + "GZ0001,2026-03-05,出席,,\r\nGZ0002,2026-03-05,迟到,,\r\n"
        let parsed = try #require(AttendanceCSV.read(utf8(text), file: "a.csv").value)
        #expect(parsed.rows.map(\.staffNumber) == ["GZ0001"])
        #expect(parsed.issues.map(\.line) == [3])
        #expect(parsed.rejectedKeys == ["GZ0002"])
    }

    @Test("Given records, when encoded and parsed again, then the same records come back")
    func roundTrip() {
        let rows = [
            AttendanceImportRow(line: 2, staffNumber: "GZ-0001", day: Self.day(2026, 3, 5), status: .attended, hours: 3, note: ""),
            AttendanceImportRow(line: 3, staffNumber: "000123", day: Self.day(2026, 12, 31), status: .attended, hours: 0.1, note: "=1+1"),
            AttendanceImportRow(line: 4, staffNumber: "S3", day: Self.day(2027, 1, 1), status: .absent, hours: nil, note: "他说：\"明天补课\", 好"),
            AttendanceImportRow(line: 5, staffNumber: "S4", day: Self.day(2027, 1, 1), status: .excused, hours: 0, note: "-病假"),
        ]
        let data = AttendanceCSV.encode(rows)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(AttendanceCSV.parse(data, file: "a.csv").value == rows)
    }

    @Test("Given records, when encoded, then statuses are labels, whole hours have no decimals and lines end in CRLF")
    func encodedText() {
        let data = AttendanceCSV.encode([
            AttendanceImportRow(line: 0, staffNumber: "S1", day: Self.day(2026, 3, 5), status: .attended, hours: 3),
            AttendanceImportRow(line: 0, staffNumber: "S2", day: Self.day(2026, 3, 5), status: .excused, hours: 1.5, note: "=SUM(A1)"),
        ])
        #expect(
            String(decoding: data.dropFirst(3), as: UTF8.self)
                == "工号,日期,状态,学时,备注\r\nS1,2026-03-05,出席,3,\r\nS2,2026-03-05,请假,1.5,'=SUM(A1)\r\n")
    }

    @Test("Given random bytes, when parsed, then it never crashes")
    func randomBytes() {
        var generator = SeededGenerator(seed: 7)
        let pieces: [[UInt8]] = [
            Array(header.utf8), Array("GZ1,2026-03-05,出席,".utf8), Array("nan".utf8), Array("1e999".utf8), Array("-".utf8),
            Array("9999999999999999999999".utf8), [0x2C], [0x22], [0x0A], [0x2E], [0xFF], [0xE4, 0xB8],
        ]
        for length in 0..<200 {
            let bytes = (0..<length).flatMap { _ in pieces.randomElement(using: &generator)! }
            _ = AttendanceCSV.parse(Data(bytes), file: "a.csv")
        }
    }
}
