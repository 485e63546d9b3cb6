/// ISO 7064 MOD 37,36, the hybrid system for alphanumeric strings with one alphanumeric check character. Chosen
/// over MOD 11,10 or Luhn because the payload holds letters (`LB`) and because, unlike a plain weighted sum, it
/// catches every single substitution of any character by any other.
extension CertificateNumber {
    /// The alphabet, in value order: `0`–`9` are 0–9, `A`–`Z` are 10–35.
    public static let checkAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// The check character of `payload` by ISO 7064 MOD 37,36 (M = 36): p = M; for each value a,
    /// s = (p + a) mod M, or M when that is 0, and p = 2·s mod (M + 1); the check value is (M + 1 − p) mod M.
    /// `nil` when `payload` holds a character outside `0`–`9` and `A`–`Z` (lower case included: callers
    /// upper-case what people typed first, so the function never guesses).
    public static func checkCharacter(of payload: String) -> Character? {
        let modulus = 36
        var product = modulus
        for character in payload {
            guard let value = value(of: character) else { return nil }
            var sum = (product + value) % modulus
            if sum == 0 { sum = modulus }
            product = (2 * sum) % (modulus + 1)
        }
        return checkAlphabet[(modulus + 1 - product) % modulus]
    }

    /// The value of one character of the alphabet, or `nil`.
    static func value(of character: Character) -> Int? {
        guard character.isASCII, let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
