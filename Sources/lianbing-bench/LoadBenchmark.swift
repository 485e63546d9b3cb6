import Foundation
import NIOCore
import NIOPosix

/// `lianbing-bench load`: exam day against the release server. See README (Performance).
func benchLoad(_ arguments: ArraySlice<String>) async throws {
    let options = try BenchOptions(
        arguments, allowed: ["candidates", "connections", "synchronous", "duration-seconds", "start-seconds", "submit-seconds"])
    let count = try options.int("candidates", 20_000)
    let connections = try options.int("connections", 1_000)
    let synchronous = try options.choice("synchronous", "full", of: ["normal", "full"])
    let duration = try options.int("duration-seconds", 90)
    let startWindow = try options.int("start-seconds", 55)
    let submitWindow = try options.int("submit-seconds", 30)
    guard duration > startWindow + 30 else { throw BenchError("--duration-seconds must leave 30 s of saving after --start-seconds") }
    _ = try ServerProcess.executable()

    report("load: \(count) candidates over \(connections) connections, synchronous=\(synchronous)")
    var prepared: LoadDatabase?
    let preparation = try await measure { prepared = try await LoadDatabase.prepare(candidates: count) }
    let database = prepared!
    defer { database.remove() }
    report(String(format: "  prepared in %.1f s: org, shipped bank, one exam with %d papers, %d sessions", preparation, count, count))
    report(String(format: "  publishing (papers made and stored) %.2f s  (target at 50,000: under 10 s)", database.publishSeconds))

    let server = try await ServerProcess(
        database: database.path, synchronous: synchronous, log: database.directory.appendingPathComponent("server.log"))
    defer { server.stop() }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let client = HTTPLoadClient(loop: group.next(), port: server.port)
    try await client.connect(connections)
    let idle = server.memory()

    // Both processes share the machine's cores, so each phase says how many each kept busy.
    // The processes share the machine's cores with whatever else runs on it, so each phase says who kept how many busy.
    var cpu = (server: server.cpuSeconds(), bench: ownCPUSeconds(), machine: machineBusySeconds(), at: ContinuousClock.now)
    func phaseCPU() -> String {
        let now = (server: server.cpuSeconds(), bench: ownCPUSeconds(), machine: machineBusySeconds(), at: ContinuousClock.now)
        defer { cpu = now }
        let elapsed = Double((now.at - cpu.at).components.attoseconds) / 1e18 + Double((now.at - cpu.at).components.seconds)
        let (server, bench) = (now.server - cpu.server, now.bench - cpu.bench)
        return String(
            format: "cores busy: server %.2f, bench %.2f, others %.2f", server / elapsed, bench / elapsed,
            max(0, now.machine - cpu.machine - server - bench) / elapsed)
    }

    let health = try await client.saturate(concurrency: connections, seconds: 10) { _, due, done in
        LoadRequest(method: .GET, uri: "/healthz", session: nil, body: nil, due: due, done: done)
    }
    report(health.line("/healthz") + "  " + phaseCPU())

    let day = ExamDay(client: client, examId: database.examId, candidates: database.sessions.map(Candidate.init))
    try await day.startAndSave(startWindow: .seconds(Int64(startWindow)), duration: .seconds(Int64(duration)))
    let examCPU = phaseCPU()
    report(day.starts.line("start") + String(format: "  all %d started within %.1f s", day.started, Double(day.allStartedAfter.nanoseconds) / 1e9))
    report(day.saves.line("save"))
    report(day.steadySaves.line("save ≥\(startWindow + 1)s") + String(format: "  (N/30 = %.0f /s)  ", Double(count) / 30) + examCPU)
    let examMemory = server.memory()

    let flat = try await day.saveFlat(concurrency: connections, seconds: 10)
    report(flat.line("max save") + String(format: "  = %.0f%% of the /healthz ceiling  ", 100 * flat.throughput / health.throughput) + phaseCPU())

    try await day.submitAll(window: .seconds(Int64(submitWindow)))
    report(day.submits.line("submit") + "  " + phaseCPU())
    let end = server.memory()
    let errors = [day.starts, day.saves, flat, day.submits].reduce(0) { $0 + $1.failures }
    report("  errors (non-2xx or lost connection) during the exam: \(errors)")
    report(String(format: "  server memory: %.0f MiB idle, %.0f MiB after exam day, %.0f MiB at the end, peak %.0f MiB", idle.rss, examMemory.rss, end.rss, end.peak))

    try await client.close()
    try await group.shutdownGracefully()
}

/// User and system CPU time of this process so far, in seconds.
private func ownCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU time all processes on the machine have used since boot (every core's non-idle time), in seconds.
private func machineBusySeconds() -> Double {
    let stat = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)) ?? ""
    // "cpu user nice system idle iowait irq softirq steal …", in clock ticks.
    let ticks = stat.split(separator: "\n").first?.split(separator: " ").dropFirst().compactMap { Double($0) } ?? []
    guard ticks.count > 4 else { return 0 }
    return (ticks.reduce(0, +) - ticks[3] - ticks[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// `lianbing-bench publish`: the load run's preparation alone, for the time publishing takes at a given size.
func benchPublish(_ arguments: ArraySlice<String>) async throws {
    let count = try BenchOptions(arguments, allowed: ["candidates"]).int("candidates", 50_000, in: 1...200_000)
    let database = try await LoadDatabase.prepare(candidates: count)
    defer { database.remove() }
    let bytes = try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int ?? 0
    report(String(format: "publish: %d candidates, papers made and stored in %.2f s (target at 50,000: under 10 s); database %.0f MiB",
        count, database.publishSeconds, Double(bytes) / 1_048_576))
}
