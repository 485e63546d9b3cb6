import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Raw row scanning for the training reports")
struct RawRowsTests {
    @Test("The byte-key index finds every key it was given, by bytes or text, through growth, and nothing else")
    func byteKeyIndex() {
        var index = ByteKeyIndex(capacity: 2)
        let keys = (0..<20_000).map { String(format: "4402%08d", $0 * 7) } + ["", "甲", "TH0001", "TH00010", "a-key-longer-than-sixteen-bytes-1", "a-key-longer-than-sixteen-bytes-2"]
        for (position, key) in keys.enumerated() { #expect(index.insert(key) == position) }
        #expect(index.insert("TH0001") == 20_002)
        #expect(index.count == keys.count)
        for (position, key) in keys.enumerated() {
            #expect(index.index(of: key) == position)
            #expect(index.key(at: position) == key)
        }
        #expect(index.index(of: "44020000000") == nil && index.index(of: "TH000") == nil && index.index(of: "乙") == nil)
        #expect(index.index(of: "a-key-longer-than-sixteen-bytes-3") == nil && index.index(of: "a-key-longer-than-sixteen-bytes") == nil)
    }

    @Test("A raw scan reads integers, text, NULL and stored dates, and reports SQL errors")
    func scan() async throws {
        let fixture = try await Fixture.make()
        let rows = try await fixture.db.reader.read { db in
            var rows: [String] = []
            try db.scanRows("SELECT number, hireDate, 7, NULL FROM staff WHERE unitCode = ? ORDER BY number", arguments: [Code.tianhe]) { row in
                rows.append("\(row.string(0)!) \(row.civilDate(1).map(String.init(describing:)) ?? "-") \(row.int64(2)) \(row.isNull(3)) \(row.string(3) == nil)")
            }
            return rows
        }
        #expect(rows == ["TH0001 2021-03-05 7 true true"])
        await #expect(throws: DatabaseError.self) {
            try await fixture.db.reader.read { db in try db.scanRows("SELECT nothing FROM nowhere") { _ in } }
        }
    }
}
