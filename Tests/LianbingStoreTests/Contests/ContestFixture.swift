import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

// MARK: - Rounds
//
// Contests are organised by 天河区 (440106) and its administrator `county`; its three active staff take part:
// TH0001 张三 (`th1`, unit 440106), TH0002 李四 (`th2`, 440106001) and TH0003 王五 (`staff`, 440106001001). The live
// rounds draw on `ExamBank.questions` (ids such as SINGLE-1, TRUEFALSE-2, all under 队伍建设/学习培训).

enum ContestRounds {
    /// 必答: right +`right`, wrong −`wrong`.
    static func compulsory(_ questions: [String] = ["SINGLE-1", "SINGLE-2", "TRUEFALSE-1"], right: Int = 10, wrong: Int = 5) -> RoundDraft {
        var rules = RoundRules()
        (rules.rightPoints, rules.wrongPoints) = (right, wrong)
        return RoundDraft(style: .compulsory, title: "必答题", rules: rules, questionIds: questions)
    }

    /// 抢答: right +20, wrong −10, a buzz before the question opens −5.
    static func buzzer(_ questions: [String] = ["MULTIPLE-1", "TRUEFALSE-2"]) -> RoundDraft {
        var rules = RoundRules()
        (rules.rightPoints, rules.wrongPoints, rules.foulPoints) = (20, 10, 5)
        return RoundDraft(style: .buzzer, title: "抢答题", rules: rules, questionIds: questions)
    }

    /// 风险题: stakes 10, 20, 30.
    static func risk(_ questions: [String] = ["BLANK-1", "BLANK-2"]) -> RoundDraft {
        var rules = RoundRules()
        rules.stakes = [10, 20, 30]
        return RoundDraft(style: .risk, title: "风险题", rules: rules, questionIds: questions)
    }

    /// 评委打分: one performance per team, the highest and lowest marks dropped.
    static func judged() -> RoundDraft { RoundDraft(style: .judged, title: "情景模拟") }

    static func written(exam: Int64) -> RoundDraft { RoundDraft(style: .written, title: "笔试", examId: exam) }
}

/// A paper of objective questions only, so that every attempt is marked the moment it is submitted: one single choice
/// (6 points) and one true/false (4 points), 10 in all.
enum ContestPaper {
    static let blueprint = Blueprint(
        title: "比武笔试", purpose: .assessment,
        sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 6), BlueprintSection(kind: .trueFalse, pointsPerQuestion: 4)],
        cells: [
            BlueprintCell(knowledgePoint: "队伍建设", kind: .singleChoice, difficulty: 1...5, count: 1),
            BlueprintCell(knowledgePoint: "队伍建设", kind: .trueFalse, difficulty: 1...5, count: 1),
        ],
        totalPoints: 10, targetDifficulty: 3, difficultyTolerance: 0.5)
}

// MARK: - The fixture

extension Fixture {
    /// The full fixture with the exam bank imported, staff accounts `th1` (TH0001) and `th2` (TH0002) beside `staff`
    /// (TH0003), and a trainer `judge` at 天河区 for a judging panel — in memory, or in a WAL file at `path`.
    static func forContests(path: String? = nil) async throws -> Fixture {
        let fixture = try await Fixture.make(path: path)
        let op = try await fixture.op()
        _ = try await fixture.db.importQuestions(
            QuestionImport(questions: ExamBank.questions.map { LocatedQuestion(question: $0, file: "bank.txt", line: 1) }), note: "contest bank", by: op)
        for new in [
            NewAccount(username: "th1", role: .staff, unitCode: Code.tianhe, staffNumber: Roster.tianheDirector.number, password: password),
            NewAccount(username: "th2", role: .staff, unitCode: Code.shipai, staffNumber: Roster.shipaiReceptionist.number, password: password),
            NewAccount(username: "judge", role: .trainer, unitCode: Code.tianhe, password: password),
        ] {
            _ = try await fixture.db.createAccount(new, by: op)
        }
        return fixture
    }

    /// A contest created by the county administrator (or `principal`), 天河区 unless `unit` says otherwise.
    func createContest(
        _ title: String = "天河区业务技能比武", format: ContestFormat = .individual, unit: String = Code.tianhe,
        heldOn: String = "2026-05-20", basePoints: Int = 100, by principal: Principal? = nil
    ) async throws -> Contest {
        let draft = ContestDraft(title: title, unitCode: unit, format: format, heldOn: CivilDate(heldOn)!, basePoints: basePoints)
        return try await db.createContest(draft, by: try await host(principal))
    }

    /// One team of one per staff number, in draw order.
    @discardableResult
    func enterIndividuals(_ numbers: [String], in contest: Contest, by principal: Principal? = nil) async throws -> Contest {
        let admin = try await host(principal)
        for number in numbers { _ = try await db.addContestTeam(contest.id, TeamDraft(members: [number]), by: admin) }
        return try await db.contest(contest.id, by: admin)
    }

    /// A running individual contest of 天河区 (base 100): TH0001, TH0002, TH0003 drawn in that order, with `rounds`.
    func runningIndividualContest(
        _ rounds: [RoundDraft] = [ContestRounds.compulsory()], title: String = "天河区业务技能比武", heldOn: String = "2026-05-20",
        entrants: [String] = ["TH0001", "TH0002", "TH0003"]
    ) async throws -> Contest {
        let admin = try await countyAdmin()
        let contest = try await createContest(title, heldOn: heldOn)
        try await enterIndividuals(entrants, in: contest)
        for round in rounds { _ = try await db.addContestRound(contest.id, round, by: admin) }
        return try await db.setContestStatus(contest.id, .running, by: admin)
    }

    /// A finished individual contest whose entrants end on base 100 plus the points given (entered by hand, as from paper).
    func finishedIndividualContest(_ points: KeyValuePairs<String, Int>, title: String, heldOn: String = "2026-05-20") async throws -> Contest {
        let contest = try await runningIndividualContest(title: title, heldOn: heldOn, entrants: points.map(\.key))
        for (number, change) in points where change != 0 {
            try await record(contest, .manual(team: contest.team(of: number).id, question: nil, points: ContestPoints(points: change), reason: "纸质成绩单"))
        }
        return try await db.setContestStatus(contest.id, .finished, by: try await countyAdmin())
    }

    /// Records `action` in `round`, by the county administrator as host unless `principal` is given.
    @discardableResult
    func record(_ contest: Contest, round: Int = 1, _ action: ContestAction, by principal: Principal? = nil) async throws -> ContestUpdate {
        try await db.recordContestAction(contest.id, round: round, action, by: try await host(principal))
    }

    /// The host's (live) board.
    func board(_ contest: Contest, by principal: Principal? = nil) async throws -> [ContestStanding] {
        try await db.contestBoard(contest.id, by: try await host(principal))
    }

    /// `principal`, or the county administrator who organises the fixture's contests.
    func host(_ principal: Principal?) async throws -> Principal {
        if let principal { return principal }
        return try await countyAdmin()
    }

    /// The trainer `judge` at 天河区.
    func judge() async throws -> Principal { try await principal("judge") }
}


/// Where a test's database lives: key tests run on both, as the server (a WAL file pool) and the other tests (memory) do.
enum ContestStorage: String, CaseIterable, Sendable {
    case memory, file
}

/// Runs `body` on a fresh contest fixture in `storage`; a file database is closed and removed afterwards.
func withContestFixture<T>(_ storage: ContestStorage, _ body: (Fixture) async throws -> T) async throws -> T {
    switch storage {
    case .memory:
        return try await body(Fixture.forContests())
    case .file:
        return try await withTemporaryDirectory { dir in
            let fixture = try await Fixture.forContests(path: dir.appendingPathComponent("contests.sqlite").path)
            defer { try? fixture.db.close() }
            return try await body(fixture)
        }
    }
}

// MARK: - Reading contests and boards

extension Contest {
    /// The team `number` is on.
    func team(of number: String) -> ContestTeam {
        guard let team = teams.first(where: { $0.members.contains { $0.staffNumber == number } }) else {
            preconditionFailure("\(number) is on no team of contest \(id)")
        }
        return team
    }
}

extension [ContestStanding] {
    /// A team's points as the board shows them (nil: not on the board).
    func points(of team: Int64) -> Double? { first { $0.entrant.id == team }?.points.value }
    /// Every team's points by team name, for whole-board comparisons.
    var pointsByName: [String: Double] { Dictionary(uniqueKeysWithValues: map { ($0.entrant.name, $0.points.value) }) }
    /// Team names in board order.
    var names: [String] { map(\.entrant.name) }
}

extension AppDatabase {
    /// The stored log's last sequence number, read straight from the table.
    func lastContestSequence(_ contestId: Int64) async throws -> Int {
        try await reader.read { db in try AppDatabase.lastContestSequence(contestId, db) }
    }
}
