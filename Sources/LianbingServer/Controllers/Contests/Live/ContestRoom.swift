import Foundation
import LianbingCore
import LianbingStore
import Logging

/// Who is on the other end of a live connection.
enum LiveAudience: Sendable {
    case host(Principal)
    case contestant(Principal, team: Int64)
    /// The projector, by its read-only link.
    case board

    var principal: Principal? {
        switch self {
        case .host(let principal), .contestant(let principal, _): principal
        case .board: nil
        }
    }
}

/// One contest's live screens: it keeps what is not in the log (the host's current round, the timer, the buzzes
/// and typed answers of the open question), turns requests into service calls, and after every change sends each
/// screen the whole picture again, built from the log. The log is the truth: a restarted server's room rebuilds
/// itself from it, and a reconnecting screen gets the same picture as one that never left.
actor ContestRoom {
    /// How long after the first buzz the room waits for buzzes stamped earlier but still on their way through
    /// other connections, before ruling: short enough that nobody notices, long enough for a loaded server.
    static let buzzGrace: Duration = .milliseconds(40)
    static let logger = Logger(label: "lianbing.contest")

    let contestId: Int64
    let database: AppDatabase
    private var clients: [Int: (audience: LiveAudience, outbox: AsyncStream<String>.Continuation)] = [:]
    private var nextClient = 0
    private var snapshot: ContestLiveSnapshot?
    private var refreshes = 0, appliedRefresh = 0
    private var currentRound = 1
    private var timer = LiveClock()
    private var expiry: Task<Void, Never>?
    // The open question's buzzes.
    private var opening: ContestEvent?
    private var buzzes: [Buzz] = []
    private var buzzers: [Int: Principal] = [:]
    private var buzzOrder: [Buzz] = []
    private var deciding = false
    private var fouled: Set<Int64> = []
    private var answers: [Int64: String] = [:]

    init(contestId: Int64, database: AppDatabase) {
        self.contestId = contestId
        self.database = database
    }

    /// Follows the contest's changes made through any door of this server (the API, the contest page), so that the
    /// screens show them too; the room's own changes arrive here as well and are skipped, the snapshot already
    /// holding them.
    func follow() async {
        do {
            for try await mark in database.contestChanges(contestId) where mark != snapshot?.mark {
                await refresh()
            }
        } catch {}
    }

    /// Registers a screen and sends it the current picture.
    func join(_ audience: LiveAudience) async -> (Int, AsyncStream<String>) {
        let (stream, outbox) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        nextClient += 1
        let id = nextClient
        clients[id] = (audience, outbox)
        if snapshot == nil { await refresh() } else { send(to: id) }
        return (id, stream)
    }

    func leave(_ id: Int) {
        clients.removeValue(forKey: id)?.outbox.finish()
    }

    var connections: Int { clients.count }

    /// One request from a screen, stamped when it was decoded.
    func handle(_ request: LiveRequest, from id: Int, clock: Int64, arrival: Int) async {
        guard let audience = clients[id]?.audience else { return }
        // Any screen may ask for the whole picture again, e.g. after missing one.
        if request.action == "sync" { return send(to: id) }
        do {
            var note: String?
            switch audience {
            case .board:
                throw LianbingError.forbidden("排行榜只读")
            case .contestant(let principal, let team):
                note = try await contestantRequest(request, principal: principal, team: team, clock: clock, arrival: arrival)
            case .host(let principal):
                try await hostRequest(request, principal: principal, clock: clock)
            }
            reply(id, LiveReply(type: "ack", action: request.action, message: note))
        } catch let error as LianbingError {
            reply(id, LiveReply(type: "error", action: request.action, message: error.message))
        } catch {
            reply(id, LiveReply(type: "error", action: request.action, message: "操作失败，请重试"))
        }
    }

    // MARK: - Requests

    private func contestantRequest(_ request: LiveRequest, principal: Principal, team: Int64, clock: Int64, arrival: Int) async throws -> String? {
        switch request.action {
        case "buzz":
            return try await buzz(Buzz(team: team, member: principal.staffNumber, clockMilliseconds: clock, arrival: arrival), by: principal)
        case "stake":
            guard let open = opening, let amount = request.amount else { throw LianbingError.conflict("当前没有待选分值的题目") }
            try await record(.stake(team: team, question: request.question ?? open.question!, amount: amount), by: principal, clock: clock)
        case "answer":
            guard opening != nil else { throw LianbingError.conflict("当前没有正在作答的题目") }
            let text = (request.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...200).contains(text.count) else { throw LianbingError.invalid("答案须为 1 到 200 个字") }
            answers[team] = text
            broadcast()
        default:
            throw LianbingError.forbidden("只有主持人可以\(request.action == "open" ? "出题" : "操作")")
        }
        return nil
    }

    private func hostRequest(_ request: LiveRequest, principal: Principal, clock: Int64) async throws {
        let contest = try await current().contest
        switch request.action {
        case "round":
            let plan = try contest.round(try InputBounds.check(request.round ?? 0, in: ContestBounds.rounds, "轮次"))
            currentRound = plan.round.number
            timer.reset(limit: plan.round.rules.timeLimitSeconds * 1_000)
            broadcast()
        case "open":
            _ = try await record(.open(question: request.question ?? 0), by: principal, clock: clock)
            timer.reset(limit: try contest.round(currentRound).round.rules.timeLimitSeconds * 1_000)
            startTimer(now: clock)
        case "timer":
            if request.running == true { startTimer(now: clock) } else { timer.stop(now: clock) }
            broadcast()
        case "rule":
            guard let team = request.team, let verdict = request.verdict else { throw LianbingError.invalid("请选择参赛队和判定") }
            let question = try request.question ?? openQuestionNumber()
            let buzzed = snapshot?.buzz.flatMap { $0.team == team ? $0.elapsedMilliseconds : nil }
            let elapsed = buzzed ?? opening.map { Int(max(0, min(clock - $0.clockMilliseconds, 6_000_000))) }
            try await record(.rule(team: team, question: question, verdict: verdict, elapsedMilliseconds: elapsed), by: principal, clock: clock)
            timer.stop(now: clock)
        case "pass":
            try await record(.pass(question: try request.question ?? openQuestionNumber()), by: principal, clock: clock)
            timer.stop(now: clock)
        case "foul":
            guard let team = request.team else { throw LianbingError.invalid("请选择参赛队") }
            try await record(.foul(team: team, member: nil), by: principal, clock: clock)
        case "stake":
            guard let team = request.team, let amount = request.amount else { throw LianbingError.invalid("请选择参赛队和分值") }
            try await record(.stake(team: team, question: try request.question ?? openQuestionNumber(), amount: amount), by: principal, clock: clock)
        case "mark":
            guard let team = request.team, let mark = request.mark, let question = request.question else { throw LianbingError.invalid("请填写参赛队、题号和分数") }
            try await record(.mark(team: team, question: question, mark: mark), by: principal, clock: clock)
        case "settle":
            guard let team = request.team, let question = request.question else { throw LianbingError.invalid("请选择参赛队和题号") }
            try await record(.settle(team: team, question: question), by: principal, clock: clock)
        case "correct":
            let sequence = try request.sequence ?? lastCorrectable()
            try await record(.correct(sequence: sequence, reason: request.text ?? "主持人撤销"), by: principal, clock: clock)
        case "freeze":
            _ = try await database.freezeContestBoard(contestId, frozen: request.frozen ?? true, by: principal)
            await refresh()
        case "reveal":
            _ = try await database.revealNextContestEvent(contestId, by: principal)
            await refresh()
        default:
            throw LianbingError.invalid("未知操作：\(request.action.prefix(20))")
        }
    }

    /// Records an action in the current round and brings every screen up to date.
    @discardableResult
    private func record(_ action: ContestAction, by principal: Principal, clock: Int64) async throws -> ContestUpdate {
        let update = try await database.recordContestAction(contestId, round: currentRound, action, clockMilliseconds: clock, by: principal)
        await refresh()
        return update
    }

    // MARK: - Buzzer

    /// Takes a buzz for ruling; returns what the phone is told if it came too late to count.
    private func buzz(_ buzz: Buzz, by principal: Principal) async throws -> String? {
        let style = try await current().contest.round(currentRound).round.style
        guard style == .buzzer || style == .playoff else { throw LianbingError.conflict("本轮不是抢答轮") }
        guard let opening else {
            // Pressed before the question opened: a foul, once per team until the next question.
            guard style == .buzzer, fouled.insert(buzz.team).inserted else { throw LianbingError.conflict("题目尚未出示") }
            try await record(.foul(team: buzz.team, member: buzz.member), by: principal, clock: buzz.clockMilliseconds)
            throw LianbingError.conflict("抢答犯规：题目尚未出示")
        }
        // Too late is an answer, not a failure: the phone says so and the round goes on.
        guard snapshot?.buzz == nil, !buzzes.contains(where: { $0.team == buzz.team }) else { return "已有队伍抢到答题权" }
        buzzes.append(buzz)
        buzzers[buzz.arrival] = principal
        if !deciding {
            deciding = true
            Task {
                try? await Task.sleep(for: Self.buzzGrace)
                await self.decide()
            }
        }
        return nil
    }

    /// Rules the buzzes gathered so far (`BuzzArbiter`) and records the winner and any fouls.
    private func decide() async {
        defer { deciding = false }
        guard let opening, let contest = snapshot?.contest, let round = try? contest.round(opening.round).round else { return }
        let ruling = BuzzArbiter.rule(
            openedAt: opening.clockMilliseconds, limitMilliseconds: round.rules.timeLimitSeconds * 1_000, buzzes: buzzes)
        buzzOrder = ruling.order
        for foul in ruling.fouls where fouled.insert(foul.team).inserted {
            if let principal = buzzers[foul.arrival] {
                _ = try? await database.recordContestAction(
                    contestId, round: opening.round, .foul(team: foul.team, member: foul.member), clockMilliseconds: foul.clockMilliseconds, by: principal)
            }
        }
        if let winner = ruling.winner, let principal = buzzers[winner.arrival] {
            let elapsed = Int(winner.clockMilliseconds - opening.clockMilliseconds)
            _ = try? await database.recordContestAction(
                contestId, round: opening.round, .buzz(team: winner.team, member: winner.member, elapsedMilliseconds: elapsed),
                clockMilliseconds: winner.clockMilliseconds, by: principal)
            timer.stop(now: winner.clockMilliseconds)
        }
        await refresh()
    }

    // MARK: - State

    private func current() async throws -> ContestLiveSnapshot {
        if let snapshot { return snapshot }
        await refresh()
        guard let snapshot else { throw LianbingError.notFound("比赛 \(contestId)") }
        return snapshot
    }

    private func openQuestionNumber() throws -> Int {
        guard let question = opening?.question else { throw LianbingError.conflict("当前没有正在作答的题目") }
        return question
    }

    /// The latest event in effect that a correction may undo (a shown question cannot be taken back).
    private func lastCorrectable() throws -> Int {
        guard let events = snapshot?.events else { throw LianbingError.conflict("没有可更正的记录") }
        let inEffect = Scoreboard.inEffect(events)
        guard let last = inEffect.last(where: { $0.kind != .opened }) else { throw LianbingError.conflict("没有可更正的记录") }
        return last.sequence
    }

    /// Reads the log again and sends everyone the new picture. A read that started before a newer one finished is
    /// dropped, so screens never step back.
    private func refresh() async {
        refreshes += 1
        let ticket = refreshes
        let fresh: ContestLiveSnapshot
        do {
            fresh = try await database.contestLiveSnapshot(contestId)
        } catch {
            Self.logger.error("contest \(contestId): the live screens could not be brought up to date: \(String(reflecting: error))")
            return
        }
        guard ticket > appliedRefresh else { return }
        appliedRefresh = ticket
        snapshot = fresh
        if fresh.opening?.sequence != opening?.sequence {
            // A new question (or none): its buzzes, fouls and typed answers start afresh.
            opening = fresh.opening
            buzzes = []
            buzzers = [:]
            buzzOrder = []
            answers = [:]
            if fresh.opening != nil { fouled = [] }
        }
        if let round = fresh.opening?.round { currentRound = round }
        broadcast()
    }

    private func startTimer(now: Int64) {
        timer.start(now: now)
        expiry?.cancel()
        let remaining = timer.remaining(now: now)
        expiry = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(remaining))
            guard !Task.isCancelled else { return }
            await self?.timerExpired()
        }
        broadcast()
    }

    private func timerExpired() {
        timer.stop(now: AppDatabase.monotonicMilliseconds())
        broadcast()
    }

    /// Sends every screen the picture, each version made once however many screens show it (a thousand
    /// projector and audience screens share one).
    private func broadcast() {
        guard let builder = stateBuilder() else { return }
        var made: [String: String] = [:]
        for client in clients.values {
            let key = builder.versionKey(client.audience)
            let json = made[key] ?? builder.json(for: client.audience)
            made[key] = json
            client.outbox.yield(json)
        }
    }

    private func send(to id: Int) {
        guard let client = clients[id], let builder = stateBuilder() else { return }
        client.outbox.yield(builder.json(for: client.audience))
    }

    private func stateBuilder() -> LiveStateBuilder? {
        snapshot.map {
            LiveStateBuilder(
                snapshot: $0, round: currentRound, timer: timer, now: AppDatabase.monotonicMilliseconds(), buzzOrder: buzzOrder, answers: answers)
        }
    }

    private func reply(_ id: Int, _ reply: LiveReply) {
        guard let data = try? JSONEncoder().encode(reply) else { return }
        clients[id]?.outbox.yield(String(decoding: data, as: UTF8.self))
    }
}
