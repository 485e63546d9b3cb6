import Foundation
import GRDB
import LianbingCore
import LianbingSocketClient
import LianbingStore
#if canImport(Glibc)
import Glibc
#endif

/// Part 2 of `lianbing-bench contest`: the release server runs the demo contest on a throw-away database;
/// `viewers` projector screens watch its board (`/board/<token>/live`, no login) while the host (`county`, over
/// `/contests/<id>/live`) records `updates` events 250 ms apart. For every (screen, update) pair: how long after
/// the host sent the update the screen first held a state whose `contest.sequence` had reached it.
func benchBoardViewers(viewers count: Int, updates: Int) async throws {
    // Each screen is a socket here and another in the server, which inherits this process's limit.
    let limit = try raiseOpenFileLimit(to: count + 256)
    report("contest viewers: \(count) projector screens, \(updates) host updates 250 ms apart (open files: \(limit))")
    let demo = try await ContestDemoDatabase.prepare()
    defer { demo.remove() }
    report("  demo contest \(demo.contestId) 「\(demo.title)」: \(demo.teams.count) contestants, rounds \(demo.rounds.map { "\($0.number) \($0.style)×\($0.questions)" }.joined(separator: ", "))")

    let server = try await ServerProcess(database: demo.path, synchronous: "full", log: demo.directory.appendingPathComponent("server.log"))
    defer { server.stop() }
    let cookie = try logIn(port: server.port, username: "county", password: AppDatabase.demoPassword)

    // The screens connect a hundred at a time, like a hall's worth of browsers opening the link.
    var sockets: [LiveSocket] = []
    let connecting = try await measure {
        while sockets.count < count {
            let batch = min(100, count - sockets.count)
            sockets += try await withThrowingTaskGroup(of: LiveSocket.self) { group in
                for _ in 0..<batch { group.addTask { try await LiveSocket.connect(port: server.port, path: "/board/\(demo.boardToken)/live") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }
    let screens = sockets
    // Every screen reads on its own task from here on, timestamping each state as it takes it.
    let receiving = Task {
        await withTaskGroup(of: ViewerLog.self) { group in
            for socket in screens { group.addTask { await ViewerLog.receive(socket) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }
    report(String(format: "  %d screens connected in %.1f s", count, connecting))

    let host = try await LiveSocket.connect(port: server.port, path: "/contests/\(demo.contestId)/live", cookie: cookie)
    let console = HostConsole()
    let reading = Task { await console.read(host) }
    defer { reading.cancel() }
    let start = try await console.waitForState()
    let cpuBefore = (server: server.cpuSeconds(), bench: benchCPUSeconds())

    // What the host does: each live round's questions opened and ruled in turn, then undo and redo of the last
    // ruling (each a correction) for as long as updates remain. Switching rounds records nothing and is not timed.
    var plan: [(switchTo: Int?, message: String)] = []
    var team = 0
    for round in demo.rounds where ["compulsory", "buzzer"].contains(round.style) && round.questions > 0 {
        for question in 1...round.questions {
            plan.append((question == 1 ? round.number : nil, #"{"action":"open","question":\#(question)}"#))
            plan.append((nil, #"{"action":"rule","team":\#(demo.teams[team % demo.teams.count]),"question":\#(question),"verdict":"right"}"#))
            team += 1
        }
    }
    while plan.count < updates { plan.append((nil, #"{"action":"correct"}"#)) }
    plan = Array(plan.prefix(updates))

    var sent: [(sequence: Int, at: ContinuousClock.Instant)] = []
    var expected = start
    let interval = Duration.milliseconds(250)
    var due = ContinuousClock.now + .milliseconds(500)
    for step in plan {
        if let round = step.switchTo { _ = try await console.send(#"{"action":"round","round":\#(round)}"#, over: host) }
        try await Task.sleep(until: due, clock: .continuous)
        let at = ContinuousClock.now
        let sequence = try await console.send(step.message, over: host)
        expected += 1
        guard sequence == expected else { throw BenchError("the host's \(step.message) left the log at \(sequence) events, not \(expected)") }
        sent.append((sequence, at))
        due = max(due + interval, ContinuousClock.now)
    }
    let (serverCPU, benchCPU) = (server.cpuSeconds() - cpuBefore.server, benchCPUSeconds() - cpuBefore.bench)
    let hostSpan = durationSeconds(ContinuousClock.now - sent[0].at)
    // Two seconds for the last update to reach everyone, then the screens close and hand in what they saw.
    try await Task.sleep(for: .seconds(2))
    let memory = server.memory()
    await withTaskGroup(of: Void.self) { group in
        for socket in screens { group.addTask { await socket.close() } }
    }
    await host.close()
    let logs = await receiving.value

    var delays: [Double] = []
    var missed = 0
    for update in sent {
        for log in logs {
            guard let seen = log.firstReaching(update.sequence) else { missed += 1; continue }
            delays.append(durationSeconds(seen - update.at))
        }
    }
    delays.sort()
    let pairs = sent.count * logs.count
    let late = delays.count { $0 > 1 }
    report(String(
        format: "  host: %d updates (log %d → %d events) over %.1f s; CPU in that time: server %.2f s, bench (screens) %.2f s; server memory %.0f MiB",
        sent.count, start, expected, hostSpan, serverCPU, benchCPU, memory.rss))
    report(String(
        format: "  delay to screen  p50 %.1f ms   p99 %.1f ms   max %.1f ms   over %d (screen, update) pairs", percentile(delays, 0.5) * 1_000,
        percentile(delays, 0.99) * 1_000, (delays.last ?? 0) * 1_000, pairs))
    report("  missed (never shown): \(missed)   later than 1 s: \(late)   (target: every update on every screen within 1 s)")
    let (messages, bytes) = logs.reduce((0, 0)) { ($0.0 + $1.messages, $0.1 + $1.bytes) }
    report("  messages received by the screens: \(messages), \(bytes / max(1, messages)) bytes each on average; screens whose connection failed: \(logs.count { $0.failed })"
        + (logs.contains { $0.misread } ? "; WARNING: the byte scan misread a state's sequence" : ""))
    report(missed == 0 && late == 0 ? "  PASS: every screen showed every update within 1 s" : "  MISSED the 1 s target")
}

/// What one screen saw: when its board first reached each higher `contest.sequence`.
struct ViewerLog: Sendable {
    var reached: [(sequence: Int, at: ContinuousClock.Instant)] = []
    var messages = 0
    var bytes = 0
    var failed = false
    var misread = false

    static func receive(_ socket: LiveSocket) async -> ViewerLog {
        var log = ViewerLog()
        do {
            for try await text in socket.messages {
                let at = ContinuousClock.now
                log.messages += 1
                log.bytes += text.utf8.count
                guard let sequence = stateSequence(text) ?? decodedSequence(text) else { continue }
                // The byte scan is checked against a full decode once per screen.
                if log.messages == 1, sequence != decodedSequence(text) { log.misread = true }
                guard sequence > (log.reached.last?.sequence ?? -1) else { continue }
                log.reached.append((sequence, at))
            }
        } catch {
            log.failed = true
        }
        return log
    }

    /// The log's length in a state message, read off its bytes: a thousand screens decoding every state in full
    /// would take the server's cores and count as delay. The contest object's first `"sequence":` key is its own
    /// (its rounds have none; inside a string value a quote would be escaped), and it comes before `lastEvent`.
    static func stateSequence(_ text: String) -> Int? {
        var utf8 = text.utf8[...]
        guard utf8.starts(with: #"{"type":"state""#.utf8), let contest = utf8.firstRange(of: #""contest":{"#.utf8) else { return nil }
        utf8 = utf8[contest.upperBound...]
        guard let key = utf8.firstRange(of: #""sequence":"#.utf8) else { return nil }
        var value = 0
        var digits = 0
        for byte in utf8[key.upperBound...] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The same, by decoding the message: for any state the byte scan does not recognise.
    static func decodedSequence(_ text: String) -> Int? {
        guard let state = try? JSONDecoder().decode(LiveStateHead.self, from: Data(text.utf8)), state.type == "state" else { return nil }
        return state.contest?.sequence
    }

    func firstReaching(_ sequence: Int) -> ContinuousClock.Instant? {
        reached.first { $0.sequence >= sequence }?.at
    }
}

/// The fields of the server's messages the benchmark reads: states carry the log's length, replies their verdict.
private struct LiveStateHead: Decodable {
    struct Contest: Decodable { var sequence: Int }
    var type: String
    var contest: Contest?
    var action: String?
    var message: String?
}

/// The host's connection: the latest sequence it was shown and the replies to its requests, read on one task and
/// polled by the sender. (Unchecked: every field is behind the lock.)
private final class HostConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var sequence: Int?
    private var replies: [LiveStateHead] = []
    private var closed = false

    func read(_ socket: LiveSocket) async {
        let decoder = JSONDecoder()
        do {
            for try await text in socket.messages {
                guard let message = try? decoder.decode(LiveStateHead.self, from: Data(text.utf8)) else { continue }
                lock.withLock {
                    if message.type == "state" { sequence = message.contest?.sequence } else { replies.append(message) }
                }
            }
        } catch {}
        lock.withLock { closed = true }
    }

    /// The log's length in the first state the host is sent.
    func waitForState() async throws -> Int {
        try await poll("no state reached the host's console") { self.sequence }
    }

    /// Sends one request and waits for the server's reply; the host's state sent before that reply holds the log's
    /// length after it.
    func send(_ message: String, over socket: LiveSocket) async throws -> Int {
        let before = lock.withLock { replies.count }
        socket.send(message)
        let reply = try await poll("no reply to \(message)") { self.replies.count > before ? self.replies[before] : nil }
        guard reply.type == "ack" else { throw BenchError("the server refused \(message): \(reply.message ?? reply.type)") }
        return lock.withLock { sequence ?? 0 }
    }

    private func poll<Value>(_ failure: String, _ read: () -> Value?) async throws -> Value {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let (value, closed) = lock.withLock { (read(), self.closed) }
            if let value { return value }
            if closed { throw BenchError("\(failure): the host's connection closed") }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw BenchError("\(failure) within 10 s")
    }
}

/// A throw-away demo database with its running demo contest, prepared in process before the server starts.
private struct ContestDemoDatabase {
    struct Round {
        var number: Int
        var style: String
        var questions: Int
    }

    let directory: URL
    let path: String
    let contestId: Int64
    let title: String
    let boardToken: String
    let teams: [Int64]
    let rounds: [Round]

    static let demoTitle = "演示：练兵比武知识竞赛"

    /// What `lianbing serve --demo` installs, with cheap password hashes: the demo, the shipped bank (the contest's
    /// questions come from it), the demo contest. The contest's id, link and teams are then read from the file.
    static func prepare() async throws -> ContestDemoDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-bench-contest-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("contest.sqlite").path
        do {
            let database = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
            _ = try await database.installDemo({ DemoDataset.generate(scale: .demo) }, scale: .demo)
            _ = try await database.importQuestions(try LoadDatabase.shippedBank(), note: "QuestionBank（比赛基准）", by: try await database.operatorPrincipal())
            _ = try await database.installDemoContest()
        }
        let file = try DatabaseQueue(path: path)
        return try await file.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, boardToken FROM contest WHERE title = ? AND status = 'running'", arguments: [demoTitle]),
                let token: String = row["boardToken"]
            else { throw BenchError("the demo contest 「\(demoTitle)」 was not installed (is QuestionBank/ here? run from the package root)") }
            let id: Int64 = row["id"]
            let teams = try Int64.fetchAll(db, sql: "SELECT id FROM contestTeam WHERE contestId = ? ORDER BY id", arguments: [id])
            let rounds = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.number, r.style, (SELECT COUNT(*) FROM contestQuestion q WHERE q.contestId = r.contestId AND q.round = r.number) AS questions
                    FROM contestRound r WHERE r.contestId = ? ORDER BY r.number
                    """, arguments: [id]
            ).map { Round(number: $0["number"], style: $0["style"], questions: $0["questions"]) }
            guard !teams.isEmpty else { throw BenchError("the demo contest has no teams") }
            return ContestDemoDatabase(directory: directory, path: path, contestId: id, title: demoTitle, boardToken: token, teams: teams, rounds: rounds)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// `POST /api/v1/session` as a script would; returns the `lb_session=…` cookie the answer sets.
private func logIn(port: Int, username: String, password: String) throws -> String {
    let body = try JSONEncoder().encode(["username": username, "password": password])
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    guard connected else { throw BenchError("connect to the server: \(String(cString: strerror(errno)))") }
    let head = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    let request = Array(head.utf8) + Array(body)
    guard send(fd, request, request.count, 0) == request.count else { throw BenchError("sending the login failed") }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4_096)
    while true {
        let received = recv(fd, &buffer, buffer.count, 0)
        if received <= 0 { break }
        answer += buffer[0..<received]
    }
    let text = String(decoding: answer, as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n\r\n").first?.components(separatedBy: "\r\n") ?? []
    guard let status = lines.first, status.hasPrefix("HTTP/1.1 200") else {
        throw BenchError("logging in as \(username) was answered \(lines.first ?? "nothing")")
    }
    for line in lines.dropFirst() where line.lowercased().hasPrefix("set-cookie:") {
        let cookie = line.dropFirst("set-cookie:".count).trimmingCharacters(in: .whitespaces).split(separator: ";").first.map(String.init) ?? ""
        if cookie.hasPrefix("lb_session="), cookie.count > "lb_session=".count { return cookie }
    }
    throw BenchError("logging in as \(username) set no lb_session cookie")
}

/// Raises the soft limit on open files to at least `needed` (and the hard limit, where allowed); returns the limit.
private func raiseOpenFileLimit(to needed: Int) throws -> Int {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { throw BenchError("getrlimit: \(String(cString: strerror(errno)))") }
    guard limit.rlim_cur < rlim_t(needed) else { return Int(limit.rlim_cur) }
    if limit.rlim_max < rlim_t(needed) { limit.rlim_max = rlim_t(needed) }
    limit.rlim_cur = limit.rlim_max
    guard setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
        throw BenchError("\(needed) open files are needed, and the limit cannot be raised (\(String(cString: strerror(errno)))): raise it with ulimit -n")
    }
    return Int(limit.rlim_cur)
}

/// User and system CPU time of this process so far, in seconds.
private func benchCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
