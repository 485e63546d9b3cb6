import Foundation
import NIOCore

/// The exam-day load, open loop: candidates start spread evenly over the start window, each saves an answer every
/// 30 s from a random moment in their first half minute, and later everyone submits. Requests go when they are due,
/// whatever the server's pace, and latency counts from then.
///
/// All of its state lives on the client's event loop (hence `@unchecked Sendable`); its logs are read between phases.
final class ExamDay: @unchecked Sendable {
    static let saveInterval: TimeAmount = .seconds(30)

    private let client: HTTPLoadClient
    private let examId: Int64
    private var candidates: [Candidate]
    private var generator = SystemRandomNumberGenerator()
    private var savingUntil = NIODeadline.distantFuture
    private var steadyFrom = NIODeadline.distantFuture
    private var outstanding = 0
    private var drained: EventLoopPromise<Void>?

    private(set) var starts = RequestLog()
    private(set) var saves = RequestLog()
    /// Saves due once every candidate has had the chance to start: the rate the exam runs at.
    private(set) var steadySaves = RequestLog()
    private(set) var submits = RequestLog()
    /// From the first start being due until the last one answered.
    private(set) var allStartedAfter: TimeAmount = .zero

    init(client: HTTPLoadClient, examId: Int64, candidates: [Candidate]) {
        self.client = client
        self.examId = examId
        self.candidates = candidates
    }

    var started: Int { candidates.count { $0.attempt != nil } }

    /// Starts every candidate within `startWindow`, then keeps the saves going until `duration` has passed.
    func startAndSave(startWindow: TimeAmount, duration: TimeAmount) async throws {
        let loop = client.loop
        try await loop.flatSubmit {
            let t0 = NIODeadline.now()
            self.savingUntil = t0 + duration
            // Once the last candidate could have made a first save: from here every candidate saves once per interval.
            self.steadyFrom = t0 + startWindow + .seconds(1)
            let spacing = startWindow.nanoseconds / Int64(max(1, self.candidates.count))
            for index in self.candidates.indices {
                let due = t0 + .nanoseconds(spacing * Int64(index))
                loop.scheduleTask(deadline: due) { self.start(index, due: due, from: t0) }
            }
            return self.whenDrained(after: t0 + duration)
        }.get()
    }

    /// Every started candidate submits, spread evenly over `window`.
    func submitAll(window: TimeAmount) async throws {
        let loop = client.loop
        try await loop.flatSubmit {
            let t0 = NIODeadline.now()
            let started = self.candidates.indices.filter { self.candidates[$0].attempt != nil }
            let spacing = window.nanoseconds / Int64(max(1, started.count))
            for (order, index) in started.enumerated() {
                let due = t0 + .nanoseconds(spacing * Int64(order))
                loop.scheduleTask(deadline: due) { self.submit(index, due: due) }
            }
            return self.whenDrained(after: t0 + window)
        }.get()
    }

    /// Saves by every started candidate in turn, as fast as `concurrency` connections carry them, for `seconds`.
    func saveFlat(concurrency: Int, seconds: Int64) async throws -> RequestLog {
        let started = try await client.loop.submit { self.candidates.indices.filter { self.candidates[$0].attempt != nil } }.get()
        guard !started.isEmpty else { return RequestLog() }
        return try await client.saturate(concurrency: concurrency, seconds: seconds) { turn, due, done in
            self.saveRequest(started[turn % started.count], due: due, done: done)
        }
    }

    private func whenDrained(after end: NIODeadline) -> EventLoopFuture<Void> {
        let promise = client.loop.makePromise(of: Void.self)
        client.loop.scheduleTask(deadline: end) {
            if self.outstanding == 0 { promise.succeed() } else { self.drained = promise }
        }
        return promise.futureResult
    }

    private func sent() { outstanding += 1 }

    private func answered() {
        outstanding -= 1
        if outstanding == 0, let drained {
            self.drained = nil
            drained.succeed()
        }
    }

    private func start(_ index: Int, due: NIODeadline, from t0: NIODeadline) {
        sent()
        client.send(LoadRequest(
            method: .POST, uri: "/api/v1/my/exams/\(examId)/attempt", session: candidates[index].session, body: nil, due: due
        ) { answer in
            self.starts.record(answer)
            if answer.status == 200, let attempt = StartedAttempt.decode(answer.body) {
                self.candidates[index].attempt = attempt
                self.allStartedAfter = max(self.allStartedAfter, .now() - t0)
                let first = due + .milliseconds(Int64.random(in: 1_000..<30_000, using: &self.generator))
                self.client.loop.scheduleTask(deadline: first) { self.save(index, due: first) }
            }
            self.answered()
        })
    }

    private func save(_ index: Int, due: NIODeadline) {
        guard due < savingUntil else { return }
        sent()
        client.send(saveRequest(index, due: due) { answer in
            self.saves.record(answer)
            if due >= self.steadyFrom { self.steadySaves.record(answer) }
            let next = due + Self.saveInterval
            self.client.loop.scheduleTask(deadline: next) { self.save(index, due: next) }
            self.answered()
        })
    }

    private func saveRequest(_ index: Int, due: NIODeadline, done: @escaping (LoadAnswer) -> Void) -> LoadRequest {
        let attempt = candidates[index].attempt!
        let variant = candidates[index].saves
        candidates[index].saves += 1
        let position = variant % attempt.items.count
        return LoadRequest(
            method: .PUT, uri: "/api/v1/my/attempts/\(attempt.id)/answers/\(position)", session: candidates[index].session,
            body: Candidate.saveBody(Candidate.response(to: attempt.items[position], variant: variant)), due: due, done: done)
    }

    private func submit(_ index: Int, due: NIODeadline) {
        sent()
        client.send(LoadRequest(
            method: .POST, uri: "/api/v1/my/attempts/\(candidates[index].attempt!.id)/submit", session: candidates[index].session,
            body: nil, due: due
        ) { answer in
            self.submits.record(answer)
            self.answered()
        })
    }
}
