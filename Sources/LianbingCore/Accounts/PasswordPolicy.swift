/// Rules for passwords people choose, and the generator for those the system hands out.
public enum PasswordPolicy {
    public static let minimumLength = 8

    /// `nil` when acceptable, otherwise the reason in Chinese.
    public static func problem(with password: String, username: String) -> String? {
        if password.count < minimumLength { return "密码至少需要 \(minimumLength) 个字符" }
        if password.count > 128 { return "密码不能超过 128 个字符" }
        if password.lowercased() == username.lowercased() { return "密码不能与用户名相同" }
        let hasLetter = password.unicodeScalars.contains { $0.properties.isAlphabetic }
        let hasDigit = password.unicodeScalars.contains { ("0"..."9").contains($0) }
        if !(hasLetter && hasDigit) { return "密码需同时包含字母和数字" }
        return nil
    }

    /// Letters and digits without look-alikes (0/O, 1/l/I), easy to read off a printed slip.
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A 12-character password that always satisfies `problem(with:)`.
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        while true {
            let candidate = String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
            if problem(with: candidate, username: "") == nil { return candidate }
        }
    }
}
