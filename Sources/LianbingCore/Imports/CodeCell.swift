import Foundation

/// Why a unit-code cell of an import is refused, or `nil` when it is a valid code.
///
/// Excel shows a 12-digit code such as 440106000000 in scientific notation and saves it that way (4.40106E+11),
/// which loses digits for good. That case gets its own reason: the general rule would not tell the user what
/// happened or what to do about it.
///
/// In Core, not Formats, because the roster's add and edit form checks the same fields with the same words.
public enum CodeCell {
    public static func problem(_ value: String, field: String) -> String? {
        if ServiceUnit.isValidCode(value) { return nil }
        if value.range(of: #"^[0-9](\.[0-9]+)?[Ee]\+?[0-9]+$"#, options: .regularExpression) != nil {
            return "\(field)“\(value)”是被 Excel 改成科学计数法的数字，位数已经丢失：请把这一列设为“文本”格式后重新填写完整编码"
        }
        return "\(field)“\(value)”无效：只能使用英文字母、数字、- 和 _，最多 32 个字符"
    }

    /// A unit code cell that must be filled.
    public static func requiredProblem(_ value: String, field: String) -> String? {
        value.isEmpty ? "\(field)为空" : problem(value, field: field)
    }
}

/// A person's name (姓名) in an import file: filled and not longer than `maxLength` characters.
public enum NameCell {
    public static func problem(_ value: String, maxLength: Int) -> String? {
        if value.isEmpty { return "姓名为空" }
        return value.count > maxLength ? "姓名过长：\(value.count) 个字，最多 \(maxLength) 个" : nil
    }
}
