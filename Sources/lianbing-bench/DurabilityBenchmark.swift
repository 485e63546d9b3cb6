import Foundation
import NIOCore
import NIOPosix

/// `lianbing-bench durability`: SIGKILL the release server while candidates save, restart it on the same file, and
/// check that every acknowledged answer is there and every attempt resumes with its deadline. False on any loss.
func benchDurability(_ arguments: ArraySlice<String>) async throws -> Bool {
    let options = try BenchOptions(arguments, allowed: ["candidates", "connections", "synchronous"])
    let count = try options.int("candidates", 1_000)
    let connections = try options.int("connections", 1_000)
    let synchronous = try options.choice("synchronous", "full", of: ["normal", "full"])
    _ = try ServerProcess.executable()

    report("durability: \(count) candidates over \(connections) connections, synchronous=\(synchronous)")
    let database = try await LoadDatabase.prepare(candidates: count)
    defer { database.remove() }
    let log = database.directory.appendingPathComponent("server.log")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let test = KillTest(examId: database.examId, candidates: database.sessions.map(Candidate.init))

    let first = try await ServerProcess(database: database.path, synchronous: synchronous, log: log)
    let before = HTTPLoadClient(loop: group.next(), port: first.port)
    try await before.connect(connections)
    test.recordStarts(try await test.startAll(on: before))
    let (started, positions) = try await before.loop.submit { (test.started, test.positions) }.get()
    report("  started \(started) attempts, \(positions) answer positions in all")
    guard started == count else { first.stop(); throw BenchError("only \(started) of \(count) candidates could start") }

    // Half of all the saves there are to make: the kill lands with the candidates mid-paper.
    let killAfter = positions / 2
    let saving = ContinuousClock.now
    try await test.saveUntilKilled(on: before, killAfter: killAfter) { first.kill() }
    let killedAt = test.killedAt ?? .now
    report(String(
        format: "  SIGKILL after %d acknowledged saves (%.1f s of saving), %d in flight; %d acknowledged in all", killAfter,
        seconds(killedAt - saving), test.inFlightAtKill, test.acknowledged.count))

    // Down longer than the two seconds the time check allows for rounding, so time given back would show.
    try await Task.sleep(for: .seconds(3))
    let restart = ContinuousClock.now
    let second = try await ServerProcess(database: database.path, synchronous: synchronous, log: log)
    defer { second.stop() }
    report(String(format: "  restarted in %.1f s (%.1f s after the kill)", seconds(ContinuousClock.now - restart), seconds(ContinuousClock.now - killedAt)))
    let after = HTTPLoadClient(loop: group.next(), port: second.port)
    try await after.connect(connections)
    let resumed = try await test.startAll(on: after)
    let findings = try await after.loop.submit { test.check(resumed: resumed) }.get()
    try await after.close()
    try await group.shutdownGracefully()

    report("  acknowledged \(test.acknowledged.count)   present \(findings.present)   missing \(findings.missing)")
    report("  attempts resumed \(findings.resumed) / \(count)   deadline mismatches \(findings.deadlineMismatches)   time given back \(findings.timeGivenBack)")
    report("  unacknowledged saves stored anyway: \(findings.unacknowledgedStored) (allowed)")
    let passed = findings.missing == 0 && findings.resumed == count && findings.deadlineMismatches == 0 && findings.timeGivenBack == 0
    report(passed ? "  PASS: nothing acknowledged was lost, no time was given back" : "  FAIL")
    return passed
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
