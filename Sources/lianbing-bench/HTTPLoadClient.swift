import NIOCore
import NIOHTTP1
import NIOPosix

/// What a request came back with. Status 0: the connection failed before an answer.
struct LoadAnswer {
    var status: Int
    var body: ByteBuffer
    /// From when the request was due, so waiting in the client for a free connection counts as well.
    var latency: TimeAmount
}

/// One request, sent over whichever connection is free first.
struct LoadRequest {
    var method: HTTPMethod
    var uri: String
    var session: LoadSessionCookie?
    var body: ByteBuffer?
    var due: NIODeadline
    var done: (LoadAnswer) -> Void
}

/// The candidate's credentials as a browser sends them.
struct LoadSessionCookie {
    var cookie: String
    var csrfToken: String
}

/// A fixed set of keep-alive HTTP/1.1 connections, one request in flight on each, fed from one queue.
///
/// Everything, the callers' bookkeeping in `done` included, runs on one event loop, so no state needs a lock
/// (hence `@unchecked Sendable`) and the client takes at most one of the machine's cores from the server.
final class HTTPLoadClient: @unchecked Sendable {
    let loop: any EventLoop
    private let port: Int
    private var idle: [Connection] = []
    private var queued = CircularBuffer<LoadRequest>()
    private var channels: [any Channel] = []
    private var open = 0
    /// Once set, a lost connection is not replaced (the server was stopped on purpose).
    private var closing = false

    init(loop: any EventLoop, port: Int) {
        self.loop = loop
        self.port = port
    }

    /// Opens `count` connections, a few hundred at a time so the server's accept backlog never overflows.
    func connect(_ count: Int) async throws {
        var opened = 0
        while opened < count {
            let batch = min(200, count - opened)
            try await EventLoopFuture.andAllSucceed((0..<batch).map { _ in openConnection() }, on: loop).get()
            opened += batch
        }
    }

    func send(_ request: LoadRequest) {
        loop.assertInEventLoop()
        if let connection = idle.popLast() { connection.send(request) } else { queued.append(request) }
    }

    /// Closes every connection without replacing any.
    func close() async throws {
        try await loop.submit { self.closing = true; return self.channels }.get().forEach { $0.close(promise: nil) }
    }

    /// Stops replacing lost connections, as when the server is about to be killed.
    func abandon() {
        loop.assertInEventLoop()
        closing = true
    }

    private func openConnection() -> EventLoopFuture<Void> {
        ClientBootstrap(group: loop)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(Connection(client: self))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .map { self.channels.append($0) }
    }

    private func opened(_ connection: Connection) {
        open += 1
        ready(connection)
    }

    private func ready(_ connection: Connection) {
        if let next = queued.popFirst() { connection.send(next) } else { idle.append(connection) }
    }

    private func lost(_ connection: Connection) {
        open -= 1
        idle.removeAll { $0 === connection }
        guard closing else {
            openConnection().whenFailure { _ in self.loop.scheduleTask(in: .milliseconds(100)) { _ = self.openConnection() } }
            return
        }
        // No connection will come back to send what is still waiting: those requests fail as unanswered.
        while open == 0, let request = queued.popFirst() { request.done(LoadAnswer(status: 0, body: ByteBuffer(), latency: .now() - request.due)) }
    }

    private final class Connection: ChannelInboundHandler {
        typealias InboundIn = HTTPClientResponsePart
        typealias OutboundOut = HTTPClientRequestPart

        private let client: HTTPLoadClient
        private var context: ChannelHandlerContext?
        private var current: LoadRequest?
        private var status = 0
        private var body = ByteBuffer()

        init(client: HTTPLoadClient) {
            self.client = client
        }

        func channelActive(context: ChannelHandlerContext) {
            self.context = context
            client.opened(self)
        }

        func send(_ request: LoadRequest) {
            guard let context else { return request.done(LoadAnswer(status: 0, body: ByteBuffer(), latency: .now() - request.due)) }
            current = request
            var headers = HTTPHeaders([("Host", "127.0.0.1")])
            if let session = request.session {
                headers.add(name: "Cookie", value: session.cookie)
                headers.add(name: "X-CSRF-Token", value: session.csrfToken)
            }
            if let body = request.body {
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(body.readableBytes))
            } else if request.method != .GET {
                headers.add(name: "Content-Length", value: "0")
            }
            context.write(wrapOutboundOut(.head(HTTPRequestHead(version: .http1_1, method: request.method, uri: request.uri, headers: headers))), promise: nil)
            if let body = request.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                status = Int(head.status.code)
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                guard let request = current else { return }
                current = nil
                request.done(LoadAnswer(status: status, body: body, latency: .now() - request.due))
                client.ready(self)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.context = nil
            if let request = current {
                current = nil
                request.done(LoadAnswer(status: 0, body: ByteBuffer(), latency: .now() - request.due))
            }
            client.lost(self)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
