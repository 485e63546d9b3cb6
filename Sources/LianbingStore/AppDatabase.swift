import Foundation
import GRDB
import LianbingCore

/// The service layer: one method per user action, each one transaction that keeps one invariant.
///
/// Methods that act for someone take a `Principal` and check its role and scope themselves, so neither the
/// server nor the CLI can forget to. Time comes from `clock`, so tests are exact.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    public let passwords: PasswordHasher
    public let clock: @Sendable () -> Date
    let cache = QuestionCache()
    let reportCache = ReportCache()
    let contestLogs = ContestLogCache()
    /// Group commit for the writes many candidates make at once (answer saves, starts, session touches).
    let batcher: WriteBatcher

    public init(_ writer: any DatabaseWriter, passwords: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.writer = writer
        batcher = WriteBatcher(writer)
        self.passwords = passwords
        self.clock = clock
        try Self.migrator.migrate(writer)
    }

    /// Readers never block the writer (WAL), so a running server and the CLI can share the file.
    public var reader: any DatabaseReader { writer }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // The CLI and the server write the same file; wait for each other rather than fail.
        config.busyMode = .timeout(10)
        config.label = "lianbing"
        return config
    }

    /// Opens (creating if needed) the database file, in WAL mode.
    public static func open(
        path: String, passwords: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() },
        synchronous: SynchronousMode = .full
    ) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: configuration())
        // Set on the writer, the one connection that commits, once the pool is open: opening it sets up WAL mode,
        // and GRDB sets NORMAL there after anything `prepareDatabase` could say.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)") }
        return try AppDatabase(pool, passwords: passwords, clock: clock)
    }

    /// An empty database in memory, for tests.
    public static func inMemory(passwords: PasswordHasher = PasswordHasher(cost: 4), clock: @escaping @Sendable () -> Date = { Date() }) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), passwords: passwords, clock: clock)
    }
}
