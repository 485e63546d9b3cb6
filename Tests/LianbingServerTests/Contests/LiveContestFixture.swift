import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import HummingbirdWebSocket
import LianbingCore
@testable import LianbingServer
import LianbingSocketClient
import LianbingStore
import Testing

/// A running individual contest of the demo province (whose staff are many enough for 200 contestants), served on a
/// real port with WebSocket upgrade, and the sockets to reach it: the host (the province administrator) and each
/// contestant (a session opened for them).
struct LiveContest {
    let port: Int
    let database: AppDatabase
    let contestId: Int64
    let boardToken: String
    let hostCookie: String
    /// A county administrator's session: below the organiser, so outside the contest's scope.
    let countyCookie: String
    /// Team id and session cookie of each contestant, in entry order.
    let contestants: [(team: Int64, staffNumber: String, cookie: String)]

    static func run(
        teams: Int, style: RoundStyle = .buzzer, _ body: @Sendable (LiveContest) async throws -> Void
    ) async throws {
        let app = try await TestApp.demoWithBank()
        let database = app.database
        let root = try await database.operatorPrincipal()
        let province = try await database.account("admin", for: root).account.unitCode
        let contest = try await database.createContest(
            ContestDraft(title: "抢答测试赛", unitCode: province, format: .individual, heldOn: CivilDate("2026-12-04")!, basePoints: 100), by: root)
        let numbers = try await database.reader.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode, unit c
                    WHERE c.code = ? AND s.isActive AND substr(u.path, 1, length(c.path)) = c.path ORDER BY s.number LIMIT ?
                    """, arguments: [province, teams])
        }
        precondition(numbers.count == teams, "the demo has fewer staff than the test needs")
        var teamIds: [Int64] = []
        for number in numbers {
            teamIds.append(try await database.addContestTeam(contest.id, TeamDraft(members: [number]), by: root).id)
        }
        let questions = try await database.reader.read { db in try String.fetchAll(db, sql: "SELECT id FROM question ORDER BY id LIMIT 5") }
        var rules = RoundRules()
        rules.rightPoints = 10
        rules.wrongPoints = 10
        rules.foulPoints = 5
        _ = try await database.addContestRound(contest.id, RoundDraft(style: style, rules: rules, questionIds: questions), by: root)
        let running = try await database.setContestStatus(contest.id, .running, by: root)
        let sessions = try await database.openLoadSessions(forStaff: numbers, by: root)
        let entries = zip(teamIds, sessions).map { (team: $0, staffNumber: $1.staffNumber, cookie: "lb_session=\($1.token)") }
        let router = try await buildRouter(database: database, settings: app.settings)
        let server = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router))
        try await server.test(.live) { client in
            let login = try await Client(inner: client).logIn("admin")
            let county = try await Client(inner: client).logIn("county")
            let fixture = LiveContest(
                port: try #require(client.port), database: database, contestId: contest.id, boardToken: try #require(running.boardToken),
                hostCookie: login.cookie, countyCookie: county.cookie,
                contestants: entries)
            try await body(fixture)
        }
    }

    func host() async throws -> LiveScreen { try await LiveScreen(port: port, path: "/contests/\(contestId)/live", cookie: hostCookie) }

    func contestant(_ index: Int) async throws -> LiveScreen {
        try await LiveScreen(port: port, path: "/contests/\(contestId)/live", cookie: contestants[index].cookie)
    }

    func board() async throws -> LiveScreen { try await LiveScreen(port: port, path: "/board/\(boardToken)/live", cookie: nil) }

    func events() async throws -> [ContestEvent] {
        try await database.contestEvents(contestId, by: try await database.operatorPrincipal())
    }
}

/// One screen's socket, keeping every message it received so a test can look back at all of them.
final class LiveScreen: @unchecked Sendable {
    let socket: LiveSocket
    private let lock = NSLock()
    private var received: [String] = []
    /// How the connection ended, if it has.
    private var ending = "still open"
    private var reader: Task<Void, Never>?

    init(port: Int, path: String, cookie: String?) async throws {
        socket = try await LiveSocket.connect(port: port, path: path, cookie: cookie)
        // swift-nio's client can drop a frame that arrives together with the upgrade's response (browsers do not):
        // asking for the picture again makes sure the screen has one.
        socket.send(#"{"action":"sync"}"#)
        reader = Task { [socket] in
            do {
                for try await message in socket.messages { self.lock.withLock { self.received.append(message) } }
                self.lock.withLock { self.ending = "closed by the server" }
            } catch {
                self.lock.withLock { self.ending = "failed: \(error)" }
            }
        }
    }

    var messages: [String] { lock.withLock { received } }

    func send(_ json: String) { socket.send(json) }

    /// The latest state message that satisfies `condition`, waiting up to `seconds` for one.
    @discardableResult
    func state(within seconds: Double = 60, where condition: @escaping ([String: Any]) -> Bool = { _ in true }) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            for text in messages.reversed() {
                guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], object["type"] as? String == "state" else {
                    continue
                }
                if condition(object) { return object }
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw LiveTimeout(last: messages.last ?? "nothing", connection: lock.withLock { ending })
    }

    func close() async {
        await socket.close()
        reader?.cancel()
    }
}

struct LiveTimeout: Error, CustomStringConvertible {
    var last: String
    var connection: String
    var description: String { "no matching state in time (connection \(connection)); last message: \(last.prefix(400))" }
}
