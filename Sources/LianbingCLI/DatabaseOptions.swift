import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

/// Options shared by every command that touches data.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "数据库文件路径（SQLite）。", completion: .file())
    var path: String = "data/lianbing.sqlite"

    @Option(help: ArgumentHelp("bcrypt 计算强度（4–31）；越大越安全也越慢。", visibility: .hidden))
    var bcryptCost: UInt8 = 12

    func validate() throws {
        guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost 须在 4 到 31 之间") }
        guard !path.isEmpty else { throw ValidationError("--db 不能为空") }
    }

    /// The folder of uploaded files beside the database (`data/lianbing-files/` for `data/lianbing.sqlite`).
    var files: FileStore { FileStore.beside(databasePath: path) }

    func open(synchronous: SynchronousMode = .full) throws -> AppDatabase {
        try AppDatabase.open(path: path, passwords: PasswordHasher(cost: bcryptCost), clock: Self.clock, synchronous: synchronous)
    }

    #if DEBUG
    /// Debug builds only: the browser tests move the server's clock forward (a lesson's reading time, a review falling
    /// due) by writing a number of seconds to the file this variable names. Release builds have no such door.
    static let clock: @Sendable () -> Date = {
        guard let file = ProcessInfo.processInfo.environment["LIANBING_DEBUG_CLOCK_OFFSET_FILE"] else { return { Date() } }
        return {
            let offset = (try? String(contentsOfFile: file, encoding: .utf8)).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return Date().addingTimeInterval(offset.flatMap { $0.isFinite ? $0 : nil } ?? 0)
        }
    }()
    #else
    static let clock: @Sendable () -> Date = { Date() }
    #endif
}

/// Runs a command body, turning the errors users can act on into readable messages and a non-zero exit.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as LianbingError {
        for line in ErrorReport.lines(for: error) { Console.error(line) }
        throw ExitCode.failure
    }
}

enum ErrorReport {
    /// The message, then one `file:line: reason` line per import problem.
    static func lines(for error: LianbingError) -> [String] {
        var lines = ["错误：" + error.message]
        if case .importRejected(let failure) = error { lines += failure.issues.map(\.description) }
        return lines
    }
}
