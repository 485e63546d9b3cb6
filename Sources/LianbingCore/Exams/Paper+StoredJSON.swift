extension Paper {
    /// The paper as it is stored: the bytes `JSONEncoder` writes with sorted keys and no escaped slashes, written
    /// directly. Publishing a province-wide exam stores tens of thousands of papers in one transaction, and the
    /// general encoder spent most of that time; a test holds the two to the same bytes.
    ///
    /// `nil` for a paper whose text would need escaping (an id with a quote, a backslash or anything but printable
    /// ASCII, which `Question.isValidID` rules out) or whose points are not plain decimals: the caller falls back to
    /// the general encoder.
    public var storedJSON: String? {
        var json: [UInt8] = []
        json.reserveCapacity(16 + items.count * 100)
        json += #"{"items":["#.utf8
        for (index, item) in items.enumerated() {
            guard Self.needsNoEscaping(item.questionId), let points = Self.plainNumber(item.points) else { return nil }
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += #"{"difficulty":"#.utf8
            Self.append(item.difficulty, to: &json)
            json += #","optionOrder":["#.utf8
            for (position, option) in item.optionOrder.enumerated() {
                if position > 0 { json.append(UInt8(ascii: ",")) }
                Self.append(option, to: &json)
            }
            json += #"],"points":"#.utf8
            json += points.utf8
            json += #","questionId":""#.utf8
            json += item.questionId.utf8
            json += #"","revision":"#.utf8
            Self.append(item.revision, to: &json)
            json += #","section":"#.utf8
            Self.append(item.section, to: &json)
            json.append(UInt8(ascii: "}"))
        }
        json += "]}".utf8
        return String(decoding: json, as: UTF8.self)
    }

    static func needsNoEscaping(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    /// A whole number's decimal digits, without the string `String(_:)` would allocate for each.
    private static func append(_ value: Int, to json: inout [UInt8]) {
        if value < 0 { json.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            json.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        let start = json.count
        while magnitude > 0 {
            json.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        json[start...].reverse()
    }

    /// A score as `JSONEncoder` writes it: whole numbers without a fraction, others in Swift's shortest form;
    /// `nil` where that form has an exponent or is not finite (never for a paper's points, which are bounded).
    private static func plainNumber(_ value: Double) -> String? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        if value == value.rounded(.towardZero) { return String(Int64(value)) }
        let text = String(value)
        return text.contains("e") ? nil : text
    }
}
