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

extension Paper {
    /// Reads the stored form back: exactly what `storedJSON` writes (and `JSONEncoder` with sorted keys), byte by
    /// byte, or `nil` for anything else, which the caller decodes with the general decoder. Every submission and
    /// every view of an attempt reads its paper, and the general decoder was a fifth of the server's time when
    /// 50,000 candidates submitted.
    public init?(storedJSON json: String) {
        var reader = StoredPaperReader(bytes: Array(json.utf8))
        guard let items = reader.paper() else { return nil }
        self.init(items: items)
    }
}

/// A strict reader of the one layout `Paper.storedJSON` writes; any other byte stops it.
private struct StoredPaperReader {
    let bytes: [UInt8]
    var index = 0

    mutating func paper() -> [PaperItem]? {
        guard literal(#"{"items":["#) else { return nil }
        var items: [PaperItem] = []
        if !literal("]") {
            repeat {
                guard let item = item() else { return nil }
                items.append(item)
            } while literal(",")
            guard literal("]") else { return nil }
        }
        guard literal("}"), index == bytes.count else { return nil }
        return items
    }

    private mutating func item() -> PaperItem? {
        guard literal(#"{"difficulty":"#), let difficulty = integer(), literal(#","optionOrder":["#) else { return nil }
        var order: [Int] = []
        if !literal("]") {
            repeat {
                guard let option = integer() else { return nil }
                order.append(option)
            } while literal(",")
            guard literal("]") else { return nil }
        }
        guard literal(#","points":"#), let points = number(), literal(#","questionId":""#), let id = identifier(),
            literal(#"","revision":"#), let revision = integer(), literal(#","section":"#), let section = integer(), literal("}")
        else { return nil }
        return PaperItem(questionId: id, revision: revision, section: section, points: points, difficulty: difficulty, optionOrder: order)
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let matches = text.withUTF8Buffer { expected in
            index + expected.count <= bytes.count && (0..<expected.count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        if matches { index += text.utf8CodeUnitCount }
        return matches
    }

    /// Up to 18 digits, so the value cannot overflow.
    private mutating func integer() -> Int? {
        let start = index
        var value = 0
        while index < bytes.count, index - start < 18, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? value : nil
    }

    /// A plain decimal (`2`, `0.5`, `-1.25`), as `storedJSON` writes points.
    private mutating func number() -> Double? {
        let start = index
        while index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        {
            index += 1
        }
        return Double(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// Text up to the closing quote, without escapes (an escaped id is left to the general decoder).
    private mutating func identifier() -> String? {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return index < bytes.count ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }
}
