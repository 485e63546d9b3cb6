/// Why a staff-number (工号) cell of an import is refused, or `nil` when it is a valid number.
///
/// Staff numbers also become usernames, so they are short and have no whitespace. Whether the number exists,
/// or repeats within the file, is for the caller to say.
public enum StaffNumberCell {
    /// Longest accepted staff number, in characters.
    public static let maxLength = 32

    public static func problem(_ value: String) -> String? {
        if value.isEmpty { return "工号为空" }
        if value.count > maxLength { return "工号过长：\(value.count) 个字符，最多 \(maxLength) 个" }
        if value.contains(where: \.isWhitespace) { return "工号“\(value)”不能包含空格" }
        return nil
    }
}
