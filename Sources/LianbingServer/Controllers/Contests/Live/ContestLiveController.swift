import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import LianbingCore
import LianbingStore
import NIOCore

/// The live screens of a contest: the host's console, a contestant's phone, a judge's marking page and the
/// projector's board, each a page that opens a WebSocket back to the same host and draws whatever the room sends.
struct ContestLiveController {
    let database: AppDatabase
    let pages: PageRenderer
    let hub: ContestLiveHub

    /// Longest message a screen may send: requests are a few fields.
    static let maximumMessage = 4_096

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/contests/:contest/host", use: host)
        router.get("/contests/:contest/judge", use: judge)
        router.get("/contests/:contest/play", use: play)
        router.get("/board/:token", use: board)
        router.ws("/contests/:contest/live", shouldUpgrade: { request, context in
            try Self.checkOrigin(request)
            _ = try await database.contestLiveAccess(try Self.contest(context), by: try context.principal())
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, socket in
            let context = socket.requestContext
            guard let principal = try? context.principal(), let id = try? Self.contest(context),
                let access = try? await database.contestLiveAccess(id, by: principal)
            else { return }
            let audience: LiveAudience =
                switch access {
                case .host: .host(principal)
                case .contestant(let team): .contestant(principal, team: team)
                }
            try await serve(hub.room(id), audience, inbound, outbound)
        })
        router.ws("/board/:token/live", shouldUpgrade: { request, context in
            try Self.checkOrigin(request)
            _ = try await database.contestId(boardToken: try context.parameters.require("token"))
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, socket in
            guard let token = socket.requestContext.parameters.get("token"), let id = try? await database.contestId(boardToken: token) else { return }
            try await serve(hub.room(id), .board, inbound, outbound)
        })
    }

    /// Pumps the room's pictures out and the screen's requests in until either side goes.
    private func serve(
        _ room: ContestRoom, _ audience: LiveAudience, _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter
    ) async throws {
        let (client, pictures) = await room.join(audience)
        let writer = Task {
            for await picture in pictures { try await outbound.write(.text(picture)) }
        }
        defer { writer.cancel() }
        do {
            for try await message in inbound.messages(maxSize: Self.maximumMessage) {
                let stamp = hub.stamp()
                guard case .text(let text) = message, let request = try? JSONDecoder().decode(LiveRequest.self, from: Data(text.utf8)) else {
                    continue
                }
                await room.handle(request, from: client, clock: stamp.clockMilliseconds, arrival: stamp.arrival)
            }
        } catch {}
        await room.leave(client)
    }

    // MARK: - Pages

    struct LivePage {
        var contestId: Int64
        var title: String
        var socket: String
        var role: String
    }

    @Sendable func host(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await livePage("contest-host", "主持台", request, context, runs: true)
    }

    @Sendable func judge(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await livePage("contest-judge", "评委打分", request, context, runs: true)
    }

    @Sendable func play(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await livePage("contest-play", "答题器", request, context, runs: false)
    }

    @Sendable func board(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let id = try await database.contestId(boardToken: token)
        let (contest, _) = try await database.publicContestBoard(token: token)
        let content = LivePage(contestId: id, title: contest.title, socket: "/board/\(token)/live", role: "board")
        return pages.render(
            "contest-board", title: "排行榜：\(contest.title)", session: nil, content: content, styles: ["contest.css"],
            scripts: ["contest-live.js"])
    }

    private func livePage(_ template: String, _ label: String, _ request: Request, _ context: AppRequestContext, runs: Bool) async throws -> Response {
        let principal = try context.principal()
        let id = try Self.contest(context)
        let access = try await database.contestLiveAccess(id, by: principal)
        if runs, access != .host { throw LianbingError.notFound("比赛 \(id)") }
        let contest = try await database.contest(id, by: principal)
        let content = LivePage(contestId: id, title: contest.title, socket: "/contests/\(id)/live", role: runs ? "host" : "contestant")
        return pages.render(
            template, title: "\(label)：\(contest.title)", path: "/contests", session: context.session, content: content,
            styles: ["contest.css"], scripts: ["contest-live.js"])
    }

    static func contest(_ context: some RequestContext) throws -> Int64 {
        guard let id = context.parameters.get("contest", as: Int64.self), id > 0 else { throw LianbingError.notFound("比赛") }
        return id
    }

    /// A page of another site may not open a socket with the visitor's cookie: the Origin a browser sends must name
    /// this host. (Clients that send no Origin are not browsers and carry no one else's cookie.)
    static func checkOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin] else { return }
        let host = request.head.authority ?? ""
        guard let url = URL(string: origin), let originHost = url.host else { throw LianbingError.forbidden("来源不符") }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        guard originAuthority == host || originHost == host else { throw LianbingError.forbidden("来源不符") }
    }
}
