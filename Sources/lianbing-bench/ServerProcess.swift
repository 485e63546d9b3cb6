import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The release `lianbing` binary serving a database in a child process, so the load runs against what is
/// deployed: its own process, its own memory, killable. (Unchecked: `Process` and `kill` are safe from any thread.)
final class ServerProcess: @unchecked Sendable {
    let port: Int
    private let process = Process()

    /// The `lianbing` binary built beside this benchmark, i.e. in the same configuration.
    static func executable() throws -> URL {
        let bench = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let server = bench.deletingLastPathComponent().appendingPathComponent("lianbing")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            throw BenchError("\(server.path) is missing: build it in the same configuration first (swift build -c release --product lianbing)")
        }
        return server
    }

    /// Starts `lianbing serve` on a free loopback port, its output in `log`, and waits until `/healthz` answers.
    init(database: String, synchronous: String, log: URL) async throws {
        port = try Loopback.freePort()
        process.executableURL = try Self.executable()
        process.arguments = [
            "serve", "--db", database, "--port", String(port), "--synchronous", synchronous, "--log-level", "warning",
        ]
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let start = ContinuousClock.now
        while !Loopback.healthy(port: port) {
            guard process.isRunning, ContinuousClock.now - start < .seconds(60) else {
                throw BenchError("the server did not come up; see \(log.path)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Resident memory now and at its peak (VmRSS, VmHWM), in MiB.
    func memory() -> (rss: Double, peak: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
                let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
            else { return 0 }
            return kib / 1_024
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// CPU time the server has used so far (user + system), in seconds: over a phase, the cores it kept busy.
    func cpuSeconds() -> Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGTERM: the server finishes what it is doing and exits.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// SIGKILL: no chance to flush or close anything, as a crash or `kill -9` would leave it.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        process.waitUntilExit()
    }
}
