import Foundation
import GRDB

/// Group commit. Writes that arrive while a transaction is committing wait, then share the next one, so a burst of
/// answer saves costs one WAL sync rather than one each: the sync, not the SQL, is what limits durable writes.
///
/// Each write runs in its own savepoint, so one that throws rolls back only itself and only its caller hears of
/// it; every caller resumes only after the commit holding its write has returned. No timer holds a write back: a
/// lone write commits at once, and batches grow only as the writer falls behind.
final class WriteBatcher: @unchecked Sendable {
    private struct Job: Sendable {
        /// Runs the write in its savepoint; returns how to resume its caller once the batch is committed.
        let run: @Sendable (Database) -> @Sendable () -> Void
        /// Resumes the caller with the error that lost the whole batch.
        let fail: @Sendable (any Error) -> Void
    }

    private let writer: any DatabaseWriter
    private let lock = NSLock()
    /// Guarded by `lock`, as is `draining`.
    private var queued: [Job] = []
    private var draining = false

    init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` in the next batch's transaction and returns its result once that transaction is committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(Job(
                run: { db in
                    let result = Result { try Self.inSavepoint(db, work) }
                    return { continuation.resume(with: result) }
                },
                fail: { continuation.resume(throwing: $0) }))
        }
    }

    private func enqueue(_ job: Job) {
        let startsDrain = lock.withLock {
            queued.append(job)
            defer { draining = true }
            return !draining
        }
        if startsDrain { Task { await drain() } }
    }

    /// Commits batches until none is waiting; only one drain runs at a time.
    private func drain() async {
        while let batch = nextBatch() {
            do {
                let resumes = try await writer.write { db in
                    try batch.map { job in
                        let resume = job.run(db)
                        // Some errors (disk full, I/O) make SQLite roll back the whole transaction, earlier
                        // savepoints included: then nothing of this batch may be acknowledged.
                        guard db.isInsideTransaction else { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "batch transaction was rolled back") }
                        return resume
                    }
                }
                for resume in resumes { resume() }
            } catch {
                for job in batch { job.fail(error) }
            }
        }
    }

    /// Everything queued so far, or nil (and the drain ends) when nothing is.
    private func nextBatch() -> [Job]? {
        lock.withLock {
            guard !queued.isEmpty else {
                draining = false
                return nil
            }
            let batch = queued
            queued = []
            return batch
        }
    }

    private static func inSavepoint<T>(_ db: Database, _ work: (Database) throws -> T) throws -> T {
        var value: T?
        try db.inSavepoint {
            value = try work(db)
            return .commit
        }
        return value!
    }
}
