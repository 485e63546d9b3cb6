/// Brings a fill-in-the-blank answer to the form keys are compared in.
///
/// Candidates type on whatever their office PC has: a Chinese input method left in full-width mode turns `5A`
/// into `５Ａ` and `,` into `，`, and people add spaces out of habit. None of that changes the answer, so none of it
/// should cost a mark. What counts as the same:
///
/// - full-width ASCII (U+FF01–U+FF5E, digits, letters and punctuation) is its half-width twin;
/// - every whitespace character, the ideographic space U+3000 included, is dropped: blanks are words, numbers
///   and short phrases, where a space is never significant;
/// - letters are lowercased (`QQ` = `qq`);
/// - Chinese punctuation outside the full-width block that a Chinese input method produces in place of an ASCII
///   mark is that mark: `。` → `.`, `、` → `,` (an enumeration comma and a comma both separate listed items),
///   `“”` → `"`, `‘’` → `'`, `【】` → `[]`. Book-title marks `《》` and `——` are left alone: they have no ASCII
///   equivalent a candidate would type instead.
///
/// Keys and responses go through the same function, so an author may write keys in either form.
public enum BlankNormaliser {
    public static func normalise(_ s: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch normalised(scalar) {
            case .drop: continue
            case .keep: result.append(scalar)
            case .replace(let replacement): result.append(replacement)
            case .lowercase: result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether `normalise(s) == s`: lets the grader compare a typical response as it stands, without building a copy.
    public static func isNormalised(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            guard case .keep = normalised(scalar) else { return false }
        }
        return true
    }

    enum Change {
        case keep
        case drop
        case replace(Unicode.Scalar)
        /// A non-ASCII letter whose lowercase form may be several scalars (`İ` → `i̇`): rare enough to allocate for.
        case lowercase
    }

    @inline(__always)
    static func normalised(_ scalar: Unicode.Scalar) -> Change {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { return .replace(Unicode.Scalar(UInt8(value + 0x20))) }
            if value == 0x20 || (value >= 0x09 && value <= 0x0D) { return .drop }
            return .keep
        }
        if value >= 0xFF01 && value <= 0xFF5E {
            // The block mirrors ASCII 0x21–0x7E; map, then lowercase what is now an ASCII capital.
            let ascii = value - 0xFEE0
            return .replace(Unicode.Scalar(UInt8(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)))
        }
        switch value {
        case 0x3002: return .replace(".")
        case 0x3001: return .replace(",")
        case 0x201C, 0x201D: return .replace("\"")
        case 0x2018, 0x2019: return .replace("'")
        case 0x3010: return .replace("[")
        case 0x3011: return .replace("]")
        default: break
        }
        // CJK ideographs, the bulk of every answer, are neither space nor cased: skip the property look-ups.
        if value >= 0x4E00 && value <= 0x9FFF { return .keep }
        if scalar.properties.isWhitespace { return .drop }
        if scalar.properties.changesWhenLowercased { return .lowercase }
        return .keep
    }
}
