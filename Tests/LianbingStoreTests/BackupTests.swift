import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Post names a writer task has committed, shared with the test that reads them.
private final class CommitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    private var stopped = false
    func append(_ name: String) { lock.withLock { names.append(name) } }
    var committed: [String] { lock.withLock { names } }
    func stop() { lock.withLock { stopped = true } }
    var isStopped: Bool { lock.withLock { stopped } }
}

@Suite("Backing up")
struct BackupTests {
    @Test("Given a file database being written to, when backed up, then the copy opens and holds every row committed before the backup began")
    func backupWhileWriting() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try await Fixture.make(path: dir.appendingPathComponent("live.sqlite").path)
            let db = fixture.db
            defer { try? db.close() }
            let op = try await fixture.op()
            let log = CommitLog()

            let writer = Task {
                var index = 0
                while !log.isStopped && index < 5_000 {
                    let name = "岗位\(index)"
                    try await db.addPost(name, by: op)
                    log.append(name)
                    index += 1
                }
            }
            // Let the writer get going, then back up while it keeps committing.
            for _ in 0..<5_000 where log.committed.count < 20 { try await Task.sleep(for: .milliseconds(2)) }
            guard log.committed.count >= 20 else {
                log.stop()
                _ = await writer.result
                Issue.record("the writer task never got going")
                return
            }
            let committedBefore = log.committed
            let backupPath = dir.appendingPathComponent("copies/backup.sqlite").path
            try await db.backup(to: backupPath)
            let committedAfter = log.committed.count
            log.stop()
            try await writer.value

            let copy = try AppDatabase.open(path: backupPath, passwords: PasswordHasher(cost: 4))
            defer { try? copy.close() }
            let posts = Set(try await copy.posts())
            let missing = committedBefore.filter { !posts.contains($0) }
            #expect(missing.isEmpty, "rows committed before the backup are missing: \(missing.prefix(5))")
            // Nothing the writer had not yet committed when the backup returned can be in it; the log is written
            // just after each commit, so at most one committed row may not be logged yet.
            #expect(posts.count - Post.seeded.count <= committedAfter + 1)
            #expect(try await copy.snapshot("unit") == db.snapshot("unit"))
            #expect(try await copy.snapshot("staff") == db.snapshot("staff"))
            #expect(try await copy.snapshot("account") == db.snapshot("account"))

            // The copy is a working database: its accounts log in.
            _ = try await copy.logIn(username: "county", password: Fixture.password, address: nil, userAgent: nil)
            let integrity = try await copy.reader.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
        }
    }

    @Test("Given an existing file at the target path, when backing up, then conflict and the file is left as it was")
    func backupRefusesToOverwrite() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try await Fixture.make()
            let target = dir.appendingPathComponent("existing.sqlite")
            let original = Data("do not overwrite".utf8)
            try original.write(to: target)

            await expectError(.conflict) { try await fixture.db.backup(to: target.path) }

            #expect(try Data(contentsOf: target) == original)
        }
    }

    @Test("Given an in-memory database, when backed up to a file, then the file holds the same data")
    func backupOfAnInMemoryDatabase() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try await Fixture.make()
            let path = dir.appendingPathComponent("memory-copy.sqlite").path
            try await fixture.db.backup(to: path)

            let copy = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
            defer { try? copy.close() }
            for table in ["unit", "staff", "account", "post", "auditEntry"] {
                #expect(try await copy.snapshot(table) == fixture.db.snapshot(table), "\(table)")
            }
        }
    }
}
