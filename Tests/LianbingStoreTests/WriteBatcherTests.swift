import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Group commit of concurrent writes")
struct WriteBatcherTests {
    /// Counts commits, so a write can tell which transaction it ran in and whether that one has committed since.
    final class CommitCounter: TransactionObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var commits: Int { lock.withLock { count } }
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { lock.withLock { count += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    struct Refused: Error {}

    /// What the writes of one test leave for it to read, from whichever thread they run on.
    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var blockerRunning = false
        private var arrivals = 0
        private var markers: [Int: Int] = [:]
        var isBlocking: Bool { lock.withLock { blockerRunning } }
        var arrived: Int { lock.withLock { arrivals } }
        var transactions: [Int: Int] { lock.withLock { markers } }
        func block() { lock.withLock { blockerRunning = true } }
        func arrive() { lock.withLock { arrivals += 1 } }
        func ran(_ id: Int, inTransaction marker: Int) { lock.withLock { markers[id] = marker } }
    }

    /// A file database in WAL mode, as the server opens it, with one table to write to.
    struct Scratch {
        let path: String
        let pool: DatabasePool
        let commits = CommitCounter()
        let batcher: WriteBatcher

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("batcher-\(UUID()).sqlite").path
            pool = try DatabasePool(path: path, configuration: AppDatabase.configuration())
            try pool.write { try $0.execute(sql: "CREATE TABLE probe (id INTEGER PRIMARY KEY, value TEXT NOT NULL)") }
            pool.add(transactionObserver: commits, extent: .databaseLifetime)
            batcher = WriteBatcher(pool)
        }

        func insert(_ id: Int, _ db: Database) throws {
            try db.execute(sql: "INSERT INTO probe (id, value) VALUES (?, ?)", arguments: [id, "v\(id)"])
        }

        func ids() throws -> [Int] { try pool.read { try Int.fetchAll($0, sql: "SELECT id FROM probe ORDER BY id") } }

        func remove() {
            try? pool.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    @Test("Given 300 concurrent writes, then each caller gets its own result, only after the commit holding it, and they share commits")
    func concurrentWritesLandAfterCommit() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcomes = try await withThrowingTaskGroup(of: (id: Int, echoed: Int, committedSince: Bool, visible: Bool).self) { group in
            for id in 0..<300 {
                group.addTask {
                    let (echoed, runIn) = try await scratch.batcher.write { db in
                        try scratch.insert(id, db)
                        return (id, scratch.commits.commits)
                    }
                    let visible = try await scratch.pool.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM probe WHERE id = ?)", arguments: [id])! }
                    return (id, echoed, scratch.commits.commits > runIn, visible)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 300)
        #expect(outcomes.allSatisfy { $0.echoed == $0.id })
        #expect(outcomes.allSatisfy { $0.committedSince })
        #expect(outcomes.allSatisfy { $0.visible })
        #expect(try scratch.ids() == Array(0..<300))
        #expect(scratch.commits.commits < 300)
    }

    @Test("Given one write of a batch throws, then only it is rolled back and only its caller hears of it")
    func failingWriteLosesOnlyItself() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Hold the writer with a first batch until the ten writes below are on their way, so they queue up behind it.
        let notes = Notes()
        let blocker = Task {
            try await scratch.batcher.write { _ in
                notes.block()
                let giveUp = Date().addingTimeInterval(5)
                while notes.arrived < 10, Date() < giveUp { Thread.sleep(forTimeInterval: 0.001) }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        while !notes.isBlocking { try await Task.sleep(for: .milliseconds(1)) }
        let outcomes = await withTaskGroup(of: (id: Int, result: Result<Int, any Error>).self) { group in
            for id in 0..<10 {
                group.addTask {
                    notes.arrive()
                    do {
                        return (id, .success(try await scratch.batcher.write { db in
                            try scratch.insert(id, db)
                            notes.ran(id, inTransaction: scratch.commits.commits)
                            if id == 5 { throw Refused() }
                            return id
                        }))
                    } catch {
                        return (id, .failure(error))
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        try await blocker.value
        let refused = outcomes.filter { (try? $0.result.get()) == nil }
        #expect(refused.map(\.id) == [5])
        #expect(refused.allSatisfy { if case .failure(let error) = $0.result { error is Refused } else { false } })
        #expect(outcomes.allSatisfy { $0.id == 5 || (try? $0.result.get()) == $0.id })
        let transactions = notes.transactions
        #expect(transactions.values.filter { $0 == transactions[5] }.count > 1, "the failing write shared its transaction with others")
        #expect(try scratch.ids() == [0, 1, 2, 3, 4, 6, 7, 8, 9])
    }

    @Test("Given writes acknowledged on a file database, when it is closed and reopened, then every row is there")
    func acknowledgedRowsSurviveReopening() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 0..<200 { group.addTask { try await scratch.batcher.write { db in try scratch.insert(id, db) } } }
            try await group.waitForAll()
        }
        try scratch.pool.close()
        let reopened = try DatabaseQueue(path: scratch.path)
        let rows = try reopened.read { try Row.fetchAll($0, sql: "SELECT id, value FROM probe ORDER BY id") }
        try reopened.close()
        #expect(rows.map { $0["id"] as Int } == Array(0..<200))
        #expect(rows.allSatisfy { $0["value"] == "v\($0["id"] as Int)" })
    }

    @Test("Given three candidates saving every answer at once, then every save lands and each caller is told of its own")
    func concurrentAnswerSaves() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        var sittings: [(Principal, AttemptView)] = []
        for username in ["th1", "th2", "staff"] {
            let principal = try await fixture.principal(username)
            sittings.append((principal, try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: principal)))
        }
        var saves: [(principal: Principal, view: AttemptView, position: Int, response: Response)] = []
        for (principal, view) in sittings {
            for item in view.items { saves.append((principal, view, item.position, try await fixture.response(to: item, of: view, right: true))) }
        }
        let requests = saves
        let acknowledged = try await withThrowingTaskGroup(of: (asked: [Int64], told: [Int64]).self) { group in
            for save in requests {
                group.addTask {
                    let saved = try await fixture.db.saveAnswer(attempt: save.view.id, position: save.position, response: save.response, by: save.principal)
                    return ([save.view.id, Int64(save.position)], [saved.attemptId, Int64(saved.position)])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(acknowledged.count == saves.count)
        #expect(acknowledged.allSatisfy { $0.asked == $0.told })
        for (principal, view) in sittings {
            let reread = try await fixture.db.attempt(view.id, by: principal)
            let expected = saves.filter { $0.view.id == view.id }.map { Optional($0.response) }
            #expect(reread.items.map(\.response) == expected)
        }
    }
}
