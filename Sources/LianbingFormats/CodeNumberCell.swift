import LianbingCore

/// A workbook's number cell in a column of codes (单位编码, 工号): Excel keeps 15 significant digits, so an integer
/// of at most 15 digits is the code exactly (440100000000), and anything else has already lost what was typed.
enum CodeNumberCell {
    /// Why `number` in the column `column` cannot be taken as a code, or `nil` when its digits are the code.
    static func problem(_ number: Double, column: String) -> String? {
        let advice = "请把这一列设置为文本格式后重新输入"
        if number != number.rounded() {
            return "\(column)是带小数的数字 \(WorksheetDelegate.digits(number))，不是编码：\(advice)"
        }
        if abs(number) >= 1e15 {
            return "\(column)是超过 15 位的数字，Excel 只保留 15 位有效数字，后面的数字已经丢失：\(advice)"
        }
        return nil
    }
}
