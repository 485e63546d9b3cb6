import Foundation
import PropertyBased
import Testing

@testable import LianbingCore

/// `Paper.storedJSON` writes the bytes the general encoder writes, so papers stored either way compare, hash and
/// are searched (`"questionId":"…"`) alike.
@Suite("Paper stored JSON")
struct PaperStoredJSONTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let points = Gen.oneOf(Gen.int(in: 0...400).map { Double($0) / 4 }, Gen.int(in: 0...10_000).map { Double($0) / 100 })

    /// Ids mostly as the bank writes them, some with characters JSON escapes.
    static let id = Gen.oneOf(Gen.letterOrNumber.string(of: 1...12), Gen<String>.oneOf(Gen<String>.always("A\"B"), Gen<String>.always("C\\D"), Gen<String>.always("E/F")))

    static let item = zip(
        id, Gen.int(in: 1...500), Gen.int(in: 0...30), points, Gen.int(in: 1...5),
        Gen.int(in: 0...7).array(of: 0...8)
    ).map { PaperItem(questionId: $0.0, revision: $0.1, section: $0.2, points: $0.3, difficulty: $0.4, optionOrder: $0.5) }

    @Test("Given any paper, when written directly, then the bytes are the general encoder's, or it defers to it")
    func sameBytesAsTheEncoder() async throws {
        await propertyCheck(count: 300, input: Self.item.array(of: 0...40)) { items in
            let paper = Paper(items: items)
            let expected = String(decoding: try! Self.encoder.encode(paper), as: UTF8.self)
            if let written = paper.storedJSON {
                #expect(written == expected)
            } else {
                #expect(items.contains { !Paper.needsNoEscaping($0.questionId) })
            }
        }
    }

    @Test("Given any paper written in the stored form, when read back directly, then it is the same paper")
    func readsBackWhatItWrites() async throws {
        await propertyCheck(count: 300, input: Self.item.array(of: 0...40)) { items in
            let paper = Paper(items: items)
            guard let json = paper.storedJSON else { return }
            #expect(Paper(storedJSON: json) == paper)
            // Anything but the exact layout is left to the general decoder.
            #expect(Paper(storedJSON: json + " ") == nil)
            #expect(Paper(storedJSON: json.replacingOccurrences(of: ":", with: ": ")) == nil || items.isEmpty)
        }
        let decoded = try JSONDecoder().decode(Paper.self, from: Data(#"{"items":[{"difficulty":3,"optionOrder":[],"points":1,"questionId":"A\"B","revision":1,"section":0}]}"#.utf8))
        #expect(Paper(storedJSON: #"{"items":[{"difficulty":3,"optionOrder":[],"points":1,"questionId":"A\"B","revision":1,"section":0}]}"#) == nil)
        #expect(decoded.items[0].questionId == "A\"B")
    }

    @Test("Given text that would need escaping or a number with an exponent, then it defers to the encoder")
    func defersWhereItCannotMatch() {
        #expect(Paper(items: [PaperItem(questionId: "A\"B", revision: 1, section: 0, points: 1, difficulty: 3)]).storedJSON == nil)
        #expect(Paper(items: [PaperItem(questionId: "AB", revision: 1, section: 0, points: 1e-7, difficulty: 3)]).storedJSON == nil)
        #expect(Paper(items: []).storedJSON == #"{"items":[]}"#)
    }
}
