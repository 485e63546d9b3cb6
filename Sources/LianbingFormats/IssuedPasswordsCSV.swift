import Foundation
import LianbingCore

/// The slip list an administrator prints or forwards after creating accounts: who, where, which password.
public enum IssuedPasswordsCSV {
    public static let header = ["用户名", "初始密码", "工号", "姓名", "单位编码", "单位名称"]

    public static func encode(_ issued: [IssuedPassword]) -> Data { ReportTableCSV.encode(table(issued)) }

    /// Every column text in a workbook: usernames, passwords and codes may be all digits.
    public static func table(_ issued: [IssuedPassword]) -> ReportTable {
        ReportTable(
            title: "初始密码", columns: header,
            rows: issued.map { [$0.username, $0.password, $0.staffNumber ?? "", $0.staffName ?? "", $0.unitCode, $0.unitName] },
            kinds: Array(repeating: .text, count: header.count))
    }
}
