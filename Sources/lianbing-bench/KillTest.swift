import Foundation
import LianbingCore
import NIOCore

/// The candidates' side of the durability run: start, save until the server is killed, and check on resuming.
/// Every candidate saves each position of their paper at most once, so an acknowledged answer can only be
/// present with its value or lost; nothing later can overwrite it.
///
/// Its state is touched on the client's event loop only (hence `@unchecked Sendable`).
final class KillTest: @unchecked Sendable {
    struct Acknowledged {
        var candidate: Int
        var position: Int
        var response: Response
    }

    struct Findings {
        var resumed = 0
        var present = 0
        var missing = 0
        var deadlineMismatches = 0
        /// Attempts whose time left after the restart was more than before minus the time that passed.
        var timeGivenBack = 0
        /// Saves sent but not acknowledged before the kill that were stored anyway: allowed either way.
        var unacknowledgedStored = 0
    }

    private let examId: Int64
    private var candidates: [Candidate]
    /// When each attempt view was seen before the kill, on this process's clock.
    private var seenAt: [ContinuousClock.Instant?]
    private(set) var acknowledged: [Acknowledged] = []
    private(set) var inFlightAtKill = 0
    private(set) var killedAt: ContinuousClock.Instant?
    private var inFlight = 0
    private var killed = false

    init(examId: Int64, candidates: [Candidate]) {
        self.examId = examId
        self.candidates = candidates
        seenAt = Array(repeating: nil, count: candidates.count)
    }

    var started: Int { candidates.count { $0.attempt != nil } }
    var positions: Int { candidates.reduce(0) { $0 + ($1.attempt?.items.count ?? 0) } }

    /// Every candidate starts (or resumes) at once; returns the attempt views the server answered with.
    func startAll(on client: HTTPLoadClient) async throws -> [StartedAttempt?] {
        try await client.loop.flatSubmit {
            let promise = client.loop.makePromise(of: [StartedAttempt?].self)
            var views = [StartedAttempt?](repeating: nil, count: self.candidates.count)
            var waiting = self.candidates.count
            for index in self.candidates.indices {
                client.send(LoadRequest(
                    method: .POST, uri: "/api/v1/my/exams/\(self.examId)/attempt", session: self.candidates[index].session, body: nil,
                    due: .now()
                ) { answer in
                    if answer.status == 200 { views[index] = StartedAttempt.decode(answer.body) }
                    waiting -= 1
                    if waiting == 0 { promise.succeed(views) }
                })
            }
            return promise.futureResult
        }.get()
    }

    func recordStarts(_ views: [StartedAttempt?]) {
        let now = ContinuousClock.now
        for (index, view) in views.enumerated() where view != nil {
            candidates[index].attempt = view
            seenAt[index] = now
        }
    }

    /// Each candidate saves position after position, one at a time; once `killAfter` saves are acknowledged,
    /// `kill` runs, with saves still in flight. Returns when every candidate has stopped.
    func saveUntilKilled(on client: HTTPLoadClient, killAfter: Int, kill: @escaping @Sendable () -> Void) async throws {
        try await client.loop.flatSubmit {
            let promise = client.loop.makePromise(of: Void.self)
            var saving = 0
            func next(_ index: Int) {
                let attempt = self.candidates[index].attempt!
                let position = self.candidates[index].saves
                guard !self.killed, position < attempt.items.count else {
                    saving -= 1
                    if saving == 0 { promise.succeed() }
                    return
                }
                self.candidates[index].saves += 1
                let response = Self.response(candidate: index, position: position, item: attempt.items[position])
                self.inFlight += 1
                client.send(LoadRequest(
                    method: .PUT, uri: "/api/v1/my/attempts/\(attempt.id)/answers/\(position)", session: self.candidates[index].session,
                    body: Candidate.saveBody(response), due: .now()
                ) { answer in
                    self.inFlight -= 1
                    // An answer read after the kill was still sent by the server first: it counts as acknowledged.
                    if answer.status == 200 {
                        self.acknowledged.append(Acknowledged(candidate: index, position: position, response: response))
                        if self.acknowledged.count == killAfter {
                            self.killed = true
                            self.inFlightAtKill = self.inFlight
                            self.killedAt = .now
                            client.abandon()
                            kill()
                        }
                    }
                    next(index)
                })
            }
            for index in self.candidates.indices where self.candidates[index].attempt != nil {
                saving += 1
                next(index)
            }
            if saving == 0 { promise.succeed() }
            return promise.futureResult
        }.get()
    }

    /// Compares what the restarted server resumes with what was acknowledged and seen before the kill.
    func check(resumed views: [StartedAttempt?]) -> Findings {
        let now = ContinuousClock.now
        var findings = Findings()
        for (index, candidate) in candidates.enumerated() {
            guard let before = candidate.attempt else { continue }
            guard let after = views[index] else { continue }
            findings.resumed += 1
            if after.id != before.id || after.deadline != before.deadline { findings.deadlineMismatches += 1 }
            if let deadline = after.deadline, let beforeDeadline = before.deadline, let seen = seenAt[index] {
                let passed = Double((now - seen).components.seconds)
                // JSON dates are whole seconds, so allow two of rounding.
                let leftBefore = beforeDeadline.timeIntervalSince(before.serverTime)
                let leftAfter = deadline.timeIntervalSince(after.serverTime)
                if leftAfter > leftBefore - passed + 2 { findings.timeGivenBack += 1 }
            }
            for position in 0..<min(candidate.saves, after.items.count) where after.items[position].response != nil {
                findings.unacknowledgedStored += 1
            }
        }
        for save in acknowledged {
            let stored = views[save.candidate]?.items[save.position].response
            if stored == save.response { findings.present += 1 } else { findings.missing += 1 }
        }
        findings.unacknowledgedStored -= findings.present
        return findings
    }

    /// Different for every candidate and position, so a value found can only be the one saved there.
    static func response(candidate: Int, position: Int, item: StartedAttempt.Item) -> Response {
        Candidate.response(to: item, variant: candidate * 1_000 + position)
    }
}
