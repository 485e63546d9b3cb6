import LianbingCore
import Testing

@Suite("Recognition: certificate numbers LB-YYYY-NNNNNN-C with an ISO 7064 MOD 37,36 check character")
struct CertificateNumberTests {
    /// Canonical numbers whose check characters come from python-stdnum's `stdnum.iso7064.mod_37_36`, an independent
    /// implementation of the standard.
    static let issued: [(year: Int, serial: Int, text: String)] = [
        (2026, 1, "LB-2026-000001-E"), (2000, 1, "LB-2000-000001-0"), (2099, 999_999, "LB-2099-999999-K"),
        (2025, 123_456, "LB-2025-123456-0"), (2031, 987_654, "LB-2031-987654-1"), (2010, 500_000, "LB-2010-500000-H"),
        (2042, 271_828, "LB-2042-271828-4"), (2088, 314_159, "LB-2088-314159-F"), (2019, 1_000, "LB-2019-001000-K"),
        (2064, 89, "LB-2064-000089-C"), (2077, 765_432, "LB-2077-765432-T"), (2053, 246_810, "LB-2053-246810-V"),
        (2000, 178, "LB-2000-000178-L"), (2001, 50, "LB-2001-000050-1"), (2002, 10, "LB-2002-000010-X"),
    ]

    /// Adjacent swaps that MOD 37,36 cannot see, as python-stdnum also accepts them: in the hybrid system two
    /// neighbours whose values differ by one, met at one running state, leave the check unchanged.
    static let blindSwaps: [String: Set<String>] = [
        "LB-2025-123456-0": ["LB20251324560"], "LB-2000-000178-L": ["LB2000000187L"], "LB-2001-000050-1": ["LB20010000510"],
        "LB-2002-000010-X": ["LB2002000100X"],
    ]

    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func compact(_ text: String) -> String { text.filter { $0 != "-" } }

    static func swapped(_ text: String, at index: Int) -> String {
        var characters = Array(text)
        characters.swapAt(index, index + 1)
        return String(characters)
    }

    @Test("Given python-stdnum's published example and vectors, then the check characters agree")
    func publishedVectors() {
        #expect(CertificateNumber.checkCharacter(of: "A12425GABC1234002") == "M")
        let vectors: [(String, Character)] = [
            ("LB", "5"), ("0", "2"), ("Z", "4"), ("LB2026", "S"), ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "0"),
            ("99999999999999999999", "N"),
        ]
        for (payload, check) in vectors { #expect(CertificateNumber.checkCharacter(of: payload) == check, "\(payload)") }
        // Outside 0-9A-Z: lower case, hyphens, spaces and Chinese have no value.
        for payload in ["lb2026000001", "LB-2026", "LB 2026", "证书", "LB2026000001ı"] {
            #expect(CertificateNumber.checkCharacter(of: payload) == nil, "\(payload)")
        }
    }

    @Test("Given issued numbers, then the text is canonical and reads back however it is typed")
    func roundTrip() throws {
        for (year, serial, text) in Self.issued {
            let number = try CertificateNumber(year: year, serial: serial)
            #expect(number.text == text && number.description == text)
            for typed in [text, text.lowercased(), "  \(text)\t\n", Self.compact(text), Self.compact(text).lowercased(), " \(Self.compact(text)) "] {
                #expect(CertificateNumber(parsing: typed) == number, "\(typed)")
            }
        }
    }

    @Test("Given malformed text, then parsing refuses it")
    func shapes() throws {
        let good = "LB-2026-000001-E"
        for text in [
            "", "LB", "LB-2026-000001", "LB2026000001", "LB-2026-000001-EE", "LB2026-000001-E", "LB-2026000001-E", "LB-2026-000001E",
            "LB--2026-000001-E", "LB 2026 000001 E", "LB-2026-00001-E", "LB-2026-0000001-E", "XB-2026-000001-E", "BL-2026-000001-E",
            "LB-2026-+00001-E", "LB-２０２６-000001-E", "ＬＢ-2026-000001-E", "LB-2026-000001-Ｅ", "LB-2026-000001-E-",
        ] {
            #expect(CertificateNumber(parsing: text) == nil, "\(text)")
        }
        #expect(CertificateNumber(parsing: good) != nil)
        // A check character that upper-cases to the right letter only outside ASCII (ı → I) is refused.
        let dotted = try #require(
            (1...5_000).lazy.compactMap { try? CertificateNumber(year: 2026, serial: $0) }.first { $0.text.hasSuffix("I") })
        #expect(CertificateNumber(parsing: String(dotted.text.dropLast()) + "i") == dotted)
        #expect(CertificateNumber(parsing: String(dotted.text.dropLast()) + "ı") == nil)
    }

    @Test("Given every single-character substitution of a valid number, at every position and by every other character, then it is refused")
    func everySubstitutionRefused() {
        for (_, _, text) in Self.issued {
            for form in [text, Self.compact(text)] {
                let characters = Array(form)
                for index in characters.indices {
                    for replacement in Self.alphabet + ["-"] where replacement != characters[index] {
                        var changed = characters
                        changed[index] = replacement
                        #expect(CertificateNumber(parsing: String(changed)) == nil, "\(String(changed))")
                        #expect(CertificateNumber(parsing: String(changed).lowercased()) == nil, "\(String(changed))")
                    }
                }
            }
        }
    }

    @Test("Given every adjacent transposition of two different characters, then it is refused, but for the hybrid system's documented blind spot")
    func everyTranspositionRefused() {
        for (_, _, text) in Self.issued {
            let blind = Self.blindSwaps[text] ?? []
            for form in [text, Self.compact(text)] {
                let characters = Array(form)
                for index in 0..<(characters.count - 1) where characters[index] != characters[index + 1] {
                    let swapped = Self.swapped(form, at: index)
                    // Moving a hyphen breaks the shape, so only swaps of two payload or check characters can go unseen.
                    let movesHyphen = characters[index] == "-" || characters[index + 1] == "-"
                    let unseen = !movesHyphen && blind.contains(Self.compact(swapped))
                    #expect((CertificateNumber(parsing: swapped) != nil) == unseen, "\(swapped)")
                }
            }
        }
    }

    @Test("Given many numbers, then any swap that goes unseen exchanges neighbours whose values differ by one, and such swaps are rare")
    func blindSpotIsNarrow() throws {
        var generator = SeededGenerator(seed: 2026)
        var swaps = 0
        var unseen = 0
        for _ in 0..<3_000 {
            let number = try CertificateNumber(
                year: Int.random(in: CertificateNumber.years, using: &generator), serial: Int.random(in: CertificateNumber.serials, using: &generator))
            let form = Self.compact(number.text)
            let characters = Array(form)
            for index in 0..<(characters.count - 1) where characters[index] != characters[index + 1] {
                swaps += 1
                guard CertificateNumber(parsing: Self.swapped(form, at: index)) != nil else { continue }
                unseen += 1
                let values = [characters[index], characters[index + 1]].map { Self.alphabet.firstIndex(of: $0)! }
                #expect(abs(values[0] - values[1]) == 1 || Set(values) == [0, 35], "\(form) at \(index)")
            }
        }
        // Close to python-stdnum's 0.32 % over 20,000 random numbers.
        #expect(unseen > 0 && Double(unseen) / Double(swaps) < 0.01)
    }

    @Test("Given years and serials at and past their edges, then the edges are issued and the rest refused in Chinese")
    func bounds() throws {
        #expect(try CertificateNumber(year: 2000, serial: 1).text == "LB-2000-000001-0")
        #expect(try CertificateNumber(year: 2099, serial: 999_999).text == "LB-2099-999999-K")
        for year in [1999, 2100, 0, -1, Int.max, Int.min] {
            #expect(throws: LianbingError.invalid("证书编号的年份须为 2000 到 2099之间的整数")) { try CertificateNumber(year: year, serial: 1) }
        }
        for serial in [0, -1, 1_000_000, Int.max, Int.min] {
            #expect(throws: LianbingError.invalid("证书编号的序号须为 1 到 999999之间的整数")) { try CertificateNumber(year: 2026, serial: serial) }
        }
        // Well-formed, correctly checked, but out of range: still refused.
        for payload in ["LB1999000001", "LB2100000001", "LB2026000000"] {
            let check = try #require(CertificateNumber.checkCharacter(of: payload))
            #expect(CertificateNumber(parsing: payload + String(check)) == nil, "\(payload)")
        }
    }

    @Test("Given numbers, then they order by year and then serial, and equal numbers hash alike")
    func ordering() throws {
        let numbers = try [(2027, 1), (2026, 10), (2026, 2), (2099, 999_999), (2000, 1)].map { try CertificateNumber(year: $0.0, serial: $0.1) }
        #expect(numbers.sorted().map(\.text) == ["LB-2000-000001-0", numbers[2].text, numbers[1].text, numbers[0].text, "LB-2099-999999-K"])
        let typed = try #require(CertificateNumber(parsing: "lb2026000001e"))
        #expect(Set([try CertificateNumber(year: 2026, serial: 1), typed]).count == 1)
    }
}
