/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
public enum CellReference {
    public static func columnName(_ index: Int) -> String {
        var index = index + 1
        var letters: [Character] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            index = (index - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 0-based column and 1-based row of a reference such as `B7`, or `nil` when it is not one.
    public static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where sawLetter:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
                guard row <= 1_048_576 else { return nil }
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            guard column <= 16_384 else { return nil }
        }
        return sawLetter && sawDigit ? (column - 1, row) : nil
    }
}
