import Testing

@testable import LianbingFormats

/// Excel's date serials, checked against dates Excel itself shows for them.
@Suite struct ExcelDateTests {
    @Test(
        "Given serials around Excel's phantom 29 February 1900, when converted, then 59 and 61 are real dates and 60 none",
        arguments: [(1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (44260, "2021-03-05")] as [(Double, String)])
    func system1900(serial: Double, date: String) {
        #expect(ExcelDate.text(serial: serial, date1904: false) == date)
    }

    @Test("Given serial 60 in the 1900 system, when converted, then it is no date")
    func phantomLeapDay() {
        #expect(ExcelDate.text(serial: 60, date1904: false) == nil)
        #expect(ExcelDate.text(serial: -1, date1904: false) == nil)
    }

    @Test("Given the 1904 system, when converted, then serials count from 1 January 1904, 1462 days after the 1900 ones")
    func system1904() {
        #expect(ExcelDate.text(serial: 0, date1904: true) == "1904-01-01")
        #expect(ExcelDate.text(serial: 60, date1904: true) == "1904-03-01")
        #expect(ExcelDate.text(serial: 44260 - 1462, date1904: true) == "2021-03-05")
    }

    @Test("Given a fraction, when converted, then the time of day follows the date to the minute, or second")
    func timeOfDay() {
        #expect(ExcelDate.text(serial: 44260.5, date1904: false) == "2021-03-05 12:00")
        #expect(ExcelDate.text(serial: 44260 + 30_605.0 / 86_400, date1904: false) == "2021-03-05 08:30:05")
    }

    @Test(
        "Given number formats, when checked, then built-in date formats and codes with y m d h s outside quotes and brackets are dates",
        arguments: [
            (14, nil, true), (22, nil, true), (47, nil, true), (31, nil, true), (0, nil, false), (2, nil, false), (49, nil, false),
            (164, #"yyyy"年"m"月"d"日""#, true), (164, "[h]:mm", true), (164, "0.00", false), (164, "[Red]0.00", false),
            (164, #""days "0"#, false), (164, #"0\d"#, false), (164, "General", false), (164, "@", false),
        ] as [(Int, String?, Bool)])
    func dateFormats(id: Int, code: String?, isDate: Bool) {
        #expect(ExcelDate.isDateFormat(id: id, code: code) == isDate)
    }
}
