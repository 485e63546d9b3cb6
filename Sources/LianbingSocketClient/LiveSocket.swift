import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A WebSocket client on swift-nio's own WebSocket support, for the tests and the benchmark that talk to the
/// contests' live screens as browsers do. Plain `ws://` only: nothing here needs TLS, so none is compiled in.
public final class LiveSocket: Sendable {
    /// Text messages from the server, in order; finishes when the connection closes.
    public let messages: AsyncThrowingStream<String, any Error>
    private let outgoing: AsyncStream<String>.Continuation
    private let task: Task<Void, Never>

    public enum Failure: Error { case notUpgraded }

    private enum Upgrade {
        case socket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    private init(channel: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>) {
        let (messages, incoming) = AsyncThrowingStream<String, any Error>.makeStream()
        let (sends, outgoing) = AsyncStream<String>.makeStream()
        self.messages = messages
        self.outgoing = outgoing
        task = Task {
            do {
                try await channel.executeThenClose { inbound, outbound in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in sends {
                                try await outbound.write(WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text)))
                            }
                            try await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: ByteBuffer()))
                        }
                        group.addTask {
                            var partial = ByteBuffer()
                            reading: for try await frame in inbound {
                                switch frame.opcode {
                                case .text, .continuation:
                                    var data = frame.unmaskedData
                                    partial.writeBuffer(&data)
                                    if frame.fin {
                                        incoming.yield(String(buffer: partial))
                                        partial.clear()
                                    }
                                case .ping:
                                    try await outbound.write(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
                                case .connectionClose:
                                    break reading
                                default:
                                    continue
                                }
                            }
                            incoming.finish()
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                }
            } catch {
                incoming.finish(throwing: error)
            }
            incoming.finish()
        }
    }

    /// Opens `path` on `host:port`, sending `cookie` and `origin` as a browser would.
    public static func connect(
        host: String = "127.0.0.1", port: Int, path: String, cookie: String? = nil, origin: String? = nil
    ) async throws -> LiveSocket {
        let upgrade: EventLoopFuture<Upgrade> = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 22) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            Upgrade.socket(try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(wrappingChannelSynchronously: channel))
                        }
                    }
                    var headers = HTTPHeaders([("Host", "\(host):\(port)"), ("Content-Length", "0")])
                    if let cookie { headers.add(name: "Cookie", value: cookie) }
                    if let origin { headers.add(name: "Origin", value: origin) }
                    let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeCompletedFuture { Upgrade.refused } })
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: .init(upgradeConfiguration: configuration))
                }
            }
        switch try await upgrade.get() {
        case .socket(let channel): return LiveSocket(channel: channel)
        case .refused: throw Failure.notUpgraded
        }
    }

    public func send(_ text: String) {
        outgoing.yield(text)
    }

    /// Closes the connection and waits until it has gone.
    public func close() async {
        outgoing.finish()
        await task.value
    }
}
