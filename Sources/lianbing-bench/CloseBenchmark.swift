import Foundation
import LianbingCore
import LianbingStore

/// `lianbing-bench close`: an administrator ends an exam with every candidate still writing, in the store (no
/// server). Reports how long the close takes and how long a write arriving meanwhile waits for the single writer:
/// the submissions go a batch at a time, so that wait stays short however many attempts the close cuts off.
func benchClose(_ arguments: ArraySlice<String>) async throws {
    let options = try BenchOptions(arguments, allowed: ["candidates"])
    let count = try options.int("candidates", 20_000)
    report("close: \(count) candidates writing when the exam is closed")
    let prepared = try await LoadDatabase.prepare(candidates: count)
    defer { prepared.remove() }
    let database = try AppDatabase.open(path: prepared.path)
    let candidates = (0..<count).map { index in
        Principal(
            kind: .account(id: Int64(index), username: "lb\(index)", role: .staff, staffNumber: LoadDatabase.staffNumber(index)),
            scope: UnitPath(codes: []))
    }

    // Everyone starts and answers three questions; concurrent calls share commits, as on exam day.
    var attempts: [Int: Int64] = [:]
    let setup = try await measure {
        attempts = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
            var started: [Int: Int64] = [:]
            for (index, candidate) in candidates.enumerated() {
                if index >= 64, let (done, id) = try await group.next() { started[done] = id }
                group.addTask {
                    let view = try await database.startAttempt(exam: prepared.examId, client: .commandLine, by: candidate)
                    for item in view.items.prefix(3) {
                        _ = try await database.saveAnswer(
                            attempt: view.id, position: item.position, response: response(to: item), by: candidate)
                    }
                    return (index, view.id)
                }
            }
            for try await (done, id) in group { started[done] = id }
            return started
        }
    }
    report(String(format: "  %d attempts started with 3 answers each in %.1f s", attempts.count, setup))

    // A probe writes over and over while the close runs; each write waits for whatever holds the writer.
    let probe = candidates[0]
    let probeAttempt = attempts[0]!
    let probing = Task { () -> [Double] in
        var waits: [Double] = []
        // GRDB refuses work in a cancelled task: the write under way when the close ends is not counted.
        while !Task.isCancelled {
            do {
                waits.append(try await measure { try await database.recordHidden(attempt: probeAttempt, seconds: 0, by: probe) })
            } catch is CancellationError {
                break
            }
        }
        return waits
    }
    let took = try await measure { _ = try await database.closeExam(prepared.examId, by: try await database.operatorPrincipal()) }
    probing.cancel()
    var waits = try await probing.value
    waits.sort()
    let submitted = try await database.results(ofExam: prepared.examId, by: try await database.operatorPrincipal())
        .filter { $0.row.outcome != .absent }.count
    report(String(format: "  close took %.1f s: %.0f attempts/s submitted and marked", took, Double(count) / took))
    report(String(format: "  a write meanwhile waited p50 %.1f ms, p99 %.1f ms, at most %.1f ms (%d writes)",
                  1_000 * waits[waits.count / 2], 1_000 * waits[min(waits.count - 1, waits.count * 99 / 100)], 1_000 * waits.last!, waits.count))
    report("  results rows with an attempt: \(submitted)")
}

/// Some answer of the right shape; what it says does not matter here.
private func response(to item: AttemptItem) -> Response {
    switch item.kind {
    case .singleChoice, .multipleChoice: .choices([0])
    case .trueFalse: .trueFalse(true)
    case .fillBlank: .blanks(Array(repeating: "答", count: max(1, item.blanks)))
    case .shortAnswer: .text("按规定及时办理，做好台账记录。")
    }
}
