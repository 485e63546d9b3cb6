import Foundation
import GRDB
import Testing

@testable import LianbingStore

@Suite("SQLite synchronous setting")
struct SynchronousTests {
    @Test("Given a file database, then its writer syncs at each commit (FULL) unless NORMAL is asked for")
    func synchronousSetting() async throws {
        for (mode, expected) in [(SynchronousMode?.none, 2), (.full, 2), (.normal, 1)] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("synchronous-\(UUID()).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let db = try mode.map { try AppDatabase.open(path: path, synchronous: $0) } ?? AppDatabase.open(path: path)
            let writer = try await db.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
            #expect(writer == expected)
            try db.close()
        }
    }
}
