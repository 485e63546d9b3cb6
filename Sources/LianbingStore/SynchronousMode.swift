/// When SQLite waits for the disk (`PRAGMA synchronous`), which decides what an acknowledged write survives.
///
/// In WAL mode both survive a crash of the process (even SIGKILL): a commit is in the WAL file before it returns.
/// Only `full` syncs the WAL at every commit, so only `full` keeps an acknowledged answer through a power cut or an
/// operating-system crash; `normal` may lose the last commits then. Group commit (`WriteBatcher`) makes the sync
/// cost once per batch rather than once per save, so `full` is the default.
///
/// The raw values are what both the PRAGMA and `serve --synchronous` take.
public enum SynchronousMode: String, Sendable, CaseIterable {
    case normal
    case full
}
