import NIOCore

extension HTTPLoadClient {
    /// Closed loop: keeps `concurrency` requests in flight for `seconds`, each answer sending the next, so the
    /// answers per second are the most the server gives over these connections. `make` builds request `turn`.
    func saturate(
        concurrency: Int, seconds: Int64,
        make: @escaping @Sendable (_ turn: Int, _ due: NIODeadline, _ done: @escaping (LoadAnswer) -> Void) -> LoadRequest
    ) async throws -> RequestLog {
        try await loop.flatSubmit {
            let run = Saturation(client: self, concurrency: concurrency, end: .now() + .seconds(seconds), make: make)
            return run.start()
        }.get()
    }
}

/// The state of one closed-loop run, confined to the client's event loop.
private final class Saturation {
    private let client: HTTPLoadClient
    private let end: NIODeadline
    private let make: (Int, NIODeadline, @escaping (LoadAnswer) -> Void) -> LoadRequest
    private let finished: EventLoopPromise<RequestLog>
    private var running: Int
    private var turn = 0
    private var log = RequestLog()

    init(client: HTTPLoadClient, concurrency: Int, end: NIODeadline, make: @escaping (Int, NIODeadline, @escaping (LoadAnswer) -> Void) -> LoadRequest) {
        self.client = client
        self.end = end
        self.make = make
        running = concurrency
        finished = client.loop.makePromise()
    }

    func start() -> EventLoopFuture<RequestLog> {
        for _ in 0..<running { next() }
        return finished.futureResult
    }

    private func next() {
        turn += 1
        client.send(make(turn, .now()) { answer in
            self.log.record(answer)
            if NIODeadline.now() < self.end {
                self.next()
            } else {
                self.running -= 1
                if self.running == 0 { self.finished.succeed(self.log) }
            }
        })
    }
}
